using Infra.Core.Sampling;
using Infra.Core.Settings;

namespace Infra.Core.Tests.Sampling;

/// <summary>
/// X-Ray's adaptive sampling boost is decided at the trace's root service and only for supported ADOT SDKs
/// (Java 2.11.5+, Python 0.15.0+) running with the CloudWatch agent or an OpenTelemetry collector:
/// "If the root service is not supported, no boost occurs".
/// https://docs.aws.amazon.com/xray/latest/devguide/xray-adaptive-sampling.html (read 2026-11-26).
/// In this stack API Gateway is the root of every request trace, and API Gateway is not an ADOT SDK.
/// </summary>
public class AdaptiveBoostTests
{
    private const string Doc = "https://docs.aws.amazon.com/xray/latest/devguide/xray-adaptive-sampling.html";
    private const string DocQuote = "If the root service is not supported, no boost occurs";

    private static string Rule(string scope, double maxRate = 0.5) =>
        $$$"""{"rules":[{"name":"orders","priority":50,"fixedRate":0.1{{{scope}}},"boost":{"maxRate":{{{maxRate.ToString(System.Globalization.CultureInfo.InvariantCulture)}}},"cooldownWindowMinutes":5}}]}""";

    [Theory]
    [InlineData("dev")]
    [InlineData("staging")]
    [InlineData("prod")]
    public void NoGeneratedRuleCarriesABoost(string stack)
    {
        var rules = TestStacks.Blueprint(stack).Sampling.Rules;
        Assert.NotEmpty(rules);
        Assert.All(rules, rule => Assert.Null(rule.Boost));
    }

    [Theory]
    [InlineData("")]
    [InlineData(""","serviceType":"AWS::ApiGateway::Stage","serviceName":"orders-api/prod" """)]
    [InlineData(""","serviceName":"*" """)]
    [InlineData(""","serviceName":"adot-tracing-prod-api/*" """)]
    [InlineData(""","serviceName":"orders","serviceType":"AWS::Lambda::Function" """)]
    [InlineData(""","serviceName":"orders","serviceType":"AWS::StepFunctions::StateMachine" """)]
    public void BoostIsRefusedWhereXRayNeverAppliesIt(string scope)
    {
        var error = TestStacks.Single(TestStacks.Errors("prod", ("sampling", Rule(scope, 0.35))), "adot-tracing:sampling.rules[0].boost");
        Assert.Contains("0.35", error.Message);
        Assert.Contains(DocQuote, error.Message);
        Assert.Contains(Doc, error.Message);
    }

    [Fact]
    public void BoostOnTheApiStageNamesTheStageAsTheRoot()
    {
        var error = TestStacks.Single(TestStacks.Errors("prod", ("sampling", Rule(""))), "adot-tracing:sampling.rules[0].boost");
        Assert.Contains("adot-tracing-prod-api/prod", error.Message);
        Assert.Contains("root", error.Message);
    }

    [Theory]
    [InlineData("orders-service", "AWS::ECS::Container")]
    [InlineData("orders-service", "AWS::EC2::Instance")]
    [InlineData("orders-service", null)]
    public void BoostIsAllowedOnARuleForADeclaredSdkService(string service, string? type)
    {
        var scope = $",\"serviceName\":\"{service}\"" + (type is null ? "" : $",\"serviceType\":\"{type}\"");
        var rule = TestStacks.Blueprint("prod", ("sampling", Rule(scope))).Sampling.Rules.Single(candidate => candidate.Kind == RuleKind.Custom);
        Assert.Equal(service, rule.ServiceName);
        Assert.Equal(type ?? "*", rule.ServiceType);
        Assert.Equal(0.5, rule.Boost!.MaxRate);
        Assert.Equal(5, rule.Boost.CooldownWindowMinutes);
    }

    [Fact]
    public void CustomRuleWithoutAServiceTargetsTheStage()
    {
        var rule = TestStacks.Blueprint("prod", ("sampling", """{"rules":[{"name":"orders","priority":50,"fixedRate":0.1}]}""")).Sampling.Rules
            .Single(candidate => candidate.Kind == RuleKind.Custom);
        Assert.Equal(("adot-tracing-prod-api/prod", "AWS::ApiGateway::Stage"), (rule.ServiceName, rule.ServiceType));
    }

    [Fact]
    public void ARuleForAnotherServiceDoesNotSampleTheApisTraffic()
    {
        // Priority 50 comes before every generated rule; scoped to another service it must not capture API requests.
        var cost = TestStacks.Blueprint("prod", ("sampling", Rule(""","serviceName":"orders-service" """))).Cost;
        Assert.DoesNotContain(cost.Routes, route => route.MatchedRule.EndsWith("-orders", StringComparison.Ordinal));
        var stageScoped = TestStacks.Blueprint("prod", ("sampling", """{"rules":[{"name":"orders","priority":50,"fixedRate":0.1}]}""")).Cost;
        Assert.All(stageScoped.Routes, route => Assert.EndsWith("-orders", route.MatchedRule));
    }

    [Fact]
    public void TooLongServiceNameIsRefused() =>
        TestStacks.Single(TestStacks.Errors("prod", ("sampling", $$"""{"rules":[{"name":"a","priority":1,"fixedRate":0.5,"serviceName":"{{new string('s', 65)}}"}]}""")),
            "adot-tracing:sampling.rules[0].serviceName");
}
