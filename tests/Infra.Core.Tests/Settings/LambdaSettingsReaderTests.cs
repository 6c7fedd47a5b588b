using System.Text.Json;
using Infra.Core.Settings;

namespace Infra.Core.Tests.Settings;

/// <summary>
/// adot-tracing:lambda read on its own, against Lambda's limits: memory 128 to 10,240 MB
/// (https://docs.aws.amazon.com/lambda/latest/dg/configuration-memory.html), timeout 1 to 900 seconds
/// (https://docs.aws.amazon.com/lambda/latest/dg/configuration-timeout.html).
/// </summary>
public class LambdaSettingsReaderTests
{
    private const string Key = "adot-tracing:lambda";

    private static readonly LambdaSettings Preset = new(
        LayerFlavor.Legacy, LambdaArchitecture.X86_64, new Dictionary<string, string> { ["python"] = "1.25.0" }, null, 256, 10, 7);

    private static (LambdaSettings Settings, IReadOnlyList<SettingsError> Errors) Read(string json)
    {
        var errors = new ErrorSink();
        var reader = new ObjectReader(Key, JsonDocument.Parse(json).RootElement.Clone(), errors);
        return (LambdaSettingsReader.Read(reader, Preset, errors), errors.Errors);
    }

    private static string Message(IReadOnlyList<SettingsError> errors, string key) => TestStacks.Single(errors, key).Message;

    [Fact]
    public void AnEmptySectionIsThePreset()
    {
        var (settings, errors) = Read("{}");
        Assert.Empty(errors);
        Assert.Equal((LayerFlavor.Legacy, LambdaArchitecture.X86_64, (string?)null, 256, 10, 7),
            (settings.Flavor, settings.Architecture, settings.LayerArn, settings.MemorySize, settings.TimeoutSeconds, settings.LogRetentionDays));
        Assert.Equal(new Dictionary<string, string> { ["python"] = "1.25.0" }, settings.Versions);
    }

    [Fact]
    public void VersionsAddToThePresetPinsPerLanguage()
    {
        var (settings, errors) = Read("""{"versions":{"nodejs":"1.18.1"}}""");
        Assert.Empty(errors);
        Assert.Equal(new Dictionary<string, string> { ["nodejs"] = "1.18.1", ["python"] = "1.25.0" }, settings.Versions);
    }

    [Fact]
    public void AnExplicitVersionReplacesThePresetPin()
    {
        var (settings, _) = Read("""{"versions":{"python":"1.32.0"}}""");
        Assert.Equal(new Dictionary<string, string> { ["python"] = "1.32.0" }, settings.Versions);
    }

    [Fact]
    public void AnotherFlavorDropsThePresetPins()
    {
        // docs/profiles.md: a profile's pinned release belongs to its flavor.
        var (settings, errors) = Read("""{"flavor":"distro","versions":{"nodejs":"4"}}""");
        Assert.Empty(errors);
        Assert.Equal(LayerFlavor.Distro, settings.Flavor);
        Assert.Equal(new Dictionary<string, string> { ["nodejs"] = "4" }, settings.Versions);
    }

    [Fact]
    public void ArchitectureIsRead() =>
        Assert.Equal(LambdaArchitecture.Arm64, Read("""{"architecture":"arm64"}""").Settings.Architecture);

    [Theory]
    [InlineData(128)]
    [InlineData(10240)]
    public void MemoryWithinLambdasRangeIsKept(int memory)
    {
        var (settings, errors) = Read($$"""{"memorySize":{{memory}}}""");
        Assert.Empty(errors);
        Assert.Equal(memory, settings.MemorySize);
    }

    [Theory]
    [InlineData(127)]
    [InlineData(10241)]
    public void MemoryOutsideLambdasRangeIsAnError(int memory)
    {
        var (settings, errors) = Read($$"""{"memorySize":{{memory}}}""");
        Assert.Equal($"{memory} is out of range; allowed: 128 to 10240.", Message(errors, $"{Key}.memorySize"));
        Assert.Equal(256, settings.MemorySize);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(900)]
    public void TimeoutWithinLambdasRangeIsKept(int timeout)
    {
        var (settings, errors) = Read($$"""{"timeoutSeconds":{{timeout}}}""");
        Assert.Empty(errors);
        Assert.Equal(timeout, settings.TimeoutSeconds);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(901)]
    public void TimeoutOutsideLambdasRangeIsAnError(int timeout)
    {
        var (_, errors) = Read($$"""{"timeoutSeconds":{{timeout}}}""");
        Assert.Equal($"{timeout} is out of range; allowed: 1 to 900.", Message(errors, $"{Key}.timeoutSeconds"));
    }

