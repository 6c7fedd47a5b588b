using Infra.Core.Lambda;
using Infra.Core.Settings;

namespace Infra.Core.Tests.Lambda;

/// <summary>
/// What a user reads when no layer fits, whole, and the lambda setting it is reported under. Runtimes and regions are
/// those of the recorded sources (legacy-layer-arns.tsv; distro runtimes: aws-otel/aws-otel.github.io
/// src/config/supportedRuntimes.js at 061992d15f65475e140fbaf2eefbd8c5ff2c3763).
/// </summary>
public class LayerErrorMessageTests
{
    private const string OwnLayer = "arn:aws:lambda:eu-south-1:123456789012:layer:mine:4";

    private const string LegacyRegions =
        "ap-northeast-1, ap-northeast-2, ap-south-1, ap-southeast-1, ap-southeast-2, ca-central-1, eu-central-1, eu-north-1, "
        + "eu-west-1, eu-west-2, eu-west-3, sa-east-1, us-east-1, us-east-2, us-west-1, us-west-2";

    private const string KnownPythonReleases = "1.32.0 (:2), 1.29.0 (:2), 1.25.0 (:1), 1.24.0 (:1), 1.21.0 (:1)";

    private static LambdaSettings Lambda(LayerFlavor flavor = LayerFlavor.Legacy, LambdaArchitecture architecture = LambdaArchitecture.X86_64,
        Dictionary<string, string>? versions = null, string? layerArn = null) =>
        new(flavor, architecture, versions ?? [], layerArn, 256, 10, 7);

    private static void AssertRefused(LayerResolution resolution, string setting, string error)
    {
        Assert.Null(resolution.Choice);
        Assert.Equal((setting, error), (resolution.Setting, resolution.Error));
    }

    [Fact]
    public void ALegacyRuntimeWithoutALayerListsEachSupportedRuntimeOnce() => AssertRefused(
        AdotLayers.Resolve(Lambda(), "us-west-2", "ruby3.3"),
        "flavor",
        "runtime 'ruby3.3' has no ADOT legacy layer; supported runtimes: python3.8, python3.9, python3.10, python3.11, python3.12, "
        + "python3.13, nodejs18.x, nodejs20.x, nodejs22.x, java8.al2, java11, java17.");

    [Fact]
    public void ADistroRuntimeWithoutALayerListsEachSupportedRuntimeOnce() => AssertRefused(
        AdotLayers.Resolve(Lambda(LayerFlavor.Distro), "us-west-2", "ruby3.3"),
        "flavor",
        "runtime 'ruby3.3' has no ADOT distro layer; supported runtimes: python3.10, python3.11, python3.12, python3.13, "
        + "nodejs18.x, nodejs20.x, nodejs22.x, java11, java17, java21, dotnet8.");

    [Fact]
    public void ALegacyRegionWithoutTheLayerNamesWhereItIsAndTheWayOut() => AssertRefused(
        AdotLayers.Resolve(Lambda(), "eu-south-1", "python3.12"),
        "flavor",
        $"the legacy ADOT layers are not published in eu-south-1; they are published in: {LegacyRegions}. "
        + "It is published there with lambda.flavor 'distro'. Or set lambda.layerArn.");

    [Fact]
    public void ALegacyRegionWithNoLayerOfEitherFlavorOffersOnlyAnOwnLayer() => AssertRefused(
        AdotLayers.Resolve(Lambda(), "xx-nowhere-1", "nodejs20.x"),
        "flavor",
        $"the legacy ADOT layers are not published in xx-nowhere-1; they are published in: {LegacyRegions}. Or set lambda.layerArn.");

    [Theory]
    [InlineData("1.25")]
    [InlineData("1.25.0:")]
    [InlineData("1.25.0:x")]
    public void AMalformedLegacyPinShowsTheFormAndTheKnownReleases(string pin) => AssertRefused(
        AdotLayers.Resolve(Lambda(versions: new() { ["python"] = pin }), "us-west-2", "python3.12"),
        "versions.python",
        $"'{pin}' is not a layer version; write x.y.z (a known release) or x.y.z:n (layer version n). Known python releases: {KnownPythonReleases}.");

