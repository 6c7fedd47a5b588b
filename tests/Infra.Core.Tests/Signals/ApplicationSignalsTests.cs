using Infra.Core.Settings;

namespace Infra.Core.Tests.Signals;

/// <summary>
/// Application Signals on Lambda as AWS documents it: the AWS Distro for OpenTelemetry layer,
/// AWS_LAMBDA_EXEC_WRAPPER=/opt/otel-instrument, the managed policy CloudWatchLambdaApplicationSignalsExecutionRolePolicy
/// on the execution role, and active tracing ("optional but recommended").
/// https://aws-otel.github.io/docs/getting-started/lambda ("Manually add ADOT Lambda Layers"),
/// https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch-Application-Signals-Enable-LambdaMain.html
/// </summary>
public class ApplicationSignalsTests
{
    /// <summary>No environment's preset turns it on (no SLO or alarm reads it); a stack file does.</summary>
    private static readonly (string, string) On = ("applicationSignals", """{"enabled":true}""");

    [Fact]
    public void EveryFunctionCarriesTheApplicationSignalsManagedPolicy()
    {
        // The policy's ARN: https://docs.aws.amazon.com/aws-managed-policy/latest/reference/CloudWatchLambdaApplicationSignalsExecutionRolePolicy.html
        var blueprint = TestStacks.Blueprint("staging", On);
        Assert.Equal(2, blueprint.Functions.Count);
        Assert.All(blueprint.Functions, function =>
            Assert.Contains("arn:aws:iam::aws:policy/CloudWatchLambdaApplicationSignalsExecutionRolePolicy", function.Role.ManagedPolicyArns));
    }

    [Fact]
    public void TheManagedPolicyArnFollowsThePartition()
    {
        // An AWS managed policy's ARN is arn:<partition>:iam::aws:policy/<name>, the pattern
        // arn:aws(-[a-z]{1,5}){0,3}:iam::aws:policy/... of https://docs.amazonaws.cn/singlesignon/latest/APIReference/API_AttachedManagedPolicy.html;
        // the distro layer is published in cn-north-1.
        var blueprint = TestStacks.Blueprint("staging", On, ("aws:region", "cn-north-1"), ("aws-native:region", "cn-north-1"));
        Assert.Contains("arn:aws-cn:iam::aws:policy/CloudWatchLambdaApplicationSignalsExecutionRolePolicy", blueprint.Function(ChatbotApp.Consumer).Role.ManagedPolicyArns);
    }

    [Fact]
    public void EveryFunctionRunsTheDistroWrapperWithApplicationSignalsOnAndActiveTracing()
    {
        var blueprint = TestStacks.Blueprint("staging", On);
        Assert.All(blueprint.Functions, function =>
        {
            Assert.Equal("/opt/otel-instrument", function.Environment["AWS_LAMBDA_EXEC_WRAPPER"]);
            // The layer reports Application Signals by default; AWS documents only OTEL_AWS_APPLICATION_SIGNALS_ENABLED=false,
            // to turn it off (https://docs.aws.amazon.com/xray/latest/devguide/xray-sdk-migration.html), so on means unset.
            Assert.False(function.Environment.ContainsKey("OTEL_AWS_APPLICATION_SIGNALS_ENABLED"));
            Assert.Equal("Active", function.TracingMode);
            Assert.Contains(":layer:AWSOpenTelemetryDistroPython:", Assert.Single(function.Layers));
        });
    }

    [Fact]
    public void TheFunctionsAppearAsServicesUnderTheirOwnNames()
    {
        // OTEL_SERVICE_NAME names the service in Application Signals ("Service Grouping",
        // https://aws-otel.github.io/docs/getting-started/lambda).
        var blueprint = TestStacks.Blueprint("staging", On);
        Assert.Equal(["adot-tracing-staging-chatbot", "adot-tracing-staging-sqs-consumer"], blueprint.ApplicationSignals.Services);
        Assert.True(blueprint.ApplicationSignals.FunctionsEnabled);
    }

    [Fact]
    public void TurnedOffTheDistroLayerReportsNoApplicationSignalsAndTheRoleLosesThePolicy()
    {
        var blueprint = TestStacks.Blueprint("dev", ("applicationSignals", """{"enabled":false}"""));
        Assert.All(blueprint.Functions, function =>
        {
            Assert.Equal("false", function.Environment["OTEL_AWS_APPLICATION_SIGNALS_ENABLED"]);
            Assert.DoesNotContain(function.Role.ManagedPolicyArns, arn => arn.EndsWith("/CloudWatchLambdaApplicationSignalsExecutionRolePolicy", StringComparison.Ordinal));
        });
        Assert.Empty(blueprint.ApplicationSignals.Services);
    }

    [Fact]
    public void TheFunctionsKeepTheirXRayStatementForActiveTracing()
    {
        // Active tracing needs xray:PutTelemetryRecords as well, which the Application Signals policy does not grant
        // (it grants xray:PutTraceSegments only; AWSXRayDaemonWriteAccess carries both).
        var function = TestStacks.Blueprint("dev").Function(ChatbotApp.Chatbot);
        var xray = function.Policy.Statements.Single(statement => statement.Actions.Contains("xray:PutTelemetryRecords"));
        Assert.Contains("xray:PutTraceSegments", xray.Actions);
    }

    [Fact]
    public void DiscoveryIsOffUnlessAStackOwnsIt()
    {
        Assert.False(TestStacks.Blueprint("dev").ApplicationSignals.Discovery);
        Assert.True(TestStacks.Blueprint("dev", ("applicationSignals", """{"discovery":true}""")).ApplicationSignals.Discovery);
    }

    [Fact]
    public void DiscoveryInTwoStacksIsRefusedNamingBoth()
    {
        var dev = TestStacks.Settings("dev", ("applicationSignals", """{"discovery":true}"""));
        var prod = TestStacks.Settings("prod", ("applicationSignals", """{"discovery":true}"""));
        var staging = TestStacks.Settings("staging");
        var error = Assert.Single(StackValidation.ValidateAcrossStacks([dev, staging, prod]));
        Assert.Equal("adot-tracing:applicationSignals.discovery", error.Key);
        Assert.Contains("dev, prod", error.Message);
        Assert.True(StackValidation.Concerns(error, dev));
        Assert.False(StackValidation.Concerns(error, staging));
    }

    [Fact]
    public void DiscoveryInOneStackAndTransactionSearchInAnotherIsFine()
    {
        var dev = TestStacks.Settings("dev", ("transactionSearch", """{"enabled":true}"""));
        var prod = TestStacks.Settings("prod", ("applicationSignals", """{"discovery":true}"""));
        Assert.Empty(StackValidation.ValidateAcrossStacks([dev, prod]));
    }

    [Fact]
    public void ApplicationSignalsRefusesUnknownKeys()
    {
        var error = TestStacks.Single(TestStacks.Errors("dev", ("applicationSignals", """{"discover":true}""")), "adot-tracing:applicationSignals.discover");
        Assert.Contains("Did you mean 'discovery'?", error.Message);
    }
}