    [Fact]
    public void RetentionIsRead() =>
        Assert.Equal(3653, Read("""{"logRetentionDays":3653}""").Settings.LogRetentionDays);

    [Fact]
    public void ALayerArnOfTheRightShapeIsKept() =>
        Assert.Equal("arn:aws:lambda:us-west-2:123456789012:layer:custom:3", Read("""{"layerArn":"arn:aws:lambda:us-west-2:123456789012:layer:custom:3"}""").Settings.LayerArn);

    [Theory]
    [InlineData("arn:aws:lambda:us-west-2:123456789012:layer:custom")]
    [InlineData("arn:aws:lambda:us-west-2:12345678901:layer:custom:3")]
    [InlineData("arn:aws:lambda:us-west-2:123456789012:function:custom:3")]
    public void ALayerArnOfAnotherShapeIsAnErrorAndDropped(string arn)
    {
        var (settings, errors) = Read($$"""{"layerArn":"{{arn}}"}""");
        Assert.Equal($"'{arn}' is not a Lambda layer version ARN (arn:aws:lambda:<region>:<account>:layer:<name>:<version>).", Message(errors, $"{Key}.layerArn"));
        Assert.Null(settings.LayerArn);
    }

    [Fact]
    public void AnUnknownKeyIsReported()
    {
        var (_, errors) = Read("""{"memory":512}""");
        Assert.Equal(
            $"unknown key '{Key}.memory'. Known keys here: flavor, architecture, versions, layerArn, memorySize, timeoutSeconds, logRetentionDays.",
            Message(errors, $"{Key}.memory"));
    }
}

/// <summary>
/// The retention periods CloudWatch Logs accepts, from PutRetentionPolicy's retentionInDays
/// (https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutRetentionPolicy.html: "Possible values are:
/// 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, and 3653").
/// </summary>
public class LogRetentionTests
{
    private const string Key = "adot-tracing:lambda";

    public static TheoryData<int> Accepted => new() { 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653 };

    private static (int Days, IReadOnlyList<SettingsError> Errors) Read(string days)
    {
        var errors = new ErrorSink();
        var reader = new ObjectReader(Key, JsonDocument.Parse($$"""{"logRetentionDays":{{days}}}""").RootElement.Clone(), errors);
        return (LogRetention.Read(reader, "logRetentionDays", 14, errors), errors.Errors);
    }

    [Theory]
    [MemberData(nameof(Accepted))]
    public void EveryPeriodCloudWatchAcceptsIsKept(int days)
    {
        var (read, errors) = Read(days.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Empty(errors);
        Assert.Equal(days, read);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(10)]
    [InlineData(3652)]
    public void APeriodCloudWatchDoesNotAcceptIsAnErrorListingTheAcceptedOnes(int days)
    {
        var (read, errors) = Read(days.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(
            $"{Key}.logRetentionDays: {days} is not a retention CloudWatch Logs accepts; allowed: 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653.",
            Assert.Single(errors).ToString());
        Assert.Equal(14, read);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3654)]
    public void APeriodOutsideTheRangeIsOutOfRange(int days)
    {
        var (read, errors) = Read(days.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal($"{Key}.logRetentionDays: {days} is out of range; allowed: 1 to 3653.", Assert.Single(errors).ToString());
        Assert.Equal(14, read);
    }

    [Fact]
    public void WithoutAValueTheFallbackStays()
    {
        var errors = new ErrorSink();
        var reader = new ObjectReader(Key, JsonDocument.Parse("{}").RootElement.Clone(), errors);
        Assert.Equal(30, LogRetention.Read(reader, "logRetentionDays", 30, errors));
        Assert.Empty(errors.Errors);
    }
}
