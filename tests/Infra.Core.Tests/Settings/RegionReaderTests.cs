using Infra.Core.Settings;

namespace Infra.Core.Tests.Settings;

/// <summary>aws:region and aws-native:region: both set, equal, and a Region that exists.</summary>
public class RegionReaderTests
{
    private static (string? Region, IReadOnlyList<SettingsError> Errors) Read(string? region, string? nativeRegion)
    {
        var values = new Dictionary<string, string>();
        if (region is not null)
        {
            values["aws:region"] = region;
        }

        if (nativeRegion is not null)
        {
            values["aws-native:region"] = nativeRegion;
        }

        var errors = new ErrorSink();
        var known = RegionReader.Read(new RawStackConfig("dev", values), errors);
        return (known, errors.Errors);
    }

    [Fact]
    public void BothKeysSetToOneExistingRegionGiveThatRegion()
    {
        var (region, errors) = Read("eu-central-1", "eu-central-1");
        Assert.Equal("eu-central-1", region);
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void AwsRegionIsRequired(string? region)
    {
        var (known, errors) = Read(region, "us-west-2");
        Assert.Null(known);
        Assert.Equal(
            [new SettingsError("aws:region", "required: the AWS Region to deploy into, e.g. us-west-2. Set it with: pulumi config set aws:region <region>")],
            errors);
    }

    [Fact]
    public void AnUnknownRegionSuggestsTheNearestAndListsEveryRegion()
    {
        var (known, errors) = Read("us-west-9", "us-west-9");
        Assert.Null(known);
        var error = Assert.Single(errors);
        Assert.Equal("aws:region", error.Key);
        const string start = "'us-west-9' is not an AWS Region. Did you mean 'us-west-1'? Regions: ";
        Assert.StartsWith(start, error.Message);
        Assert.EndsWith(".", error.Message);
        var listed = error.Message[start.Length..^1].Split(", ");
        Assert.Equal(AwsRegions.All.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
        Assert.Equal(38, listed.Length);
    }

    [Fact]
    public void AnUnknownRegionFarFromEveryRegionGetsNoSuggestion()
    {
        var (_, errors) = Read("mars-north-1-extra-long", "mars-north-1-extra-long");
        var error = Assert.Single(errors);
        Assert.StartsWith("'mars-north-1-extra-long' is not an AWS Region. Regions: us-east-1, ", error.Message);
    }

    [Fact]
    public void NativeRegionIsRequiredAndTheMessageShowsTheRegionToSet()
    {
        var (known, errors) = Read("ap-south-2", null);
        Assert.Equal("ap-south-2", known);
        Assert.Equal(
            [new SettingsError("aws-native:region", "required by the aws-native provider, and must equal aws:region. Set it with: pulumi config set aws-native:region ap-south-2")],
            errors);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void BlankNativeRegionIsMissingToo(string nativeRegion)
    {
        var (_, errors) = Read("ap-south-2", nativeRegion);
        Assert.Equal("aws-native:region", Assert.Single(errors).Key);
        Assert.StartsWith("required by the aws-native provider", errors[0].Message);
    }

    [Fact]
    public void WithoutAKnownRegionTheNativeHintShowsAPlaceholder()
    {
        var (_, errors) = Read("us-west-9", null);
        Assert.Equal(2, errors.Count);
        Assert.Equal(
            new SettingsError("aws-native:region", "required by the aws-native provider, and must equal aws:region. Set it with: pulumi config set aws-native:region <region>"),
            errors[1]);
    }

    [Fact]
    public void NativeRegionThatDiffersIsAnError()
    {
        var (known, errors) = Read("us-west-2", "eu-west-1");
        Assert.Equal("us-west-2", known);
        Assert.Equal(
            [new SettingsError("aws-native:region", "'eu-west-1' differs from aws:region 'us-west-2'; both providers must deploy into one Region.")],
            errors);
    }

    [Fact]
    public void NativeRegionThatDiffersFromAnUnknownRegionIsReportedAsWell()
    {
        var (_, errors) = Read("us-west-9", "us-west-2");
        Assert.Equal(["aws:region", "aws-native:region"], errors.Select(error => error.Key));
        Assert.Equal("'us-west-2' differs from aws:region 'us-west-9'; both providers must deploy into one Region.", errors[1].Message);
    }

    [Fact]
    public void NativeRegionAloneIsNotComparedWithAMissingRegion()
    {
        var (_, errors) = Read(null, "us-west-2");
        Assert.Equal("aws:region", Assert.Single(errors).Key);
    }

    [Fact]
    public void RegionsDifferingOnlyInCaseDiffer()
    {
        var (_, errors) = Read("us-west-2", "US-WEST-2");
        Assert.Equal("aws-native:region", Assert.Single(errors).Key);
    }
}
