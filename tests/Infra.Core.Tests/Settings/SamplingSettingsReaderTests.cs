using System.Text.Json;
using Infra.Core.Settings;

namespace Infra.Core.Tests.Settings;

/// <summary>
/// adot-tracing:sampling read on its own. The limits of a rule are X-Ray's SamplingRule
/// (https://docs.aws.amazon.com/xray/latest/api/API_SamplingRule.html: Priority 1 to 9999, FixedRate 0 to 1,
/// ReservoirSize from 0, Host at most 64 characters, HTTPMethod at most 10, URLPath at most 128, ServiceName and
/// ServiceType at most 64) and SamplingRateBoost (https://docs.aws.amazon.com/xray/latest/api/API_SamplingRateBoost.html:
/// MaxRate 0 to 1); the rest (a rule name of 1-20 characters, reservoirSize up to 100000, a cooldown of 1-1440 minutes,
/// the default paths) is what docs/configuration.md's "sampling" section documents.
/// </summary>
public class SamplingSettingsReaderTests
{
    private const string Section = "adot-tracing:sampling";
    private const string Rule0 = "adot-tracing:sampling.rules[0]";

    private static readonly SamplingSettings Preset = new(["/preset-critical"], ["/preset-routine"], []);

    private static (SamplingSettings Settings, IReadOnlyList<SettingsError> Errors) Read(string json)
    {
        var errors = new ErrorSink();
        var reader = new ObjectReader(Section, JsonDocument.Parse(json).RootElement.Clone(), errors);
        return (SamplingSettingsReader.Read(reader, Preset, errors), errors.Errors);
    }

    private static (CustomSamplingRule Rule, IReadOnlyList<SettingsError> Errors) ReadRule(string rule)
    {
        var (settings, errors) = Read($$"""{"rules":[{{rule}}]}""");
        return (Assert.Single(settings.Rules), errors);
    }

    private static string Message(IReadOnlyList<SettingsError> errors, string key) => TestStacks.Single(errors, key).Message;

    [Fact]
    public void AnEmptySectionKeepsThePreset()
    {
        var (settings, errors) = Read("{}");
        Assert.Empty(errors);
        Assert.Equal(["/preset-critical"], settings.CriticalPaths);
        Assert.Equal(["/preset-routine"], settings.RoutinePaths);
        Assert.Empty(settings.Rules);
    }

    [Fact]
    public void AMinimalRuleTakesTheDocumentedDefaults()
    {
        // docs/configuration.md: reservoirSize defaults to 0; urlPath, httpMethod and host to *; no service, no boost.
        var (rule, errors) = ReadRule("""{"name":"orders","priority":10,"fixedRate":0.25}""");
        Assert.Empty(errors);
        Assert.Equal(new CustomSamplingRule("orders", 10, 0.25, 0, "*", "*", "*", null, null, null), rule);
    }

    [Fact]
    public void RulesReplaceThePresetRules()
    {
        var preset = new SamplingSettings([], [], [new CustomSamplingRule("preset", 1, 0.5, 0, "*", "*", "*", null)]);
        var errors = new ErrorSink();
        var reader = new ObjectReader(Section, JsonDocument.Parse("""{"rules":[{"name":"mine","priority":2,"fixedRate":0.1}]}""").RootElement.Clone(), errors);
        var settings = SamplingSettingsReader.Read(reader, preset, errors);
        Assert.Equal("mine", Assert.Single(settings.Rules).Name);
    }

    [Fact]
    public void WithoutRulesThePresetRulesStay()
    {
        var presetRule = new CustomSamplingRule("preset", 1, 0.5, 0, "*", "*", "*", null);
        var errors = new ErrorSink();
        var reader = new ObjectReader(Section, JsonDocument.Parse("{}").RootElement.Clone(), errors);
        Assert.Equal([presetRule], SamplingSettingsReader.Read(reader, new SamplingSettings([], [], [presetRule]), errors).Rules);
    }

    [Fact]
    public void NameIsRequired()
    {
        var (rule, errors) = ReadRule("""{"priority":10,"fixedRate":0.25}""");
        Assert.Equal("required: a short name for the rule (letters, digits, hyphens, underscores).", Message(errors, $"{Rule0}.name"));
        Assert.Equal("rule 0", rule.Name);
    }

    [Theory]
    [InlineData("a")]
    [InlineData("abcdefghij-klmnop_st")] // 20 characters
    public void ANameOfOneToTwentyLettersDigitsHyphensOrUnderscoresIsKept(string name)
    {
        var (rule, errors) = ReadRule($$"""{"name":"{{name}}","priority":10,"fixedRate":0.25}""");
        Assert.Empty(errors);
        Assert.Equal(name, rule.Name);
    }

