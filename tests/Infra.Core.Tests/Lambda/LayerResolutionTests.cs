using Infra.Core.Lambda;
using Infra.Core.Settings;

namespace Infra.Core.Tests.Lambda;

/// <summary>How a layer is chosen when the catalog has no answer, or the settings pin one.</summary>
public class LayerResolutionTests
{
    private const string OwnLayer = "arn:aws:lambda:us-west-2:123456789012:layer:mine:4";

    private static LambdaSettings Lambda(LayerFlavor flavor = LayerFlavor.Legacy, Dictionary<string, string>? versions = null, string? layerArn = null) =>
        new(flavor, LambdaArchitecture.X86_64, versions ?? [], layerArn, 256, 10, 7);

    [Theory]
    [InlineData(LayerFlavor.Legacy, "ruby3.3")]
    [InlineData(LayerFlavor.Legacy, "dotnet8")]
    [InlineData(LayerFlavor.Distro, "ruby3.3")]
    public void ARuntimeWithoutAnAdotLayerIsRefusedNamingTheSupportedOnes(LayerFlavor flavor, string runtime)
    {
        var resolution = AdotLayers.Resolve(Lambda(flavor), "us-west-2", runtime);
        Assert.Null(resolution.Choice);
        Assert.Contains($"'{runtime}'", resolution.Error);
        Assert.Contains("python3.12", resolution.Error);
        Assert.Contains("nodejs20.x", resolution.Error);
    }

    [Fact]
    public void TheDistroListsDotnetAmongItsRuntimesAndTheLegacyLayersDoNot()
    {
        Assert.Contains("dotnet8", AdotLayers.Resolve(Lambda(LayerFlavor.Distro), "us-west-2", "ruby3.3").Error);
        Assert.DoesNotContain("dotnet8", AdotLayers.Resolve(Lambda(), "us-west-2", "ruby3.3").Error);
    }

    [Theory]
    [InlineData(LayerFlavor.Legacy, "python3.7", "python3.8")]
    [InlineData(LayerFlavor.Distro, "python3.9", "python3.10")]
    [InlineData(LayerFlavor.Distro, "java8.al2", "java21")]
    public void ARuntimeOutsideItsLayersListIsRefused(LayerFlavor flavor, string runtime, string supported)
    {
        var resolution = AdotLayers.Resolve(Lambda(flavor), "us-west-2", runtime);
        Assert.Null(resolution.Choice);
        Assert.Contains($"not '{runtime}'", resolution.Error);
        Assert.Contains(supported, resolution.Error);
    }

    [Theory]
    [InlineData("1.25")]
    [InlineData("v1.25.0")]
    [InlineData("1.25.0:")]
    public void AMalformedLegacyVersionIsRefusedWithTheForm(string version)
    {
        var resolution = AdotLayers.Resolve(Lambda(versions: new() { ["python"] = version }), "us-west-2", "python3.12");
        Assert.Null(resolution.Choice);
        Assert.Contains($"'{version}' is not a layer version", resolution.Error);
        Assert.Contains("x.y.z:n", resolution.Error);
    }

    [Fact]
    public void ADistroLayerIsPinnedByItsLayerVersion()
    {
        var choice = AdotLayers.Resolve(Lambda(LayerFlavor.Distro, new() { ["python"] = "30" }), "us-west-2", "python3.12").Choice!;
        Assert.Equal("arn:aws:lambda:us-west-2:615299751070:layer:AWSOpenTelemetryDistroPython:30", choice.Arn);
        var first = AdotLayers.Resolve(Lambda(LayerFlavor.Distro, new() { ["python"] = "1" }), "us-west-2", "python3.12").Choice!;
        Assert.Equal("arn:aws:lambda:us-west-2:615299751070:layer:AWSOpenTelemetryDistroPython:1", first.Arn);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("1.2")]
    [InlineData("latest")]
    public void ADistroPinThatIsNotAPositiveLayerVersionIsRefused(string version)
    {
        var resolution = AdotLayers.Resolve(Lambda(LayerFlavor.Distro, new() { ["python"] = version }), "us-west-2", "python3.12");
        Assert.Null(resolution.Choice);
        Assert.Contains($"'{version}' is not a layer version number", resolution.Error);
        Assert.Contains("us-west-2: 33", resolution.Error);
    }