    [Fact]
    public void AnUnknownLegacyReleaseSaysHowToUseItAnyway() => AssertRefused(
        AdotLayers.Resolve(Lambda(versions: new() { ["python"] = "1.99.0" }), "us-west-2", "python3.12"),
        "versions.python",
        $"python 1.99.0 is not a release this catalog knows; known: {KnownPythonReleases}. Write 1.99.0:<layer version> to use it anyway.");

    /// <summary>Lambda numbers a layer's versions from 1: https://docs.aws.amazon.com/lambda/latest/api/API_PublishLayerVersion.html</summary>
    [Fact]
    public void ALegacyLayerVersionStartsAtOne()
    {
        AssertRefused(
            AdotLayers.Resolve(Lambda(versions: new() { ["python"] = "1.25.0:0" }), "us-west-2", "python3.12"),
            "versions.python",
            "'1.25.0:0': Lambda layer versions are whole numbers from 1.");
        Assert.Equal(
            "arn:aws:lambda:us-west-2:901920570463:layer:aws-otel-python-amd64-ver-1-25-0:1",
            AdotLayers.Resolve(Lambda(versions: new() { ["python"] = "1.25.0:1" }), "us-west-2", "python3.12").Choice?.Arn);
    }

    [Fact]
    public void ADistroRuntimeOutsideItsLayerNamesTheLanguagesRuntimes() => AssertRefused(
        AdotLayers.Resolve(Lambda(LayerFlavor.Distro), "us-west-2", "nodejs16.x"),
        "flavor",
        "the ADOT distro layer for NodeJs supports nodejs18.x, nodejs20.x, nodejs22.x, not 'nodejs16.x'.");

    [Fact]
    public void TheDotNetDistroLayerOnArm64IsAnArchitectureError() => AssertRefused(
        AdotLayers.Resolve(Lambda(LayerFlavor.Distro, LambdaArchitecture.Arm64), "us-west-2", "dotnet8"),
        "architecture",
        "the ADOT distro layer for .NET is published for x86_64 only; set lambda.architecture to x86_64.");

    [Fact]
    public void ADistroRegionWithoutTheLayerListsTheRegionsThatHaveIt() => AssertRefused(
        AdotLayers.Resolve(Lambda(LayerFlavor.Distro), "xx-nowhere-1", "dotnet8"),
        "flavor",
        "the ADOT distro layer AWSOpenTelemetryDistroDotNet is not published in xx-nowhere-1; it is published in: af-south-1, ap-east-1, "
        + "ap-east-2, ap-northeast-1, ap-northeast-2, ap-northeast-3, ap-south-1, ap-south-2, ap-southeast-1, ap-southeast-2, ap-southeast-3, "
        + "ap-southeast-4, ap-southeast-5, ap-southeast-6, ap-southeast-7, ca-central-1, ca-west-1, cn-north-1, cn-northwest-1, eu-central-1, "
        + "eu-central-2, eu-north-1, eu-south-1, eu-south-2, eu-west-1, eu-west-2, eu-west-3, il-central-1, me-central-1, mx-central-1, "
        + "sa-east-1, us-east-1, us-east-2, us-west-1, us-west-2. Or set lambda.layerArn.");

    [Theory]
    [InlineData("0")]
    [InlineData("+5")]
    [InlineData(" 5")]
    public void ADistroPinIsAPlainLayerVersionFromOne(string pin) => AssertRefused(
        AdotLayers.Resolve(Lambda(LayerFlavor.Distro, versions: new() { ["nodejs"] = pin }), "eu-west-1", "nodejs20.x"),
        "versions.nodejs",
        $"'{pin}' is not a layer version number; distro layers are pinned by their Lambda layer version (the catalog's for eu-west-1: 15).");

