using System.Text.Json;
using Infra.Core.Blueprint;
using YamlDotNet.RepresentationModel;

namespace Infra.Core.Tests.Collector;

/// <summary>
/// The custom collector config exports spans over OTLP when Transaction Search is on for the account, with awsxray
/// otherwise. Facts the expectations come from:
/// - ADOT: the awsxray exporter is deprecated; send to https://xray.&lt;region&gt;.amazonaws.com/v1/traces with the
///   OTLP/HTTP exporter and SigV4; that endpoint requires Transaction Search
///   (https://aws-otel.github.io/docs/getting-started/x-ray, read 2026-11-26).
/// - CloudWatch: the traces endpoint for us-west-2 is https://xray.us-west-2.amazonaws.com/v1/traces; HTTP only; the
///   collector needs the sigv4auth extension (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch-OTLPEndpoint.html).
/// - X-Ray: the OTLP endpoint is authorised as xray:PutTraceSegments
///   (https://docs.aws.amazon.com/xray/latest/devguide/xray-opentelemetry-bearer-token.html).
/// - The pinned collector's components and config keys: Data/adot-collector-v0.49.0.json.
/// </summary>
public class OtlpTraceExportTests
{
    private const string Custom = """{"config":{"source":"custom"}}""";
    private const string OnHere = """{"enabled":true}""";
    private const string OnElsewhere = """{"enabledElsewhere":true}""";

    private static StackBlueprint CustomStack(string? transactionSearch, params (string Key, string Value)[] more) =>
        TestStacks.Blueprint("staging", [("collector", Custom), .. transactionSearch is null ? [] : new[] { ("transactionSearch", transactionSearch) }, .. more]);

    private static YamlMappingNode Yaml(StackBlueprint blueprint) => AdotCollectorFacts.Parse(blueprint.Collector!.Config.Yaml!);

    private static YamlMappingNode Map(YamlNode node, string key) => (YamlMappingNode)((YamlMappingNode)node)[key];

    private static string Scalar(YamlNode node, string key) => ((YamlScalarNode)((YamlMappingNode)node)[key]).Value!;

    private static IEnumerable<string> Keys(YamlMappingNode map) => map.Children.Keys.Select(key => ((YamlScalarNode)key).Value!);

    private static IReadOnlyList<string> Pipeline(YamlMappingNode root, string pipeline, string section) =>
        AdotCollectorFacts.Scalars(Map(Map(Map(root, "service"), "pipelines"), pipeline)[section]).ToList();

    [Theory]
    [InlineData(OnHere)]
    [InlineData(OnElsewhere)]
    public void WithTransactionSearchOnTheTracesPipelineExportsToTheRegionsXRayOtlpEndpoint(string transactionSearch)
    {
        var root = Yaml(CustomStack(transactionSearch));
        Assert.Equal(["otlp_http"], Pipeline(root, "traces", "exporters"));
        Assert.Equal("https://xray.us-west-2.amazonaws.com/v1/traces", Scalar(Map(root, "exporters")["otlp_http"], "traces_endpoint"));
        Assert.DoesNotContain("awsxray", Keys(Map(root, "exporters")));
    }

    [Fact]
    public void WithTransactionSearchOffTheTracesPipelineKeepsTheAwsXRayExporterAndNoSigner()
    {
        var root = Yaml(CustomStack(null));
        Assert.Equal(["awsxray"], Pipeline(root, "traces", "exporters"));
        Assert.Equal("us-west-2", Scalar(Map(root, "exporters")["awsxray"], "region"));
        Assert.DoesNotContain("otlp_http", Keys(Map(root, "exporters")));
        Assert.DoesNotContain("sigv4auth", Keys(Map(root, "extensions")));
    }

