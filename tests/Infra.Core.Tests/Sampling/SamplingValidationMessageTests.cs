using Infra.Core.Sampling;
using Infra.Core.Settings;

namespace Infra.Core.Tests.Sampling;

/// <summary>
/// What adot-tracing:sampling reports, word for word, and on both sides of each limit. X-Ray facts:
/// SamplingRule (https://docs.aws.amazon.com/xray/latest/api/API_SamplingRule.html): Priority 1 to 9999, ServiceName
/// "Maximum length of 64"; the quota of 25 sampling rules per Region, the Default rule not counted
/// (https://docs.aws.amazon.com/general/latest/gr/xray.html, "Service quotas").
/// </summary>
public class SamplingValidationMessageTests
{
    private const string Key = "adot-tracing:sampling";

    private const string PriorityRule =
        "priorities must be unique within the stack (generated rules use 100+ for critical paths, 200+ for routine paths and 9000 for the fallback).";

    private static string CriticalPaths(int count) =>
        $"{{\"criticalPaths\":[{string.Join(",", Enumerable.Range(0, count).Select(i => $"\"/p{i}*\""))}]}}";

    private static IReadOnlyList<string> QuotaWarnings(SettingsResult result) =>
        result.Warnings.Where(warning => warning.StartsWith($"{Key}: ", StringComparison.Ordinal)).ToList();

    [Fact]
    public void TwentyFiveRulesFitTheRegionalQuotaButAreWarnedAbout()
    {
        // 21 critical paths + 3 routine paths + the fallback.
        var result = TestStacks.Parse("dev", ("sampling", CriticalPaths(21)));
        Assert.True(result.IsValid, string.Join(" | ", result.Errors));
        Assert.Equal(
            ["adot-tracing:sampling: 25 sampling rules in one stack; stacks share X-Ray's quota of 25 rules per region."],
            QuotaWarnings(result));
    }

    [Fact]
    public void TwentySixRulesExceedTheRegionalQuotaAndAreNotAlsoWarnedAbout()
    {
        var result = TestStacks.Parse("dev", ("sampling", CriticalPaths(22)));
        var error = TestStacks.Single(result.Errors, Key);
        Assert.Equal("26 sampling rules exceed X-Ray's default quota of 25 per region (shared by every stack in the account).", error.Message);
        Assert.Empty(QuotaWarnings(result));
    }

    [Fact]
    public void EightRulesInAStackPassQuietlyAndNineAreWarnedAbout()
    {
        var eight = TestStacks.Parse("dev", ("sampling", CriticalPaths(4)));
        Assert.True(eight.IsValid);
        Assert.Empty(QuotaWarnings(eight));

        var nine = TestStacks.Parse("dev", ("sampling", CriticalPaths(5)));
        Assert.True(nine.IsValid);
        Assert.Equal(
            ["adot-tracing:sampling: 9 sampling rules in one stack; stacks share X-Ray's quota of 25 rules per region."],
            QuotaWarnings(nine));
    }

    [Fact]
    public void TheApiServiceNameMayHaveSixtyFourCharactersButNotSixtyFive()
    {
        // "adot-tracing-a-twenty-char-stack1-api/" has 38 characters; the stage name makes up the rest.
        const string stack = "a-twenty-char-stack1";
        var fits = TestStacks.Parse(stack, ("environment", "dev"), ("api", $"{{\"stageName\":\"{new string('s', 26)}\"}}"));
        Assert.DoesNotContain(fits.Errors, error => error.Key == Key);
        Assert.True(fits.IsValid, string.Join(" | ", fits.Errors));

        var stage = new string('s', 27);
        var error = TestStacks.Single(TestStacks.Errors(stack, ("environment", "dev"), ("api", $"{{\"stageName\":\"{stage}\"}}")), Key);
        Assert.Equal(
            $"service name 'adot-tracing-a-twenty-char-stack1-api/{stage}' has 65 characters; X-Ray allows 64. Shorten the stack or stage name.",
            error.Message);
    }

    [Fact]
    public void APriorityClashWithAGeneratedRuleNamesBothRules()
    {
        var error = TestStacks.Single(
            TestStacks.Errors("dev", ("sampling", """{"rules":[{"name":"orders","priority":100,"fixedRate":0.3}]}""")),
            "adot-tracing:sampling.rules[0].priority");
        Assert.Equal($"priority 100 is used by 'critical-1' and 'orders'; {PriorityRule}", error.Message);
    }

    [Fact]
    public void OfTwoClashingCustomRulesTheOneFirstByNameCarriesTheError()
    {
        var errors = TestStacks.Errors("dev", ("sampling",
            """{"rules":[{"name":"zeta","priority":50,"fixedRate":0.3},{"name":"alpha","priority":50,"fixedRate":0.3}]}"""));
        var error = Assert.Single(errors);
        Assert.Equal("adot-tracing:sampling.rules[1].priority", error.Key);
        Assert.Equal($"priority 50 is used by 'alpha' and 'zeta'; {PriorityRule}", error.Message);
    }

    [Fact]
    public void CriticalPathsThatRunIntoTheRoutinePrioritiesAreReportedOnTheRoutinePaths()
    {
        // 101 critical paths take priorities 100 to 200; routine-1 has 200.
        var errors = TestStacks.Errors("dev", ("sampling", CriticalPaths(101)));
        var error = TestStacks.Single(errors, "adot-tracing:sampling.routinePaths.priority");
        Assert.Equal($"priority 200 is used by 'critical-101' and 'routine-1'; {PriorityRule}", error.Message);
    }

    [Fact]
    public void ACustomRuleNamedLikeAGeneratedOneIsADuplicateName()
    {
        var error = TestStacks.Single(
            TestStacks.Errors("dev", ("sampling", """{"rules":[{"name":"fallback","priority":50,"fixedRate":0.3}]}""")),
            "adot-tracing:sampling.rules[0].name");
        Assert.Equal("rule name 'adot-tracing-dev-fallback' is used twice in this stack.", error.Message);
    }

    [Fact]
    public void ABoostOnTheStageIsRefusedWithTheWholeReason()
    {
        var error = TestStacks.Single(
            TestStacks.Errors("prod", ("sampling", """{"rules":[{"name":"orders","priority":50,"fixedRate":0.1,"boost":{"maxRate":0.35,"cooldownWindowMinutes":5}}]}""")),
            "adot-tracing:sampling.rules[0].boost");
        Assert.Equal(
            "maxRate 0.35 cannot take effect: the rule applies to this stack's API Gateway stage 'adot-tracing-prod-api/prod', the root of every request trace, "
            + "which is not an ADOT SDK. X-Ray boosts only when the trace's root service runs a supported ADOT SDK (Java 2.11.5 or later, Python 0.15.0 or later) "
            + "with the CloudWatch agent or an OpenTelemetry collector; \"If the root service is not supported, no boost occurs\" "
            + "(https://docs.aws.amazon.com/xray/latest/devguide/xray-adaptive-sampling.html). "
            + "Set serviceName (and serviceType) to an ADOT-SDK service that starts its own traces, or remove boost.",
            error.Message);
    }

    [Theory]
    // Sampling rules apply to API Gateway stages, AppSync GraphQL APIs and Step Functions state machines, which sample
    // themselves, and to services running an SDK; Lambda functions are not among the use cases.
    // https://docs.aws.amazon.com/xray/latest/devguide/xray-console-sampling.html
    [InlineData("AWS::AppSync::GraphQLAPI")]
    [InlineData("AWS::StepFunctions::StateMachine")]
    [InlineData("AWS::Lambda::Function")]
    [InlineData("AWS::ApiGateway::Stage")]
    public void ABoostOnAServiceThatSamplesItselfNamesItsType(string type)
    {
        var error = TestStacks.Single(
            TestStacks.Errors("prod", ("sampling", $$$"""{"rules":[{"name":"orders","priority":50,"fixedRate":0.1,"serviceName":"orders","serviceType":"{{{type}}}","boost":{"maxRate":0.5}}]}""")),
            "adot-tracing:sampling.rules[0].boost");
        Assert.StartsWith(
            $"maxRate 0.5 cannot take effect: the rule's service type {type} is an AWS service that makes its own sampling decision, not an ADOT SDK. ",
            error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AServiceTypeInOtherCaseIsTheSameType()
    {
        // Samplers compare a rule field without wildcards to the span's value ignoring case, e.g. OpenTelemetry .NET's
        // AWS X-Ray sampler: open-telemetry/opentelemetry-dotnet-contrib@0758661991dabacc32cd4a82442219c94c5b5165:
        // src/OpenTelemetry.Sampler.AWS/Matcher.cs (WildcardMatch, StringComparison.OrdinalIgnoreCase).
        var rule = Spec("orders", RuleKind.Custom, 50, "orders", "aws::lambda::function");
        Assert.Equal(
            "the rule's service type AWS::Lambda::Function is an AWS service that makes its own sampling decision, not an ADOT SDK",
            SamplingBuilder.BoostCannotFire(rule, "adot-tracing-prod-api/prod"));
    }

    [Fact]
    public void ARuleForTheStageButAnotherServiceTypeMayBoost()
    {
        // Service name and type must both match the stage for the rule to apply to it.
        var apiService = "adot-tracing-prod-api/prod";
        var rule = Spec("orders", RuleKind.Custom, 50, apiService, "AWS::ECS::Container");
        Assert.Null(SamplingBuilder.BoostCannotFire(rule, apiService));
        Assert.NotNull(SamplingBuilder.BoostCannotFire(rule with { ServiceType = "*" }, apiService));
    }

    [Theory]
    // Rules the stack generates from criticalPaths and routinePaths report under the list they come from; the fallback
    // under sampling itself.
    [InlineData(RuleKind.Critical, "adot-tracing:sampling.criticalPaths.boost")]
    [InlineData(RuleKind.Routine, "adot-tracing:sampling.routinePaths.boost")]
    [InlineData(RuleKind.Fallback, "adot-tracing:sampling.boost")]
    public void ErrorsOnGeneratedRulesNameTheListTheRuleComesFrom(RuleKind kind, string key)
    {
        var settings = TestStacks.Settings("prod");
        var apiService = "adot-tracing-prod-api/prod";
        var errors = new ErrorSink();
        SamplingBuilder.Validate([Spec("generated", kind, 100, apiService, SamplingBuilder.ServiceType) with { Boost = new SamplingBoost(0.5, 5) }], settings, apiService, errors);
        Assert.Equal([key], errors.Errors.Select(error => error.Key));
    }

    [Fact]
    public void TwoGeneratedRulesOfOneNameReportTheFirst()
    {
        var settings = TestStacks.Settings("prod");
        var apiService = "adot-tracing-prod-api/prod";
        var errors = new ErrorSink();
        SamplingBuilder.Validate(
            [Spec("critical-1", RuleKind.Critical, 100, apiService, SamplingBuilder.ServiceType), Spec("critical-1", RuleKind.Routine, 200, apiService, SamplingBuilder.ServiceType)],
            settings, apiService, errors);
        var error = Assert.Single(errors.Errors);
        Assert.Equal(("adot-tracing:sampling.criticalPaths.name", "rule name 'adot-tracing-prod-critical-1' is used twice in this stack."), (error.Key, error.Message));
    }

    private static SamplingRuleSpec Spec(string key, RuleKind kind, int priority, string serviceName, string serviceType) =>
        new(key, $"adot-tracing-prod-{key}", kind, priority, 0.1, 1, serviceName, serviceType, "*", "*", "*", "*", Boost: null);
}
