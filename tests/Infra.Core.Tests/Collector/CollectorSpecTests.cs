using Infra.Core.Collector;
using Infra.Core.Settings;
using YamlDotNet.RepresentationModel;

namespace Infra.Core.Tests.Collector;

public class CollectorSpecTests
{
    [Fact]
    public void TaskFollowsTheArticlesTemplate()
    {
        var collector = TestStacks.Blueprint("dev", ("profile", "article")).Collector!;
        Assert.Equal((1024, 2048, "bridge"), (collector.Task.Cpu, collector.Task.Memory, collector.Task.NetworkMode));
        Assert.Equal(["EC2"], collector.Task.RequiresCompatibilities);
        var container = collector.Task.Container;
        Assert.Equal("aws-otel-collector", container.Name);
        Assert.Equal($"public.ecr.aws/aws-observability/aws-otel-collector:{EnvironmentPresets.CollectorImageTag}", container.Image);
        Assert.DoesNotContain("latest", container.Image);
        Assert.Equal(["--config=/etc/ecs/ecs-default-config.yaml"], container.Command);
        // ECS: "CMD" then the executable (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_HealthCheck.html);
        // the image ships the binary at /healthcheck (aws-otel-collector@v0.49.0:cmd/awscollector/Dockerfile).
        Assert.Equal(["CMD", "/healthcheck"], container.HealthCheck.Command);
        // ecs-default-config.yaml at v0.49.0 binds otlp grpc/http, awsxray (udp) and statsd (udp) on 0.0.0.0.
        Assert.Equal(["2000/udp", "4317/tcp", "4318/tcp", "8125/udp"], container.PortMappings.Select(port => $"{port.ContainerPort}/{port.Protocol}").Order(StringComparer.Ordinal));
        Assert.Equal("awslogs", container.LogConfiguration.Driver);
        Assert.Equal("/adot-tracing/dev/collector", container.LogConfiguration.Options["awslogs-group"]);
        Assert.Empty(container.Secrets);
    }

    [Fact]
    public void LogRetentionFollowsTheEnvironment()
    {
        Assert.Equal(7, TestStacks.Blueprint("dev").Collector!.LogRetentionDays);
        Assert.Equal(90, TestStacks.Blueprint("prod").Collector!.LogRetentionDays);
    }

