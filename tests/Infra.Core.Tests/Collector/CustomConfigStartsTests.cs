namespace Infra.Core.Tests.Collector;

/// <summary>
/// The rendered custom config must start on the pinned collector: every component it names is built in, and no two
/// components bind the same protocol and port (counting the ports a component opens by default).
/// </summary>
public class CustomConfigStartsTests
{
    private static string CustomYaml(string stack = "staging") =>
        TestStacks.Blueprint(stack, ("collector", """{"config":{"source":"custom"}}""")).Collector!.Config.Yaml!;

    [Fact]
    public void NoTwoComponentsListenOnTheSameProtocolAndPort()
    {
        var listeners = AdotCollectorFacts.Listeners(AdotCollectorFacts.Parse(CustomYaml()));
        Assert.NotEmpty(listeners);
        Assert.Empty(AdotCollectorFacts.Clashes(listeners));
    }

    [Fact]
    public void TheClashCheckCatchesAnAwsProxyNextToTheXRayReceiver()
    {
        // The shape this program rendered before: the receiver's proxy_server (default localhost:2000/tcp) and an
        // awsproxy extension on 0.0.0.0:2000/tcp.
        const string yaml = """
            extensions:
              awsproxy:
                endpoint: 0.0.0.0:2000
            receivers:
              awsxray:
                endpoint: 0.0.0.0:2000
                transport: udp
            exporters:
              awsxray:
            service:
              extensions: [awsproxy]
              pipelines:
                traces:
                  receivers: [awsxray]
                  exporters: [awsxray]
            """;
        var clash = Assert.Single(AdotCollectorFacts.Clashes(AdotCollectorFacts.Listeners(AdotCollectorFacts.Parse(yaml))));
        Assert.Contains("awsproxy tcp 0.0.0.0:2000", clash);
        Assert.Contains("awsxray tcp localhost:2000", clash);
    }

    [Fact]
    public void TheCollectorListensWhereSdksAndTheHealthCheckReachIt()
    {
        var listeners = AdotCollectorFacts.Listeners(AdotCollectorFacts.Parse(CustomYaml()))
            .Select(listener => $"{listener.Protocol} {listener.Host}:{listener.Port}")
            .Order(StringComparer.Ordinal);
        Assert.Equal(
            [
                "tcp 0.0.0.0:13133",
                "tcp 0.0.0.0:2000",
                "tcp 0.0.0.0:4317",
                "tcp 0.0.0.0:4318",
                "udp 0.0.0.0:2000",
                "udp 0.0.0.0:8125",
            ],
            listeners);
    }

    [Fact]
    public void TaskMapsAndHostsAdmitExactlyTheOutwardListeners()
    {
        var collector = TestStacks.Blueprint("staging", ("collector", """{"config":{"source":"custom"}}""")).Collector!;
        // Outward: bound to all interfaces, except the health_check port, which only the in-container
        // /healthcheck binary calls (127.0.0.1:13133; aws-otel-collector@v0.49.0:cmd/healthcheck/main.go).
        var outward = AdotCollectorFacts.Listeners(AdotCollectorFacts.Parse(collector.Config.Yaml!))
            .Where(listener => listener.Host == "0.0.0.0" && listener.Port != 13133)
            .Select(listener => $"{listener.Protocol}/{listener.Port}")
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Equal(["tcp/2000", "tcp/4317", "tcp/4318", "udp/2000", "udp/8125"], outward);
        Assert.Equal(outward, collector.Task.Container.PortMappings.Select(port => $"{port.Protocol}/{port.ContainerPort}").Order(StringComparer.Ordinal));
        Assert.All(collector.Task.Container.PortMappings, port => Assert.Equal(port.ContainerPort, port.HostPort));
        Assert.Equal(outward, collector.Ingress.Select(rule => $"{rule.Protocol}/{rule.FromPort}").Order(StringComparer.Ordinal));
        Assert.All(collector.Ingress, rule => Assert.Equal(rule.FromPort, rule.ToPort));
    }

    [Fact]
    public void HealthCheckExtensionServesThePortTheHealthcheckBinaryCalls()
    {
        var health = Assert.Single(
            AdotCollectorFacts.Listeners(AdotCollectorFacts.Parse(CustomYaml())),
            listener => listener.Component == "health_check");
        // /healthcheck GETs http://127.0.0.1:13133/ (aws-otel-collector@v0.49.0:cmd/healthcheck/main.go).
        Assert.Equal(("tcp", 13133), (health.Protocol, health.Port));
        Assert.Contains(health.Host, new[] { "0.0.0.0", "127.0.0.1", "localhost" });
    }

    [Theory]
    [InlineData("receivers")]
    [InlineData("processors")]
    [InlineData("exporters")]
    [InlineData("extensions")]
    public void EveryComponentTheConfigDefinesIsBuiltIntoThePinnedCollector(string section)
    {
        var defined = ((YamlDotNet.RepresentationModel.YamlMappingNode)AdotCollectorFacts.Parse(CustomYaml())[section]).Children.Keys
            .Select(key => ((YamlDotNet.RepresentationModel.YamlScalarNode)key).Value!.Split('/')[0])
            .ToList();
        Assert.NotEmpty(defined);
        Assert.Subset(AdotCollectorFacts.BuiltIn(section), defined.ToHashSet());
    }

    [Fact]
    public void NoAwsProxyExtensionIsRendered()
    {
        var root = AdotCollectorFacts.Parse(CustomYaml());
        var extensions = AdotCollectorFacts.Scalars(((YamlDotNet.RepresentationModel.YamlMappingNode)root["service"])["extensions"]);
        Assert.Equal(["health_check"], extensions);
    }
}