    [Fact]
    public void AnOwnLayerArnOverridesEveryRefusalAfterTheRuntimeIsKnown()
    {
        // A bad pin, an unpublished region and an unsupported architecture all give way to the user's own layer.
        var pinned = AdotLayers.Resolve(Lambda(versions: new() { ["python"] = "1.25.0:0" }, layerArn: OwnLayer), "eu-south-1", "python3.12");
        Assert.Equal((OwnLayer, (string?)null, "flavor"), (pinned.Choice?.Arn, pinned.Error, pinned.Setting));
        var dotnet = AdotLayers.Resolve(Lambda(LayerFlavor.Distro, LambdaArchitecture.Arm64, layerArn: OwnLayer), "eu-south-1", "dotnet8");
        // Every distro layer is started by AWS_LAMBDA_EXEC_WRAPPER=/opt/otel-instrument: https://aws-otel.github.io/docs/getting-started/lambda
        Assert.Equal((OwnLayer, "/opt/otel-instrument", AdotLanguage.DotNet), (dotnet.Choice?.Arn, dotnet.Choice?.ExecWrapper, dotnet.Choice?.Language));
    }

    /// <summary>The Java wrapper's handler variants: https://aws-otel.github.io/docs/getting-started/lambda/lambda-java</summary>
    [Theory]
    [InlineData("sqs", "/opt/otel-sqs-handler")]
    [InlineData("stream", "/opt/otel-stream-handler")]
    [InlineData("request", "/opt/otel-handler")]
    [InlineData("unknown", "/opt/otel-handler")]
    public void AnOwnLayerArnKeepsTheJavaHandlersWrapper(string handler, string wrapper)
    {
        var choice = AdotLayers.Resolve(Lambda(layerArn: OwnLayer), "eu-south-1", "java17", handler).Choice!;
        Assert.Equal((OwnLayer, wrapper, AdotLanguage.JavaWrapper), (choice.Arn, choice.ExecWrapper, choice.Language));
    }

    [Theory]
    [InlineData(LayerFlavor.Legacy, "python", "1.2", "'1.2' is not a python layer version; write x.y.z (a known release) or x.y.z:n (Lambda layer version n, from 1).")]
    [InlineData(LayerFlavor.Legacy, "nodejs", "1.2.3:0", "'1.2.3:0': Lambda layer versions start at 1.")]
    [InlineData(LayerFlavor.Legacy, "nodejs", "1.2.3:99999999999", "'1.2.3:99999999999': Lambda layer versions start at 1.")]
    [InlineData(LayerFlavor.Distro, "java", "0", "'0' is not a layer version number; distro layers are pinned by their Lambda layer version, a whole number from 1.")]
    [InlineData(LayerFlavor.Distro, "java", "+1", "'+1' is not a layer version number; distro layers are pinned by their Lambda layer version, a whole number from 1.")]
    public void AMisshapenPinIsRefusedWhateverTheRuntimes(LayerFlavor flavor, string key, string value, string error) =>
        Assert.Equal(error, AdotLayers.VersionFormatError(flavor, key, value));

    [Theory]
    [InlineData(LayerFlavor.Legacy, "1.2.3")]
    [InlineData(LayerFlavor.Legacy, "1.2.3:1")]
    [InlineData(LayerFlavor.Distro, "1")]
    public void AWellShapedPinPasses(LayerFlavor flavor, string value) =>
        Assert.Null(AdotLayers.VersionFormatError(flavor, "python", value));

    [Fact]
    public void AMisshapenPinIsReportedUnderItsFullKey() =>
        Assert.Equal(
            "'1.2.3:0': Lambda layer versions start at 1.",
            TestStacks.Single(TestStacks.Errors("dev", ("lambda", """{"flavor":"legacy","versions":{"nodejs":"1.2.3:0"}}""")), "adot-tracing:lambda.versions.nodejs").Message);
}
