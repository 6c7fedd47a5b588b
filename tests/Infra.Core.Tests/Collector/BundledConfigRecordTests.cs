using Infra.Core.Collector;

namespace Infra.Core.Tests.Collector;

/// <summary>
/// What each bundled file contains, written out from aws-observability/aws-otel-collector@v0.49.0:config/ecs/&lt;file&gt;
/// (the image copies config/ to /etc/, cmd/awscollector/Dockerfile at the same tag).
/// </summary>
public class BundledConfigRecordTests
{
    [Fact]
    public void EcsDefaultConfig()
    {
        var config = BundledConfigs.Of("/etc/ecs/ecs-default-config.yaml");
        Assert.Equal("aws-observability/aws-otel-collector@v0.49.0:config/ecs/ecs-default-config.yaml", config.Source);
        Assert.Equal(["awsemf", "awsxray"], config.Exporters.Order(StringComparer.Ordinal));
        Assert.Equal([new EmfOutput("ECS/AWSOTel/Application", "/aws/ecs/application/metrics")], config.Emf);
        Assert.Empty(config.Detectors);
        Assert.Equal(["tcp/4317", "tcp/4318", "udp/2000", "udp/8125"], Ports(config));
    }

    [Fact]
    public void EcsXRay()
    {
        var config = BundledConfigs.Of("/etc/ecs/ecs-xray.yaml");
        Assert.Equal("aws-observability/aws-otel-collector@v0.49.0:config/ecs/ecs-xray.yaml", config.Source);
        Assert.Equal(["awsxray"], config.Exporters);
        Assert.Empty(config.Emf);
        Assert.Equal(["env", "system", "ecs", "ec2"], config.Detectors);
        Assert.Equal(["tcp/4317", "tcp/4318"], Ports(config));
    }

    [Fact]
    public void EcsCloudWatchXRayHasOnlyTheApplicationEmfExporter()
    {
        var config = BundledConfigs.Of("/etc/ecs/ecs-cloudwatch-xray.yaml");
        Assert.Equal("aws-observability/aws-otel-collector@v0.49.0:config/ecs/ecs-cloudwatch-xray.yaml", config.Source);
        Assert.Equal(["awsemf/application", "awsxray"], config.Exporters.Order(StringComparer.Ordinal));
        Assert.Equal([new EmfOutput("ECS/AWSOTel/Application", "/aws/ecs/application/metrics")], config.Emf);
        Assert.Equal(["env", "ecs", "ec2"], config.Detectors);
        Assert.Equal(["tcp/4317", "tcp/4318"], Ports(config));
    }

    [Fact]
    public void UnknownPathIsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => BundledConfigs.Of("/etc/ecs/ecs-amp.yaml"));

    private static IEnumerable<string> Ports(BundledConfig config) =>
        config.Listeners.Select(listener => $"{listener.Protocol}/{listener.Port}").Order(StringComparer.Ordinal);
}