    [Fact]
    public void OtherBundledConfigIsPassedOnTheCommandLine()
    {
        var collector = TestStacks.Blueprint("dev", ("collector", """{"config":{"source":"bundled","bundledPath":"/etc/ecs/ecs-xray.yaml"}}""")).Collector!;
        Assert.Equal(["--config=/etc/ecs/ecs-xray.yaml"], collector.Task.Container.Command);
        // ecs-xray.yaml at v0.49.0 has only the otlp receiver (grpc 4317, http 4318).
        Assert.Equal(["4317/tcp", "4318/tcp"], collector.Task.Container.PortMappings.Select(port => $"{port.ContainerPort}/{port.Protocol}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void CustomConfigGoesThroughSsmAsAotConfigContent()
    {
        var collector = TestStacks.Blueprint("dev", ("collector", """{"config":{"source":"custom"}}""")).Collector!;
        Assert.Empty(collector.Task.Container.Command);
        var secret = Assert.Single(collector.Task.Container.Secrets);
        Assert.Equal("AOT_CONFIG_CONTENT", secret.Name);
        Assert.Equal(collector.Config.ParameterArn, secret.ValueFrom);
        Assert.Equal("/adot-tracing/dev/collector/config", collector.Config.ParameterName);
        Assert.Contains(collector.Task.Container.PortMappings, port => port is { ContainerPort: 2000, Protocol: "tcp" });
        Assert.Equal("Standard", collector.Config.ParameterTier);
        // Plain String: the config holds no secrets; the collector's credentials come from its task role.
        Assert.Equal("String", collector.Config.ParameterType);
    }

    [Fact]
    public void RenderedConfigParsesAndPipelinesUseOnlyDefinedComponents()
    {
        var yaml = TestStacks.Blueprint("dev", ("collector", """{"config":{"source":"custom"}}""")).Collector!.Config.Yaml!;
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        HashSet<string> Defined(string section) => ((YamlMappingNode)root[section]).Children.Keys.Select(key => ((YamlScalarNode)key).Value!).ToHashSet();

        var service = (YamlMappingNode)root["service"];
        var extensions = ((YamlSequenceNode)service["extensions"]).Select(node => ((YamlScalarNode)node).Value!).ToList();
        Assert.Subset(Defined("extensions"), extensions.ToHashSet());
        Assert.Contains("health_check", extensions);

        var pipelines = (YamlMappingNode)service["pipelines"];
        Assert.Contains(pipelines.Children.Keys, key => ((YamlScalarNode)key).Value == "traces");
        foreach (var (_, pipelineNode) in pipelines.Children)
        {
            var pipeline = (YamlMappingNode)pipelineNode;
            foreach (var section in new[] { "receivers", "processors", "exporters" })
            {
                var used = ((YamlSequenceNode)pipeline[section]).Select(node => ((YamlScalarNode)node).Value!).ToHashSet();
                Assert.NotEmpty(used);
                Assert.Subset(Defined(section), used);
            }
        }

        // Without a region the receiver's proxy resolves one from env or instance metadata and fails to start without
        // (aws-otel-collector@v0.49.0:vendor/.../internal/aws/proxy/conn.go, resolveRegion).
        var proxy = (YamlMappingNode)((YamlMappingNode)((YamlMappingNode)root["receivers"])["awsxray"])["proxy_server"];
        Assert.Equal("us-west-2", ((YamlScalarNode)proxy["region"]).Value);

        var emf = (YamlMappingNode)((YamlMappingNode)root["exporters"])["awsemf"];
        Assert.Equal("/adot-tracing/dev/collector/metrics", ((YamlScalarNode)emf["log_group_name"]).Value);
    }

    [Fact]
    public void HostsUseTheEcsAmiImdsV2AndEncryptedVolumes()
    {
        var launch = TestStacks.Blueprint("dev").Collector!.LaunchTemplate;
        Assert.Equal("resolve:ssm:/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id", launch.ImageId);
        Assert.True(launch.RequireImdsV2);
        Assert.Equal(2, launch.MetadataHopLimit);
        Assert.True(launch.RootVolumeEncrypted);
        Assert.Contains("ECS_CLUSTER=adot-tracing-dev-collector", launch.UserData);
        Assert.Equal("t3.medium", launch.InstanceType);
        var graviton = TestStacks.Blueprint("dev", ("collector", """{"instanceType":"t4g.medium"}""")).Collector!.LaunchTemplate;
        Assert.Contains("/arm64/", graviton.ImageId);
    }

    [Fact]
    public void IngressCoversTheTelemetryPorts()
    {
        var ingress = TestStacks.Blueprint("dev", ("profile", "article")).Collector!.Ingress;
        // The ports ecs-default-config.yaml (v0.49.0) binds on 0.0.0.0, one rule each.
        Assert.Equal(["tcp 4317-4317", "tcp 4318-4318", "udp 2000-2000", "udp 8125-8125"], ingress.Select(rule => $"{rule.Protocol} {rule.FromPort}-{rule.ToPort}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void DisabledCollectorProvisionsNothing()
    {
        var blueprint = TestStacks.Blueprint("dev", ("collector", """{"enabled":false}"""));
        Assert.Null(blueprint.Collector);
        Assert.Null(blueprint.CollectorIam);
    }

    [Fact]
    public void CpuMemoryPairEcsDoesNotAcceptIsRefused()
    {
        var error = TestStacks.Single(TestStacks.Errors("dev", ("collector", """{"cpu":1024,"memory":1024}""")), "adot-tracing:collector.memory");
        Assert.Contains("2048..8192", error.Message);
    }

    [Fact]
    public void UnknownBundledPathListsTheShippedOnes()
    {
        var error = TestStacks.Single(TestStacks.Errors("dev", ("collector", """{"config":{"source":"bundled","bundledPath":"/etc/ecs/mine.yaml"}}""")), "adot-tracing:collector.config.bundledPath");
        Assert.Contains(BundledConfigs.Default, error.Message);
    }

    [Fact]
    public void InstanceTypeTooSmallForTheTaskIsRefused()
    {
        var error = TestStacks.Single(TestStacks.Errors("dev", ("collector", """{"instanceType":"t3.small"}""")), "adot-tracing:collector.instanceType");
        Assert.Contains("too small", error.Message);
    }

    [Fact]
    public void SchedulingStrategyTypoSuggestsTheRightOne()
    {
        var error = TestStacks.Single(TestStacks.Errors("dev", ("collector", """{"schedulingStrategy":"REPLCA"}""")), "adot-tracing:collector.schedulingStrategy");
        Assert.Contains("Did you mean 'REPLICA'?", error.Message);
    }

    [Fact]
    public void LatestImageTagIsRefused() =>
        TestStacks.Single(TestStacks.Errors("dev", ("collector", """{"imageTag":"latest"}""")), "adot-tracing:collector.imageTag");
}
