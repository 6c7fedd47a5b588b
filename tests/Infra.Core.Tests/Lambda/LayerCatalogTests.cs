using Infra.Core.Lambda;
using Infra.Core.Settings;

namespace Infra.Core.Tests.Lambda;

public class LayerCatalogTests
{
    private static LambdaSettings Lambda(LayerFlavor flavor = LayerFlavor.Legacy, LambdaArchitecture architecture = LambdaArchitecture.X86_64,
        Dictionary<string, string>? versions = null, string? layerArn = null) =>
        new(flavor, architecture, versions ?? [], layerArn, 256, 10, 7);

    [Fact]
    public void TheArticlesExactArnWhenPinnedTo1250InUsWest2()
    {
        var choice = AdotLayers.Resolve(Lambda(versions: new() { ["python"] = "1.25.0" }), "us-west-2", "python3.12").Choice!;
        Assert.Equal("arn:aws:lambda:us-west-2:901920570463:layer:aws-otel-python-amd64-ver-1-25-0:1", choice.Arn);
        Assert.Equal("/opt/otel-instrument", choice.ExecWrapper);
    }

    [Theory]
    [InlineData("eu-west-1", LambdaArchitecture.X86_64, "arn:aws:lambda:eu-west-1:901920570463:layer:aws-otel-python-amd64-ver-1-32-0:2")]
    [InlineData("ap-northeast-1", LambdaArchitecture.Arm64, "arn:aws:lambda:ap-northeast-1:901920570463:layer:aws-otel-python-arm64-ver-1-32-0:2")]
    public void LegacyLayerFollowsRegionAndArchitecture(string region, LambdaArchitecture architecture, string expected) =>
        Assert.Equal(expected, AdotLayers.Resolve(Lambda(architecture: architecture), region, "python3.12").Choice!.Arn);

    [Theory]
    [InlineData("us-west-2", "arn:aws:lambda:us-west-2:615299751070:layer:AWSOpenTelemetryDistroPython:33")]
    [InlineData("us-east-1", "arn:aws:lambda:us-east-1:615299751070:layer:AWSOpenTelemetryDistroPython:29")]
    [InlineData("eu-central-2", "arn:aws:lambda:eu-central-2:156041407956:layer:AWSOpenTelemetryDistroPython:23")]
    [InlineData("cn-north-1", "arn:aws-cn:lambda:cn-north-1:440179912924:layer:AWSOpenTelemetryDistroPython:14")]
    public void DistroLayerHasItsPublisherAndVersionPerRegion(string region, string expected)
    {
        Assert.Equal(expected, AdotLayers.Resolve(Lambda(LayerFlavor.Distro), region, "python3.12").Choice!.Arn);
        Assert.Equal(expected, AdotLayers.Resolve(Lambda(LayerFlavor.Distro, LambdaArchitecture.Arm64), region, "python3.12").Choice!.Arn);
    }

    [Fact]
    public void UnsupportedRegionForLegacyListsWhereItIsPublished()
    {
        var error = AdotLayers.Resolve(Lambda(), "eu-south-1", "python3.12").Error!;
        Assert.Contains("eu-south-1", error);
        Assert.Contains("us-west-2", error);
        Assert.Contains("distro", error);
    }

    [Fact]
    public void UnsupportedRegionIsASettingsError()
    {
        var raw = TestStacks.Raw("dev") with { };
        var values = new Dictionary<string, string>(raw.Values) { ["aws:region"] = "me-south-1", ["aws-native:region"] = "me-south-1" };
        var error = TestStacks.Single(TestStacks.ParseRaw(raw with { Values = values }).Errors, "adot-tracing:lambda.flavor");
        Assert.Contains("me-south-1", error.Message);
    }

    [Theory]
    [InlineData(LayerFlavor.Legacy, "python3.12", "/opt/otel-instrument", "tracecontext,baggage,xray-lambda")]
    [InlineData(LayerFlavor.Legacy, "nodejs20.x", "/opt/otel-handler", "tracecontext,baggage,xray-lambda")]
    [InlineData(LayerFlavor.Legacy, "java17", "/opt/otel-handler", "xray,tracecontext,b3,b3multi")]
    [InlineData(LayerFlavor.Distro, "python3.12", "/opt/otel-instrument", "baggage,xray,tracecontext")]
    [InlineData(LayerFlavor.Distro, "nodejs20.x", "/opt/otel-instrument", "baggage,tracecontext,xray")]
    [InlineData(LayerFlavor.Distro, "java21", "/opt/otel-instrument", "baggage,tracecontext,xray")]
    public void WrapperAndPropagatorsFollowFlavorAndRuntime(LayerFlavor flavor, string runtime, string wrapper, string propagators)
    {
        var choice = AdotLayers.Resolve(Lambda(flavor), "us-west-2", runtime).Choice!;
        Assert.Equal(wrapper, choice.ExecWrapper);
        Assert.Equal(propagators, choice.Propagators);
    }

    [Theory]
    [InlineData("sqs", "/opt/otel-sqs-handler")]
    [InlineData("proxy", "/opt/otel-proxy-handler")]
    [InlineData("stream", "/opt/otel-stream-handler")]
    public void JavaWrapperHasHandlerVariants(string handler, string wrapper) =>
        Assert.Equal(wrapper, AdotLayers.Resolve(Lambda(), "us-west-2", "java17", handler).Choice!.ExecWrapper);

    [Fact]
    public void DotNetDistroIsX86Only() =>
        Assert.Contains("x86_64", AdotLayers.Resolve(Lambda(LayerFlavor.Distro, LambdaArchitecture.Arm64), "us-west-2", "dotnet8").Error);

    [Fact]
    public void ExplicitLayerArnWins()
    {
        const string Arn = "arn:aws:lambda:us-west-2:123456789012:layer:mine:4";
        var choice = AdotLayers.Resolve(Lambda(layerArn: Arn), "us-west-2", "python3.12").Choice!;
        Assert.Equal(Arn, choice.Arn);
        Assert.Equal("/opt/otel-instrument", choice.ExecWrapper);
    }

    [Fact]
    public void UnknownLegacyVersionListsTheKnownOnes()
    {
        var error = AdotLayers.Resolve(Lambda(versions: new() { ["python"] = "1.99.0" }), "us-west-2", "python3.12").Error!;
        Assert.Contains("1.25.0", error);
        var pinned = AdotLayers.Resolve(Lambda(versions: new() { ["python"] = "1.99.0:3" }), "us-west-2", "python3.12").Choice!;
        Assert.EndsWith("aws-otel-python-amd64-ver-1-99-0:3", pinned.Arn);
    }

    [Fact]
    public void UnknownVersionKeyIsASettingsError() =>
        Assert.Contains("Did you mean 'python'?", TestStacks.Single(TestStacks.Errors("dev", ("lambda", """{"versions":{"pyhton":"1.25.0"}}""")), "adot-tracing:lambda.versions.pyhton").Message);

    [Fact]
    public void LegacyRegionsAreTheSixteenCommercialOnes()
    {
        Assert.Equal(16, AdotLayerCatalog.LegacyRegions.Count);
        Assert.Equal(AdotLayerCatalog.LegacyRegions.Count, AdotLayerCatalog.LegacyRegions.Distinct().Count());
        Assert.All(AdotLayerCatalog.LegacyRegions, region => Assert.Contains(AdotLayerCatalog.DistroRegions, row => row.Region == region));
    }
}