    [Theory]
    [InlineData("abcdefghij-klmnop_stu")] // 21 characters
    [InlineData("has space")]
    [InlineData("")]
    public void AnInvalidNameIsReportedAndReplacedByItsPlace(string name)
    {
        var (settings, errors) = Read($$"""{"rules":[{"name":"ok","priority":1,"fixedRate":0},{"name":"{{name}}","priority":10,"fixedRate":0.25}]}""");
        Assert.Equal(
            $"'{name}' is not a valid rule name: use 1-20 letters, digits, hyphens or underscores (the stack prefix is added, and X-Ray allows 32 characters in all).",
            Message(errors, "adot-tracing:sampling.rules[1].name"));
        Assert.Equal(["ok", "rule 1"], settings.Rules.Select(rule => rule.Name));
    }

    [Fact]
    public void PriorityAndFixedRateAreRequired()
    {
        var (_, errors) = ReadRule("""{"name":"orders"}""");
        Assert.Equal("required: 1 to 9999, lower is evaluated first.", Message(errors, $"{Rule0}.priority"));
        Assert.Equal("required: 0 to 1, the share of requests sampled after the reservoir is used.", Message(errors, $"{Rule0}.fixedRate"));
        Assert.Equal(2, errors.Count);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(9999)]
    public void PriorityWithinXRaysRangeIsKept(int priority)
    {
        var (rule, errors) = ReadRule($$"""{"name":"r","priority":{{priority}},"fixedRate":0.5}""");
        Assert.Empty(errors);
        Assert.Equal(priority, rule.Priority);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10000)]
    public void PriorityOutsideXRaysRangeIsAnError(int priority)
    {
        var (_, errors) = ReadRule($$"""{"name":"r","priority":{{priority}},"fixedRate":0.5}""");
        Assert.Equal($"{priority} is out of range; allowed: 1 to 9999.", Message(errors, $"{Rule0}.priority"));
    }

    [Theory]
    [InlineData("0", 0.0)]
    [InlineData("1", 1.0)]
    public void FixedRateWithinXRaysRangeIsKept(string written, double expected)
    {
        var (rule, errors) = ReadRule($$"""{"name":"r","priority":5,"fixedRate":{{written}}}""");
        Assert.Empty(errors);
        Assert.Equal(expected, rule.FixedRate);
    }

    [Theory]
    [InlineData("-0.01", "-0.01")]
    [InlineData("1.01", "1.01")]
    public void FixedRateOutsideXRaysRangeIsAnError(string written, string shown)
    {
        var (_, errors) = ReadRule($$"""{"name":"r","priority":5,"fixedRate":{{written}}}""");
        Assert.Equal($"{shown} is out of range; allowed: 0 to 1.", Message(errors, $"{Rule0}.fixedRate"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100000)]
    public void ReservoirWithinTheDocumentedRangeIsKept(int reservoir)
    {
        var (rule, errors) = ReadRule($$"""{"name":"r","priority":5,"fixedRate":0.5,"reservoirSize":{{reservoir}}}""");
        Assert.Empty(errors);
        Assert.Equal(reservoir, rule.ReservoirSize);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(100001)]
    public void ReservoirOutsideTheDocumentedRangeIsAnError(int reservoir)
    {
        var (_, errors) = ReadRule($$"""{"name":"r","priority":5,"fixedRate":0.5,"reservoirSize":{{reservoir}}}""");
        Assert.Equal($"{reservoir} is out of range; allowed: 0 to 100000.", Message(errors, $"{Rule0}.reservoirSize"));
    }

    [Theory]
    [InlineData("urlPath", 128)]
    [InlineData("httpMethod", 10)]
    [InlineData("host", 64)]
    [InlineData("serviceName", 64)]
    [InlineData("serviceType", 64)]
    public void AFieldAtXRaysLengthLimitIsKept(string field, int limit)
    {
        var value = Filler(field, limit);
        var (rule, errors) = ReadRule($$"""{"name":"r","priority":5,"fixedRate":0.5,"{{field}}":"{{value}}"}""");
        Assert.Empty(errors);
        var read = field switch
        {
            "urlPath" => rule.UrlPath,
            "httpMethod" => rule.HttpMethod,
            "host" => rule.Host,
            "serviceName" => rule.ServiceName,
            _ => rule.ServiceType,
        };
        Assert.Equal(value, read);
    }

    [Theory]
    [InlineData("urlPath", 128)]
    [InlineData("httpMethod", 10)]
    [InlineData("host", 64)]
    [InlineData("serviceName", 64)]
    [InlineData("serviceType", 64)]
    public void AFieldOverXRaysLengthLimitIsAnError(string field, int limit)
    {
        var value = Filler(field, limit + 1);
        var (_, errors) = ReadRule($$"""{"name":"r","priority":5,"fixedRate":0.5,"{{field}}":"{{value}}"}""");
        Assert.Equal($"'{value}' has {limit + 1} characters; X-Ray allows 1 to {limit}.", Message(errors, $"{Rule0}.{field}"));
    }

    /// <summary>A value of the given length; a URL path starts with / so that only its length is wrong.</summary>
    private static string Filler(string field, int length) => field == "urlPath" ? "/" + new string('a', length - 1) : new string('a', length);

    // Request paths start with / (RFC 9112 section 3.2.1; API Gateway resource paths), and in X-Ray's patterns * matches
    // any characters and ? exactly one (https://docs.aws.amazon.com/xray/latest/devguide/xray-console-sampling.html).
    [Theory]
    [InlineData("chat")]
    [InlineData("chat*")]
    [InlineData("a/b")]
    public void ARuleUrlPathThatCanMatchNoRequestIsAnError(string urlPath)
    {
        var (_, errors) = ReadRule($$"""{"name":"r","priority":5,"fixedRate":0.5,"urlPath":"{{urlPath}}"}""");
        Assert.Contains("can match no request", Message(errors, $"{Rule0}.urlPath"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/chat")]
    [InlineData("*chat")]
    [InlineData("?chat")]
    [InlineData("*")]
    public void ARuleUrlPathThatCanMatchARequestIsKept(string urlPath)
    {
        var (rule, errors) = ReadRule($$"""{"name":"r","priority":5,"fixedRate":0.5,"urlPath":"{{urlPath}}"}""");
        Assert.Empty(errors);
        Assert.Equal(urlPath, rule.UrlPath);
    }

    [Theory]
    [InlineData("urlPath", 128)]
    [InlineData("httpMethod", 10)]
    [InlineData("host", 64)]
    [InlineData("serviceName", 64)]
    [InlineData("serviceType", 64)]
    public void AnEmptyFieldIsAnError(string field, int limit)
    {
        var (_, errors) = ReadRule($$"""{"name":"r","priority":5,"fixedRate":0.5,"{{field}}":""}""");
        Assert.Equal($"'' has 0 characters; X-Ray allows 1 to {limit}.", Message(errors, $"{Rule0}.{field}"));
    }

    [Fact]
    public void ABoostIsReadWhole()
    {
        var (rule, errors) = ReadRule("""{"name":"r","priority":5,"fixedRate":0.1,"boost":{"maxRate":0.5,"cooldownWindowMinutes":30}}""");
        Assert.Empty(errors);
        Assert.Equal(new SamplingBoost(0.5, 30), rule.Boost);
    }

    [Fact]
    public void ABoostWithoutMaxRateBoostsToTheFixedRateEveryMinute()
    {
        var (rule, errors) = ReadRule("""{"name":"r","priority":5,"fixedRate":0.3,"boost":{}}""");
        Assert.Empty(errors);
        Assert.Equal(new SamplingBoost(0.3, 1), rule.Boost);
    }

    [Fact]
    public void ABoostMayEqualTheFixedRate()
    {
        var (rule, errors) = ReadRule("""{"name":"r","priority":5,"fixedRate":0.3,"boost":{"maxRate":0.3}}""");
        Assert.Empty(errors);
        Assert.Equal(0.3, rule.Boost!.MaxRate);
    }

    [Fact]
    public void ABoostBelowTheFixedRateIsAnError()
    {
        var (_, errors) = ReadRule("""{"name":"r","priority":5,"fixedRate":0.3,"boost":{"maxRate":0.2}}""");
        Assert.Equal("0.2 is below the rule's fixedRate 0.3; a boost must not lower the rate.", Message(errors, $"{Rule0}.boost.maxRate"));
    }

    [Theory]
    [InlineData("1.5", "1.5 is out of range; allowed: 0 to 1.")]
    [InlineData("-0.5", "-0.5 is out of range; allowed: 0 to 1.")]
    public void BoostMaxRateOutsideXRaysRangeIsAnError(string written, string expected)
    {
        var (_, errors) = ReadRule($$$"""{"name":"r","priority":5,"fixedRate":0,"boost":{"maxRate":{{{written}}}}}""");
        Assert.Equal(expected, Message(errors, $"{Rule0}.boost.maxRate"));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(1440)]
    public void CooldownWithinTheDocumentedRangeIsKept(int minutes)
    {
        var (rule, errors) = ReadRule($$$"""{"name":"r","priority":5,"fixedRate":0,"boost":{"maxRate":0.5,"cooldownWindowMinutes":{{{minutes}}}}}""");
        Assert.Empty(errors);
        Assert.Equal(minutes, rule.Boost!.CooldownWindowMinutes);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1441)]
    public void CooldownOutsideTheDocumentedRangeIsAnError(int minutes)
    {
        var (_, errors) = ReadRule($$$"""{"name":"r","priority":5,"fixedRate":0,"boost":{"maxRate":0.5,"cooldownWindowMinutes":{{{minutes}}}}}""");
        Assert.Equal($"{minutes} is out of range; allowed: 1 to 1440.", Message(errors, $"{Rule0}.boost.cooldownWindowMinutes"));
    }

    [Fact]
    public void AnUnknownKeyInABoostIsReported()
    {
        var (_, errors) = ReadRule("""{"name":"r","priority":5,"fixedRate":0,"boost":{"maxRate":0.5,"cooldown":5}}""");
        Assert.Equal(
            "unknown key 'adot-tracing:sampling.rules[0].boost.cooldown'. Known keys here: maxRate, cooldownWindowMinutes.",
            Message(errors, $"{Rule0}.boost.cooldown"));
    }

    [Fact]
    public void AnUnknownKeyInARuleListsEveryRuleKeyBoostIncluded()
    {
        var (_, errors) = ReadRule("""{"name":"r","priority":5,"fixedRate":0,"method":"GET"}""");
        Assert.Equal(
            "unknown key 'adot-tracing:sampling.rules[0].method'. Known keys here: name, priority, fixedRate, reservoirSize, urlPath, httpMethod, host, serviceName, serviceType, boost.",
            Message(errors, $"{Rule0}.method"));
    }

    [Fact]
    public void AnUnknownKeyInTheSectionIsReported()
    {
        var (_, errors) = Read("""{"criticalPath":["/x"]}""");
        Assert.Equal(
            "unknown key 'adot-tracing:sampling.criticalPath'. Did you mean 'criticalPaths'? Known keys here: criticalPaths, routinePaths, rules.",
            Message(errors, $"{Section}.criticalPath"));
    }

    [Theory]
    [InlineData("criticalPaths")]
    [InlineData("routinePaths")]
    public void PathsAreReadFromTheirOwnKey(string key)
    {
        var (settings, errors) = Read($$"""{"{{key}}":["/a*","*b","/c"]}""");
        Assert.Empty(errors);
        var (read, other) = key == "criticalPaths" ? (settings.CriticalPaths, settings.RoutinePaths) : (settings.RoutinePaths, settings.CriticalPaths);
        Assert.Equal(["/a*", "*b", "/c"], read);
        Assert.Equal(key == "criticalPaths" ? ["/preset-routine"] : ["/preset-critical"], other);
    }

    [Theory]
    [InlineData("criticalPaths")]
    [InlineData("routinePaths")]
    public void APathThatDoesNotStartWithASlashOrWildcardIsAnError(string key)
    {
        var (_, errors) = Read($$"""{"{{key}}":["/ok","chat"]}""");
        Assert.Equal("'chat' is not a URL path pattern: start with / (wildcards * and ? allowed).", Message(errors, $"{Section}.{key}[1]"));
        Assert.Single(errors);
    }

    [Theory]
    [InlineData("criticalPaths")]
    [InlineData("routinePaths")]
    public void AnEmptyPathIsNeitherAPatternNorOfAllowedLength(string key)
    {
        var (_, errors) = Read($$"""{"{{key}}":[""]}""");
        Assert.Equal(
            [
                $"{Section}.{key}[0]: '' is not a URL path pattern: start with / (wildcards * and ? allowed).",
                $"{Section}.{key}[0]: '' has 0 characters; X-Ray allows 1 to 128.",
            ],
            errors.Select(error => error.ToString()));
    }

    [Theory]
    [InlineData("criticalPaths")]
    [InlineData("routinePaths")]
    public void APathIsLimitedToXRaysUrlPathLength(string key)
    {
        var longest = "/" + new string('p', 127);
        var tooLong = "/" + new string('p', 128);
        var (_, errors) = Read($$"""{"{{key}}":["{{longest}}","{{tooLong}}"]}""");
        Assert.Equal($"'{tooLong}' has 129 characters; X-Ray allows 1 to 128.", Message(errors, $"{Section}.{key}[1]"));
        Assert.Single(errors);
    }
}
