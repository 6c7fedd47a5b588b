using Infra.Core.Naming;
using Infra.Core.Settings;

namespace Infra.Core.Tests.Naming;

/// <summary>
/// Names at and just past each service's length limit. Limits:
/// X-Ray SamplingRule.RuleName 1-32 (https://docs.aws.amazon.com/xray/latest/api/API_SamplingRule.html);
/// X-Ray CreateGroup GroupName 1-32 (https://docs.aws.amazon.com/xray/latest/api/API_CreateGroup.html);
/// CloudWatch AlarmName 1-255 (https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html);
/// CloudWatch DashboardName up to 255 (https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutDashboard.html);
/// Application Signals SLO Name 1-128 (https://docs.aws.amazon.com/applicationsignals/latest/APIReference/API_CreateServiceLevelObjective.html).
/// </summary>
public class NameLimitTests
{
    /// <summary>A project name that makes "&lt;project&gt;-dev" exactly <paramref name="length"/> characters long.</summary>
    private static StackNames PrefixOf(int length) => new(new string('p', length - 4), "dev");

    [Theory]
    [InlineData(255)]
    [InlineData(256)]
    [InlineData(300)]
    public void DashboardNamesKeepAtMost255Characters(int prefix)
    {
        var names = PrefixOf(prefix);
        Assert.Equal(Math.Min(prefix, 255), names.Dashboard.Length);
        Assert.Equal(prefix <= 255, names.Dashboard == names.Prefix);
    }

    [Theory]
    [InlineData(247)]
    [InlineData(248)]
    public void AlarmNamesKeepAtMost255Characters(int prefix)
    {
        // "<prefix>-api-5xx" is 8 characters longer than the prefix.
        var name = PrefixOf(prefix).Alarm("api-5xx");
        Assert.Equal(Math.Min(prefix + 8, 255), name.Length);
        Assert.Equal(prefix + 8 <= 255, name.EndsWith("-api-5xx", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(118)]
    [InlineData(119)]
    public void SloNamesKeepAtMost128Characters(int prefix)
    {
        // "<prefix>-post-chat" is 10 characters longer than the prefix.
        var name = PrefixOf(prefix).Slo("post-chat");
        Assert.Equal(Math.Min(prefix + 10, 128), name.Length);
    }

    [Theory]
    [InlineData(32)]
    [InlineData(33)]
    public void XRayGroupNamesKeepAtMost32Characters(int prefix)
    {
        var names = PrefixOf(prefix);
        Assert.Equal(Math.Min(prefix, 32), names.XRayGroup.Length);
        Assert.Equal(prefix <= 32, names.XRayGroup == names.Prefix);
    }

    [Fact]
    public void AShortenedNameEndsWithAShortHashOfTheWholeName()
    {
        var a = StackNames.Fit("observability-tracing-dev", 20);
        var b = StackNames.Fit("observability-tracing-prd", 20);
        Assert.Matches("^observability-t-[0-9a-f]{4}$", a);
        Assert.Matches("^observability-t-[0-9a-f]{4}$", b);
        Assert.NotEqual(a, b);
        Assert.Equal(a, StackNames.Fit("observability-tracing-dev", 20));
        Assert.Matches("^observabil-[0-9a-f]{6}$", StackNames.Fit("observability-tracing-dev", 17, hashLength: 6));
    }

    [Fact]
    public void AShortenedNameNeverCarriesTwoHyphensInARow() =>
        // The kept part "abcd-" loses its trailing hyphen before "-<hash>" is added.
        Assert.Matches("^abcd-[0-9a-f]{4}$", StackNames.Fit("abcd-efghijk", 10));

    [Fact]
    public void ANameWithinTheLimitIsKeptWhole() => Assert.Equal("abcdefghij", StackNames.Fit("abcdefghij", 10));

    [Theory]
    // "adot-tracing-dev-" is 17 characters: a 15-character key fills the 32 exactly.
    [InlineData("fifteen-chars-1", "adot-tracing-dev-fifteen-chars-1")]
    public void ARuleNameOfExactly32CharactersIsKeptWhole(string key, string expected) =>
        Assert.Equal(expected, new StackNames("adot-tracing", "dev").SamplingRule(key));

    [Fact]
    public void ARuleNameOf33CharactersGetsAHashedPrefixAndKeepsTheKey()
    {
        var name = new StackNames("adot-tracing", "dev").SamplingRule("sixteen-chars-12");
        Assert.Matches("^adot-tra-[0-9a-f]{6}-sixteen-chars-12$", name);
        Assert.Equal(32, name.Length);
    }

    [Theory]
    [InlineData("")]
    [InlineData("twenty-one-characters")]
    public void ARuleKeyOutsideOneToTwentyCharactersIsAProgrammingError(string key)
    {
        var error = Assert.Throws<ArgumentException>(() => new StackNames("adot-tracing", "dev").SamplingRule(key));
        Assert.Equal($"a sampling rule key has 1 to 20 characters: '{key}' (Parameter 'rule')", error.Message);
    }

    [Fact]
    public void ATwentyCharacterRuleKeyIsAccepted() =>
        Assert.EndsWith("-twenty-characters-20", new StackNames("adot-tracing", "dev").SamplingRule("twenty-characters-20"), StringComparison.Ordinal);

    [Theory]
    [InlineData("a")]
    [InlineData("0dev")]
    [InlineData("a-twenty-char-stack1")]
    public void StackNamesOfLowerCaseLettersDigitsAndHyphensUpToTwentyAreAccepted(string stack)
    {
        var errors = new ErrorSink();
        StackNames.Validate(stack, errors);
        Assert.Empty(errors.Errors);
        Assert.True(TestStacks.Parse(stack, ("environment", "dev")).IsValid);
    }

    [Theory]
    [InlineData("a-twenty-one-chars-st")]
    [InlineData("-dev")]
    [InlineData("Dev")]
    [InlineData("dev_1")]
    [InlineData("")]
    public void OtherStackNamesAreRefusedWithTheRule(string stack)
    {
        var errors = new ErrorSink();
        StackNames.Validate(stack, errors);
        var error = Assert.Single(errors.Errors);
        Assert.Equal("stack name", error.Key);
        Assert.Equal(
            $"'{stack}' cannot name AWS resources: use 1-20 lower-case letters, digits or hyphens, starting with a letter or digit "
            + "(it becomes part of IAM, Lambda, SQS and X-Ray names, which have tight limits).",
            error.Message);
    }
}