    [Fact]
    public void ADistroLayerMissingInTheRegionNamesWhereItIsPublished()
    {
        // In me-south-1 only the JavaScript distro layer is published (the catalog's source, lambdaLayerArns.js).
        var resolution = AdotLayers.Resolve(Lambda(LayerFlavor.Distro), "me-south-1", "python3.12");
        Assert.Null(resolution.Choice);
        Assert.Contains("AWSOpenTelemetryDistroPython is not published in me-south-1", resolution.Error);
        Assert.Contains("us-west-2", resolution.Error);
        Assert.DoesNotContain("me-south-1,", resolution.Error);
        Assert.Contains("lambda.layerArn", resolution.Error);
        Assert.NotNull(AdotLayers.Resolve(Lambda(LayerFlavor.Distro), "me-south-1", "nodejs20.x").Choice);
    }

    [Theory]
    [InlineData(LayerFlavor.Legacy, "eu-south-1", "python3.12", "/opt/otel-instrument", "tracecontext,baggage,xray-lambda")]
    [InlineData(LayerFlavor.Legacy, "eu-south-1", "java17", "/opt/otel-handler", "xray,tracecontext,b3,b3multi")]
    [InlineData(LayerFlavor.Distro, "me-south-1", "python3.12", "/opt/otel-instrument", "baggage,xray,tracecontext")]
    [InlineData(LayerFlavor.Distro, "xx-nowhere-1", "nodejs20.x", "/opt/otel-instrument", "baggage,tracecontext,xray")]
    public void AnOwnLayerArnIsUsedWhereTheCatalogHasNoLayerWithTheLanguagesWrapper(LayerFlavor flavor, string region, string runtime, string wrapper, string propagators)
    {
        Assert.Null(AdotLayers.Resolve(Lambda(flavor), region, runtime).Choice);
        var choice = AdotLayers.Resolve(Lambda(flavor, layerArn: OwnLayer), region, runtime).Choice!;
        Assert.Equal((OwnLayer, wrapper, propagators), (choice.Arn, choice.ExecWrapper, choice.Propagators));
    }

    [Fact]
    public void AnOwnLayerArnDoesNotMakeAnUnsupportedRuntimeValid() =>
        Assert.Null(AdotLayers.Resolve(Lambda(layerArn: OwnLayer), "us-west-2", "ruby3.3").Choice);

    [Fact]
    public void VersionKeysAreTheLayerFamiliesOfTheFlavor()
    {
        Assert.Equal(["python", "nodejs", "java-wrapper"], AdotLayers.VersionKeys(LayerFlavor.Legacy));
        Assert.Equal(["python", "nodejs", "java", "dotnet"], AdotLayers.VersionKeys(LayerFlavor.Distro));
    }

    [Fact]
    public void ARegionWithNoLayerOfEitherFlavorSuggestsOnlyAnOwnArn()
    {
        var legacy = AdotLayers.Resolve(Lambda(), "xx-nowhere-1", "python3.12").Error!;
        Assert.Contains("not published in xx-nowhere-1", legacy);
        Assert.DoesNotContain("flavor 'distro'", legacy);
        Assert.EndsWith("Or set lambda.layerArn.", legacy);
        var distro = AdotLayers.Resolve(Lambda(LayerFlavor.Distro), "xx-nowhere-1", "python3.12").Error!;
        Assert.Contains("not published in xx-nowhere-1", distro);
        Assert.EndsWith("Or set lambda.layerArn.", distro);
    }

    [Fact]
    public void ALegacyRegionMissingTheLayerPointsToTheDistroWherePublished() =>
        Assert.Contains("It is published there with lambda.flavor 'distro'.", AdotLayers.Resolve(Lambda(), "eu-south-1", "python3.12").Error);

    [Fact]
    public void AnUnknownLegacyReleaseListsTheKnownOnesWithTheirLayerVersions()
    {
        var error = AdotLayers.Resolve(Lambda(versions: new() { ["python"] = "1.99.0" }), "us-west-2", "python3.12").Error!;
        Assert.Contains("python 1.99.0 is not a release this catalog knows", error);
        Assert.Contains("1.32.0 (:2), 1.29.0 (:2), 1.25.0 (:1)", error);
        Assert.Contains("1.99.0:<layer version>", error);
    }
}
