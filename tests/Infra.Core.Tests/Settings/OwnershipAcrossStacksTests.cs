using Infra.Core.Blueprint;
using Infra.Core.Naming;
using Infra.Core.Settings;

namespace Infra.Core.Tests.Settings;

/// <summary>
/// One owner per (account, Region) of what AWS keeps once there. Transaction Search "is configured for the entire
/// account" and spans are searched in the Region that receives them
/// (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Enable-TransactionSearch.html); "only one
/// AWS::ApiGateway::Account resource per region per account"
/// (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-apigateway-account.html).
/// The account is the AWS provider's aws:allowedAccountIds (https://www.pulumi.com/registry/packages/aws/installation-configuration/).
/// </summary>
public class OwnershipAcrossStacksTests
{
    private const string West = "us-west-2";
    private const string East = "us-east-1";
    private const string AccountA = "111111111111";
    private const string AccountB = "222222222222";

    private static StackSettings Stack(string name, string region, string? account, params (string Key, string Value)[] values)
    {
        var all = new List<(string, string)> { ("aws:region", region), ("aws-native:region", region) };
        if (account is not null)
        {
            all.Add(("aws:allowedAccountIds", $"[\"{account}\"]"));
        }

        all.AddRange(values);
        return TestStacks.Settings(name, [.. all]);
    }

    private static readonly (string, string) SearchOn = ("transactionSearch", """{"enabled":true}""");
    private static readonly (string, string) DiscoveryOn = ("applicationSignals", """{"discovery":true}""");

