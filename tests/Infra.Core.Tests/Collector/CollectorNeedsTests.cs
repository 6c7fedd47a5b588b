using Infra.Core.Collector;
using Infra.Core.Iam;
using Infra.Core.Naming;

namespace Infra.Core.Tests.Collector;

/// <summary>
/// What a collector config makes the collector call, and the policy that follows from it. Bundled files as read at
/// aws-observability/aws-otel-collector@v0.49.0:config/ecs/*.yaml: every one exports traces with awsxray; only
/// ecs-default-config.yaml has an awsxray receiver, and it sets no proxy_server, so the receiver's sampling proxy
/// stays on its default localhost:2000 (Data/adot-collector-v0.49.0.json, listeners) where no other container
/// reaches it.
/// </summary>
public class CollectorNeedsTests
{
    private static readonly AwsContext Aws = AwsContext.For("us-west-2", TestStacks.Account);

    [Theory]
    [InlineData("/etc/ecs/ecs-default-config.yaml")]
    [InlineData("/etc/ecs/ecs-xray.yaml")]
    [InlineData("/etc/ecs/ecs-cloudwatch-xray.yaml")]
    public void EveryBundledFileSendsSpansWithAwsXRayAndServesNoSamplingToOtherContainers(string path)
    {
        var needs = BundledConfigs.Of(path).Needs;
        Assert.Equal("awsxray", needs.TraceExporter);
        Assert.False(needs.ServesSampling);
    }

    [Fact]
    public void AFileWithoutAnAwsXRayExporterSendsNoSpansAndGetsNoXRayPermissions()
    {
        var metricsOnly = new BundledConfig(
            "/etc/ecs/metrics-only.yaml", "test", ["awsemf/application", "awsxrayish"], [new EmfOutput("N", "/g")], [], []);
        Assert.Null(metricsOnly.Needs.TraceExporter);
        var policy = CollectorIam.LeastPrivilegePolicy(metricsOnly.Needs, Aws);
        Assert.Equal(["WriteEmfMetricLogs"], policy.Statements.Select(statement => statement.Sid));
    }

    [Fact]
    public void ANamedAwsXRayExporterStillSendsSpansWithAwsXRay() =>
        Assert.Equal(
            "awsxray",
            new BundledConfig("/etc/ecs/named.yaml", "test", ["awsxray/traces"], [], [], []).Needs.TraceExporter);

    [Fact]
    public void TwoEmfExportersWritingTheSameLogGroupGrantItOnce()
    {
        var needs = new CollectorNeeds(
            null,
            ServesSampling: false,
            [new EmfOutput("App", "/aws/ecs/application/metrics"), new EmfOutput("Perf", "/aws/ecs/application/metrics"), new EmfOutput("Other", "/other")],
            []);
        var statement = Assert.Single(CollectorIam.LeastPrivilegePolicy(needs, Aws).Statements);
        Assert.Equal(
            [
                $"arn:aws:logs:us-west-2:{TestStacks.Account}:log-group:/aws/ecs/application/metrics",
                $"arn:aws:logs:us-west-2:{TestStacks.Account}:log-group:/aws/ecs/application/metrics:log-stream:*",
                $"arn:aws:logs:us-west-2:{TestStacks.Account}:log-group:/other",
                $"arn:aws:logs:us-west-2:{TestStacks.Account}:log-group:/other:log-stream:*",
            ],
            statement.Resources);
    }

    [Fact]
    public void NoExporterAndNoEmfMeansAnEmptyPolicy() =>
        Assert.Empty(CollectorIam.LeastPrivilegePolicy(new CollectorNeeds(null, false, [], []), Aws).Statements);
}
