using Infra.Core.Iam;

namespace Infra.Core.Tests.Collector;

/// <summary>
/// The least-privilege collector policy when the custom config exports over OTLP, written out by hand:
/// - the X-Ray OTLP traces endpoint authorises a request as xray:PutTraceSegments
///   (https://docs.aws.amazon.com/xray/latest/devguide/xray-opentelemetry-bearer-token.html); the otlp_http exporter
///   and the sigv4auth extension call nothing else (aws-otel-collector@v0.49.0: vendor otlphttpexporter/otlp.go posts
///   to the endpoint; sigv4authextension/signingroundtripper.go only signs);
/// - SDKs read sampling rules and targets through the awsxray receiver's proxy, which calls X-Ray with the task's
///   credentials: xray:GetSamplingRules and xray:GetSamplingTargets (contrib internal/aws/proxy/server.go);
/// - no xray:PutTelemetryRecords: only the awsxray exporter sends telemetry records, and only with telemetry.enabled
///   (contrib internal/aws/xray/telemetry/sender.go, config.go);
/// - X-Ray has no resource-level permissions for these actions, so "*"
///   (https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsx-ray.html);
/// - the awsemf exporter: CreateLogGroup/CreateLogStream/PutLogEvents on the stack's metrics group (unchanged).
/// </summary>
public class OtlpCollectorPolicyTests
{
    private const string Account = TestStacks.Account;

    private static PolicyDocument Policy(string transactionSearch, string iamMode = "least-privilege") =>
        TestStacks.Blueprint("dev", ("collector", """{"config":{"source":"custom"}}"""), ("transactionSearch", transactionSearch), ("iamMode", iamMode))
            .CollectorIam!.CollectorPolicy.Document;

    [Theory]
    [InlineData("""{"enabled":true}""")]
    [InlineData("""{"enabledElsewhere":true}""")]
    public void OtlpExportMayPutTraceSegmentsReadSamplingForSdksAndWriteItsMetricsLogGroupOnly(string transactionSearch)
    {
        var statements = Policy(transactionSearch).Statements.OrderBy(statement => statement.Sid, StringComparer.Ordinal).ToList();
        Assert.Equal(
            [
                "ReadSamplingForSdks: Allow xray:GetSamplingRules,xray:GetSamplingTargets on *",
                "SendSpansToXRayOtlpEndpoint: Allow xray:PutTraceSegments on *",
                "WriteEmfMetricLogs: Allow logs:CreateLogGroup,logs:CreateLogStream,logs:PutLogEvents on "
                    + $"arn:aws:logs:us-west-2:{Account}:log-group:/adot-tracing/dev/collector/metrics,"
                    + $"arn:aws:logs:us-west-2:{Account}:log-group:/adot-tracing/dev/collector/metrics:log-stream:*",
            ],
            statements.Select(Describe));
        Assert.All(statements, statement => Assert.Null(statement.Conditions));
        Assert.All(statements, statement => Assert.Null(statement.ServicePrincipal));
    }

    [Fact]
    public void OtlpExportWithoutASamplingProxyMayOnlyPutTraceSegments() =>
        Assert.Equal(
            ["SendSpansToXRayOtlpEndpoint: Allow xray:PutTraceSegments on *"],
            XRayPermissions.OtlpStatements(servesSampling: false).Select(Describe));

    [Fact]
    public void AwsXRayExportKeepsTheDaemonWriteSet()
    {
        var xray = Assert.Single(Policy("""{"enabled":false}""").Statements, statement => statement.Actions.Any(action => action.StartsWith("xray:", StringComparison.Ordinal)));
        // AWSXRayDaemonWriteAccess without GetSamplingStatisticSummaries:
        // https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSXRayDaemonWriteAccess.html
        Assert.Equal(
            ["xray:GetSamplingRules", "xray:GetSamplingTargets", "xray:PutTelemetryRecords", "xray:PutTraceSegments"],
            xray.Actions.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void SeedModeKeepsTheArticlesPolicyEvenWithOtlpExport()
    {
        var statement = Assert.Single(Policy("""{"enabled":true}""", "seed").Statements);
        Assert.Equal(["*"], statement.Resources);
        Assert.Contains("xray:PutTraceSegments", statement.Actions);
        Assert.Equal(15, statement.Actions.Count);
    }

    private static string Describe(PolicyStatement statement) =>
        $"{statement.Sid}: {statement.Effect} {string.Join(",", statement.Actions.Order(StringComparer.Ordinal))} on {string.Join(",", statement.Resources.Order(StringComparer.Ordinal))}";
}