    public static TheoryData<string, string, string?, string, string?, bool> Cases => new()
    {
        // feature, first Region, first account, second Region, second account, refused
        { "transactionSearch", West, null, West, null, true },         // same Region, accounts not told apart: assumed one
        { "transactionSearch", West, null, East, null, false },        // different Regions
        { "transactionSearch", West, AccountA, West, AccountA, true }, // same Region, same account
        { "transactionSearch", West, AccountA, West, AccountB, false },// same Region, different accounts
        { "transactionSearch", West, AccountA, West, null, true },     // one account unknown: assumed the same
        { "discovery", West, null, West, null, true },
        { "discovery", West, null, East, null, false },
        { "discovery", West, AccountA, West, AccountB, false },
        { "foundation", West, null, West, null, true },
        { "foundation", West, AccountA, East, AccountA, false },
        { "foundation", West, AccountA, West, AccountB, false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void AnAccountWideFeatureHasOneOwnerPerAccountAndRegion(string feature, string region1, string? account1, string region2, string? account2, bool refused)
    {
        (string, string)[] owns = feature switch
        {
            "transactionSearch" => [SearchOn],
            "discovery" => [DiscoveryOn],
            _ => [("kind", "foundation"), ("foundation", ""), ("environment", "prod")],
        };
        var first = Stack(feature == "foundation" ? "foundation-a" : "dev", region1, account1, owns);
        var second = Stack(feature == "foundation" ? "foundation-b" : "prod", region2, account2, owns);
        var errors = StackValidation.ValidateAcrossStacks([first, second]);
        Assert.Equal(refused, errors.Count == 1);
        Assert.Equal(refused ? 1 : 0, StackValidation.ValidateAcrossStacks([first, second], first).Count);
    }

    [Fact]
    public void StacksAssumedToShareAnAccountAreToldSo()
    {
        var error = Assert.Single(StackValidation.ValidateAcrossStacks([Stack("dev", West, null, SearchOn), Stack("prod", West, null, SearchOn)]));
        Assert.Equal("adot-tracing:transactionSearch.enabled", error.Key);
        Assert.Contains("dev, prod", error.Message);
        Assert.Contains("aws:allowedAccountIds", error.Message);
    }

    [Fact]
    public void StacksOfOneNamedAccountAreNotToldToSetIt()
    {
        var error = Assert.Single(StackValidation.ValidateAcrossStacks([Stack("dev", West, AccountA, SearchOn), Stack("prod", West, AccountA, SearchOn)]));
        Assert.Contains(AccountA, error.Message);
        Assert.DoesNotContain("assumed", error.Message);
    }

    [Fact]
    public void AnErrorDoesNotConcernAStackThatDoesNotOwnTheFeature()
    {
        var dev = Stack("dev", West, null, SearchOn);
        var staging = Stack("staging", West, null, DiscoveryOn);
        var prod = Stack("prod", West, null, SearchOn);
        Assert.Empty(StackValidation.ValidateAcrossStacks([dev, staging, prod], staging));
        Assert.Single(StackValidation.ValidateAcrossStacks([dev, staging, prod], prod));
    }

    [Theory]
    [InlineData("""["12345"]""")]
    [InlineData("123456789012")]
    [InlineData("""["12345678901a"]""")]
    public void AllowedAccountIdsMustBeAListOfTwelveDigitIds(string value)
    {
        var error = TestStacks.Single(TestStacks.Errors("dev", ("aws:allowedAccountIds", value)), "aws:allowedAccountIds");
        Assert.Contains("12", error.Message);
    }
}

/// <summary>What each kind of stack owns, and what an app stack without a foundation gives up.</summary>
public class FoundationKindTests
{
    private static readonly (string, string)[] Foundation = [("kind", "foundation"), ("foundation", ""), ("environment", "prod")];

    private static FoundationBlueprint FoundationOf(params (string Key, string Value)[] extra) =>
        FoundationBlueprint.Create(TestStacks.Settings("foundation", [.. Foundation, .. extra]), AwsContext.For("us-west-2", TestStacks.Account));

    [Fact]
    public void WhoeverRunsTheCollectorWatchesIt()
    {
        // The collector's CPU, memory and running-task alarms (ECS's service metrics and Container Insights' task count)
        // are the foundation's, with its alert topic and a dashboard; it has no API, so no SLO.
        var monitoring = Assert.IsType<Infra.Core.Monitoring.MonitoringSpec>(FoundationOf().Monitoring);
        Assert.Equal(["collector-cpu", "collector-memory", "collector-running-tasks"], monitoring.Alarms.Select(alarm => alarm.Key));
        Assert.Empty(monitoring.Slos);
        Assert.Equal("adot-tracing-foundation-alerts", monitoring.TopicName);
        var cost = FoundationOf().MonthlyCost.Lines;
        Assert.Equal((3.0, 1.0), (cost.Single(line => line.Key == "cloudwatch.alarms").Quantity, cost.Single(line => line.Key == "cloudwatch.dashboards").Quantity));
    }

    [Fact]
    public void AFoundationWithoutACollectorHasNothingToWatch() =>
        Assert.Null(FoundationOf(("collector", """{"enabled":false}""")).Monitoring);

    [Fact]
    public void AnUnknownKindIsRefusedNamingTheKey() =>
        Assert.Contains("app, foundation", TestStacks.Single(TestStacks.Errors("dev", ("kind", "platform")), "adot-tracing:kind").Message);

    [Fact]
    public void AFoundationReferencesNoFoundation() =>
        TestStacks.Single(TestStacks.Errors("foundation", ("kind", "foundation"), ("environment", "prod")), "adot-tracing:foundation");

    [Theory]
    [InlineData("a/b/c/d")]
    [InlineData("has space")]
    public void TheFoundationIsAStackReferenceName(string name) =>
        TestStacks.Single(TestStacks.Errors("dev", ("foundation", name)), "adot-tracing:foundation");

    [Fact]
    public void AStandaloneAppStackDoesNotLogAccessAndSaysWhy()
    {
        var result = TestStacks.Parse("dev", ("foundation", ""));
        Assert.True(result.IsValid);
        Assert.Contains(result.Warnings, warning => warning.StartsWith("adot-tracing:foundation is not set", StringComparison.Ordinal) && warning.Contains("access logging is off"));
        Assert.False(StackBlueprint.Create(result.Settings!, result.Declaration, AwsContext.For("us-west-2", TestStacks.Account)).AccessLogging);
    }

    [Fact]
    public void AnAppStackWithAFoundationLogsAccess() => Assert.True(TestStacks.Blueprint("dev").AccessLogging);

    /// <summary>
    /// The stage's access logging needs the account's CloudWatch Logs role: a role API Gateway can assume with
    /// AmazonAPIGatewayPushToCloudWatchLogs, set as AWS::ApiGateway::Account
    /// (https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html).
    /// </summary>
    [Fact]
    public void TheFoundationOwnsTheRoleTheStagesAccessLoggingNeeds()
    {
        var settings = TestStacks.Settings("foundation", Foundation);
        var blueprint = FoundationBlueprint.Create(settings, AwsContext.For(settings.Region, TestStacks.Account));
        Assert.Equal(["arn:aws:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs"], blueprint.ApiGatewayLogsRole.ManagedPolicyArns);
        var trust = Assert.Single(blueprint.ApiGatewayLogsRole.TrustPolicy.Statements);
        Assert.Contains("sts:AssumeRole", trust.Actions);
        Assert.Equal("apigateway.amazonaws.com", trust.ServicePrincipal);
    }

    [Fact]
    public void TransactionSearchIsKeptOnAtDestroyUnlessTheUserSaysOtherwise()
    {
        var on = TestStacks.Settings("foundation", [.. Foundation, ("transactionSearch", """{"enabled":true}""")]);
        Assert.True(FoundationBlueprint.Create(on, AwsContext.For(on.Region, TestStacks.Account)).TransactionSearch!.KeepOnDestroy);
        var off = TestStacks.Settings("foundation", [.. Foundation, ("transactionSearch", """{"enabled":true,"keepOnDestroy":false}""")]);
        Assert.False(FoundationBlueprint.Create(off, AwsContext.For(off.Region, TestStacks.Account)).TransactionSearch!.KeepOnDestroy);
    }

    [Fact]
    public void AdoptingTransactionSearchNeedsItOn() =>
        TestStacks.Single(TestStacks.Errors("foundation", [.. Foundation, ("transactionSearch", """{"adopt":true}""")]), "adot-tracing:transactionSearch.adopt");

    [Fact]
    public void AnAppStackOwningAnAccountWideFeatureIsToldToMoveIt()
    {
        var result = TestStacks.Parse("dev", ("transactionSearch", """{"enabled":true}"""));
        Assert.Contains(result.Warnings, warning => warning.StartsWith("adot-tracing:transactionSearch.enabled: account-wide", StringComparison.Ordinal));
    }

    [Fact]
    public void AFoundationHasNoAlarmsSoProdAsksItForNoSubscription() =>
        Assert.DoesNotContain(TestStacks.Parse("foundation", Foundation).Warnings, warning => warning.Contains("subscription"));
}