    [Fact]
    public void TheOtlpExporterIsSignedWithSigV4ForXRayInTheStacksRegion()
    {
        var root = Yaml(CustomStack(OnHere));
        Assert.Equal("sigv4auth", Scalar(Map(Map(root, "exporters"), "otlp_http")["auth"], "authenticator"));
        var signer = Map(Map(root, "extensions"), "sigv4auth");
        Assert.Equal(("us-west-2", "xray"), (Scalar(signer, "region"), Scalar(signer, "service")));
        // The authenticator is looked up among the started extensions only (configauth.go, GetHTTPClientAuthenticator).
        Assert.Equal(["health_check", "sigv4auth"], AdotCollectorFacts.Scalars(Map(root, "service")["extensions"]).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(OnHere)]
    public void EveryReferenceNamesADefinedComponentAndEveryAuthenticatorAStartedExtension(string? transactionSearch)
    {
        // The collector refuses a config whose service section references an undefined component
        // (aws-otel-collector@v0.49.0:vendor/go.opentelemetry.io/collector/otelcol/config.go, Validate).
        var root = Yaml(CustomStack(transactionSearch));
        var pipelines = Map(Map(root, "service"), "pipelines");
        Assert.Equal(["metrics", "traces"], Keys(pipelines).Order(StringComparer.Ordinal));
        foreach (var pipeline in Keys(pipelines))
        {
            foreach (var section in new[] { "receivers", "processors", "exporters" })
            {
                var referenced = Pipeline(root, pipeline, section);
                Assert.NotEmpty(referenced);
                Assert.Subset(Keys(Map(root, section)).ToHashSet(), referenced.ToHashSet());
            }
        }

        var started = AdotCollectorFacts.Scalars(Map(root, "service")["extensions"]).ToHashSet();
        Assert.Subset(Keys(Map(root, "extensions")).ToHashSet(), started);
        var authenticators = Map(root, "exporters").Children.Values.OfType<YamlMappingNode>()
            .Where(exporter => exporter.Children.ContainsKey(new YamlScalarNode("auth")))
            .Select(exporter => Scalar(exporter["auth"], "authenticator"))
            .ToList();
        Assert.Equal(transactionSearch is null ? 0 : 1, authenticators.Count);
        Assert.Subset(started, authenticators.ToHashSet());
    }

    [Theory]
    [InlineData("receivers")]
    [InlineData("processors")]
    [InlineData("exporters")]
    [InlineData("extensions")]
    public void WithOtlpExportEveryComponentIsBuiltIntoThePinnedCollector(string section)
    {
        var defined = Keys(Map(Yaml(CustomStack(OnHere)), section)).Select(id => id.Split('/')[0]).ToHashSet();
        Assert.NotEmpty(defined);
        Assert.Subset(AdotCollectorFacts.BuiltIn(section), defined);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(OnHere)]
    public void NoComponentIsNamedByADeprecatedAlias(string? transactionSearch)
    {
        // A deprecated alias still starts, with a warning in the collector's log on every start.
        var root = Yaml(CustomStack(transactionSearch));
        var aliases = Facts().GetProperty("deprecatedAliases");
        var used = new[] { "receivers", "processors", "exporters" }
            .SelectMany(section => Keys(Map(root, section)).Select(id => (section, type: id.Split('/')[0])))
            .Where(component => aliases.GetProperty(component.section).TryGetProperty(component.type, out _))
            .Select(component => $"{component.section}/{component.type}")
            .ToList();
        Assert.Empty(used);
        Assert.True(aliases.GetProperty("exporters").TryGetProperty("otlphttp", out _), "the alias data lost otlphttp");
    }

    [Theory]
    [InlineData("exporters", "otlp_http")]
    [InlineData("extensions", "sigv4auth")]
    public void TheOtlpComponentsSetOnlyKeysThePinnedCollectorReads(string section, string id)
    {
        var config = Map(Map(Yaml(CustomStack(OnHere)), section), id);
        var known = Facts().GetProperty("configKeys").EnumerateArray()
            .Where(row => row.GetProperty("component").GetString() == $"{section}/{id}")
            .Select(row => row.GetProperty("key").GetString()!)
            .ToHashSet();
        var written = Leaves(config, "").ToList();
        Assert.NotEmpty(written);
        Assert.Subset(known, written.ToHashSet());
    }

    [Fact]
    public void WithOtlpExportNoTwoComponentsListenOnTheSameProtocolAndPort()
    {
        var listeners = AdotCollectorFacts.Listeners(Yaml(CustomStack(OnHere)));
        Assert.Contains(listeners, listener => listener.Component == "awsxray" && listener.Protocol == "tcp" && listener.Port == 2000);
        Assert.Empty(AdotCollectorFacts.Clashes(listeners));
    }

    [Fact]
    public void InTheChinaRegionsTheEndpointAndSignerUseThatRegionAndItsDnsSuffix()
    {
        // Service endpoints in the China Regions end in amazonaws.com.cn:
        // https://docs.amazonaws.cn/en_us/aws/latest/userguide/endpoints-Beijing.html
        var root = Yaml(CustomStack(OnElsewhere, ("aws:region", "cn-north-1"), ("aws-native:region", "cn-north-1"), ("lambda", """{"flavor":"distro"}""")));
        Assert.Equal("https://xray.cn-north-1.amazonaws.com.cn/v1/traces", Scalar(Map(root, "exporters")["otlp_http"], "traces_endpoint"));
        Assert.Equal("cn-north-1", Scalar(Map(root, "extensions")["sigv4auth"], "region"));
    }

    [Theory]
    [InlineData("enabled", OnHere)]
    [InlineData("enabledElsewhere", OnElsewhere)]
    public void InGovCloudTransactionSearchIsRefusedForNotBeingAvailable(string key, string transactionSearch)
    {
        // "Transaction Search is not available": https://docs.aws.amazon.com/govcloud-us/latest/UserGuide/govcloud-cw.html
        var errors = TestStacks.Errors(
            "staging",
            ("aws:region", "us-gov-west-1"),
            ("aws-native:region", "us-gov-west-1"),
            ("collector", Custom),
            ("transactionSearch", transactionSearch));
        var error = TestStacks.Single(errors, $"adot-tracing:transactionSearch.{key}");
        Assert.Contains("GovCloud", error.Message);
        Assert.Contains("not available", error.Message);
    }

    [Theory]
    [InlineData("us-east-1", "https://xray.us-east-1.amazonaws.com/v1/traces")]
    [InlineData("eu-central-1", "https://xray.eu-central-1.amazonaws.com/v1/traces")]
    [InlineData("cn-northwest-1", "https://xray.cn-northwest-1.amazonaws.com.cn/v1/traces")]
    [InlineData("us-gov-west-1", null)]
    [InlineData("us-gov-east-1", null)]
    public void TheXRayOtlpEndpointFollowsTheRegionAndIsAbsentInGovCloud(string region, string? expected) =>
        // Pattern https://xray.<region>.amazonaws.com/v1/traces (CloudWatch-OTLPEndpoint.html); China Regions on
        // amazonaws.com.cn (endpoints-Beijing.html); no Transaction Search in GovCloud (govcloud-cw.html).
        Assert.Equal(expected, Infra.Core.Collector.TraceExport.XRayOtlpEndpoint(Infra.Core.Naming.AwsContext.For(region, TestStacks.Account)));

    [Fact]
    public void WhereThereIsNoOtlpEndpointTheChoiceFallsBackToAwsXRayAndSaysWhy()
    {
        // The settings reader refuses Transaction Search in GovCloud; the choice stays safe if handed such settings anyway.
        var settings = TestStacks.Settings("staging", ("collector", Custom)) with
        {
            Region = "us-gov-west-1",
            TransactionSearch = new Infra.Core.Settings.TransactionSearchSettings(true, 1),
        };
        var export = Infra.Core.Collector.TraceExport.Choose(settings, Infra.Core.Naming.AwsContext.For("us-gov-west-1", TestStacks.Account));
        Assert.Equal(("awsxray", null), (export.Exporter, export.Endpoint));
        Assert.Contains("no X-Ray OTLP endpoint", export.Reason);
    }

    [Fact]
    public void EnabledAndEnabledElsewhereTogetherAreRefused()
    {
        var errors = TestStacks.Errors("staging", ("transactionSearch", """{"enabled":true,"enabledElsewhere":true}"""));
        var error = TestStacks.Single(errors, "adot-tracing:transactionSearch.enabledElsewhere");
        Assert.Contains("adot-tracing:transactionSearch.enabled", error.Message);
        Assert.Contains("Set one", error.Message);
    }

    [Fact]
    public void EnabledElsewhereIsABooleanLikeEveryOtherSwitch()
    {
        var error = TestStacks.Single(TestStacks.Errors("staging", ("transactionSearch", """{"enabledElsewhere":"yes"}""")), "adot-tracing:transactionSearch.enabledElsewhere");
        Assert.Contains("true or false", error.Message);
    }

    [Fact]
    public void EnabledElsewhereCreatesNoTransactionSearchResourcesInThisStack()
    {
        var blueprint = CustomStack(OnElsewhere);
        Assert.False(blueprint.Sampling.TransactionSearch.Enabled);
        Assert.Null(blueprint.Sampling.TransactionSearch.ResourcePolicy);
        Assert.Equal("otlp_http", blueprint.Collector!.TraceExport.Exporter);
    }

    [Fact]
    public void ManyStacksMayRelyOnTransactionSearchTurnedOnElsewhere()
    {
        var stacks = new[] { "dev", "staging", "prod" }
            .Select(stack => TestStacks.Settings(stack, ("transactionSearch", stack == "prod" ? OnHere : OnElsewhere)))
            .ToList();
        Assert.Empty(Infra.Core.Settings.StackValidation.ValidateAcrossStacks(stacks));
        Assert.Equal([true, true, true], stacks.Select(settings => settings.TransactionSearch.OnForAccount));
    }

    [Theory]
    [InlineData("/etc/ecs/ecs-default-config.yaml")]
    [InlineData("/etc/ecs/ecs-xray.yaml")]
    public void BundledConfigsKeepTheirAwsXRayExporterWhateverTransactionSearchSays(string path)
    {
        var collector = TestStacks.Blueprint("staging", ("collector", "{\"config\":{\"source\":\"bundled\",\"bundledPath\":\"" + path + "\"}}"), ("transactionSearch", OnHere)).Collector!;
        Assert.Equal(("awsxray", null), (collector.TraceExport.Exporter, collector.TraceExport.Endpoint));
        Assert.Contains("bundled", collector.TraceExport.Reason);
        Assert.Null(collector.Config.Yaml);
        Assert.Equal([$"--config={path}"], collector.Task.Container.Command);
    }

    [Fact]
    public void ThePlanSaysWhichExporterAndWhy()
    {
        var on = CustomStack(OnElsewhere).Collector!.TraceExport;
        Assert.Equal(("otlp_http", "https://xray.us-west-2.amazonaws.com/v1/traces", "sigv4auth"), (on.Exporter, on.Endpoint, on.Authenticator));
        Assert.Contains("adot-tracing:transactionSearch.enabledElsewhere", on.Reason);
        var here = CustomStack(OnHere).Collector!.TraceExport;
        Assert.Contains("adot-tracing:transactionSearch.enabled)", here.Reason);
        var off = CustomStack(null).Collector!.TraceExport;
        Assert.Equal(("awsxray", null, null), (off.Exporter, off.Endpoint, off.Authenticator));
        Assert.Contains("Transaction Search is off", off.Reason);
    }

    private static JsonElement Facts() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Collector", "Data", "adot-collector-v0.49.0.json"))).RootElement;

    /// <summary>Dotted paths of every scalar under a mapping (auth.authenticator).</summary>
    private static IEnumerable<string> Leaves(YamlMappingNode map, string prefix)
    {
        foreach (var (key, value) in map.Children)
        {
            var path = prefix + ((YamlScalarNode)key).Value;
            if (value is YamlMappingNode nested)
            {
                foreach (var leaf in Leaves(nested, path + "."))
                {
                    yield return leaf;
                }
            }
            else
            {
                yield return path;
            }
        }
    }
}
