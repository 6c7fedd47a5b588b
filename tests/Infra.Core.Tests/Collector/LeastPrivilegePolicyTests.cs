using Infra.Core.Iam;

namespace Infra.Core.Tests.Collector;

/// <summary>
/// The least-privilege collector policy, written out by hand for each config the collector can run. What each
/// bundled file writes is read from aws-observability/aws-otel-collector@v0.49.0:config/ecs/*.yaml; what the
/// components call from the contrib modules vendored at that tag:
/// - awsxray exporter: xray:PutTraceSegments; SDK sampling through the receiver proxy: GetSamplingRules/Targets.
///   The X-Ray set is AWSXRayDaemonWriteAccess without GetSamplingStatisticSummaries
///   (https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSXRayDaemonWriteAccess.html); X-Ray has
///   no resource-level permissions for them (https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsx-ray.html).
/// - awsemf exporter: logs:CreateLogStream, logs:PutLogEvents, logs:CreateLogGroup when missing
///   (internal/aws/cwlogs/cwlog_client.go); CloudWatch extracts EMF metrics itself, no cloudwatch:PutMetricData.
/// - resourcedetection ec2 detector: ec2:DescribeTags only when tags are configured (internal/aws/ec2/ec2.go);
///   no config here configures them.
/// </summary>
public class LeastPrivilegePolicyTests
{
    private const string Account = TestStacks.Account;

    private static readonly string[] XRay =
        ["xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules", "xray:GetSamplingTargets"];

    private static readonly string[] EmfLogs = ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"];

    private static readonly Expected TracesStatement = new("SendTracesAndReadSampling", XRay, ["*"]);

    private static PolicyDocument PolicyFor(string collectorJson) =>
        TestStacks.Blueprint("dev", ("collector", collectorJson)).CollectorIam!.CollectorPolicy.Document;

    [Fact]
    public void EcsDefaultConfigMayWriteTracesAndItsApplicationMetricsLogGroupOnly() =>
        AssertPolicy(
            PolicyFor("""{"config":{"source":"bundled","bundledPath":"/etc/ecs/ecs-default-config.yaml"}}"""),
            TracesStatement,
            new Expected(
                "WriteEmfMetricLogs",
                EmfLogs,
                [
                    $"arn:aws:logs:us-west-2:{Account}:log-group:/aws/ecs/application/metrics",
                    $"arn:aws:logs:us-west-2:{Account}:log-group:/aws/ecs/application/metrics:log-stream:*",
                ]));

    [Fact]
    public void EcsXRayConfigMayWriteTracesOnly() =>
        AssertPolicy(PolicyFor("""{"config":{"source":"bundled","bundledPath":"/etc/ecs/ecs-xray.yaml"}}"""), TracesStatement);

    [Fact]
    public void EcsCloudWatchXRayConfigMayWriteTracesAndOnlyTheApplicationMetricsLogGroup() =>
        // At v0.49.0 this file has one awsemf exporter, awsemf/application (ECS/AWSOTel/Application,
        // /aws/ecs/application/metrics); no performance exporter, no container-insights log group.
        AssertPolicy(
            PolicyFor("""{"config":{"source":"bundled","bundledPath":"/etc/ecs/ecs-cloudwatch-xray.yaml"}}"""),
            TracesStatement,
            new Expected(
                "WriteEmfMetricLogs",
                EmfLogs,
                [
                    $"arn:aws:logs:us-west-2:{Account}:log-group:/aws/ecs/application/metrics",
                    $"arn:aws:logs:us-west-2:{Account}:log-group:/aws/ecs/application/metrics:log-stream:*",
                ]));

    [Fact]
    public void CustomConfigMayWriteTracesAndTheStacksOwnMetricsLogGroupOnly() =>
        AssertPolicy(
            PolicyFor("""{"config":{"source":"custom"}}"""),
            TracesStatement,
            new Expected(
                "WriteEmfMetricLogs",
                EmfLogs,
                [
                    $"arn:aws:logs:us-west-2:{Account}:log-group:/adot-tracing/dev/collector/metrics",
                    $"arn:aws:logs:us-west-2:{Account}:log-group:/adot-tracing/dev/collector/metrics:log-stream:*",
                ]));

    [Fact]
    public void EveryBundledConfigTheSettingsAcceptHasAPolicyTestHere()
    {
        // Adding a bundled config without writing its expected policy above must fail.
        Assert.Equal(
            ["/etc/ecs/ecs-cloudwatch-xray.yaml", "/etc/ecs/ecs-default-config.yaml", "/etc/ecs/ecs-xray.yaml"],
            Infra.Core.Collector.BundledConfigs.Paths.Order(StringComparer.Ordinal));
    }

    private sealed record Expected(string Sid, string[] Actions, string[] Resources, (string Operator, string Key, string[] Values)[]? Conditions = null);

    /// <summary>Exactly these statements: same Sids, action sets, resource sets and conditions; nothing more.</summary>
    private static void AssertPolicy(PolicyDocument document, params Expected[] expected)
    {
        Assert.Equal(expected.Select(statement => statement.Sid).Order(StringComparer.Ordinal), document.Statements.Select(statement => statement.Sid!).Order(StringComparer.Ordinal));
        foreach (var want in expected)
        {
            var actual = document.Statements.Single(statement => statement.Sid == want.Sid);
            Assert.Equal("Allow", actual.Effect);
            Assert.Null(actual.ServicePrincipal);
            Assert.Equal(want.Actions.Order(StringComparer.Ordinal), actual.Actions.Order(StringComparer.Ordinal));
            Assert.Equal(want.Resources.Order(StringComparer.Ordinal), actual.Resources.Order(StringComparer.Ordinal));
            Assert.Equal(
                (want.Conditions ?? []).Select(condition => $"{condition.Operator} {condition.Key} = {string.Join(",", condition.Values.Order(StringComparer.Ordinal))}").Order(StringComparer.Ordinal),
                (actual.Conditions ?? []).Select(condition => $"{condition.Operator} {condition.Key} = {string.Join(",", condition.Values.Order(StringComparer.Ordinal))}").Order(StringComparer.Ordinal));
        }
    }
}
