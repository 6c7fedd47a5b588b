using System.Text.Json;
using Infra.Core.App;
using Infra.Core.Settings;

namespace Infra.Core.Tests.Settings;

/// <summary>
/// The catalog the configuration reference is generated from describes exactly the keys the readers accept: every key
/// a reader asks for while parsing stack files that take every branch (custom and bundled collector configs, a sampling
/// rule with and without a boost, an alert subscription, map entries, an app and a foundation stack) is in it, and
/// every entry in it is one a reader asks for. Its top-level keys are Pulumi.yaml's.
/// </summary>
public class SettingsCatalogTests
{
    private static readonly IReadOnlyList<SettingDescription> Catalog = SettingsCatalog.For(new ChatbotApp());

    /// <summary>Stack files that between them take every branch of the readers; each is valid.</summary>
    private static IEnumerable<RawStackConfig> EveryBranch()
    {
        yield return TestStacks.Raw("dev",
            ("aws:allowedAccountIds", """["123456789012"]"""),
            ("collector", """{"config":{"source":"custom"}}"""),
            ("lambda", """{"versions":{"python":"2"}}"""),
            ("sampling", """{"rules":[{"name":"boosted","priority":10,"fixedRate":0.1,"serviceName":"orders","serviceType":"AWS::EC2::Instance","boost":{"maxRate":0.5,"cooldownWindowMinutes":5}},{"name":"plain","priority":11,"fixedRate":0.1}]}"""),
            ("alerts", """{"subscriptions":[{"protocol":"email","endpoint":"oncall@example.com"}]}"""),
            ("traffic", """{"POST /chat":1}"""),
            ("tags", """{"team":"sre"}"""),
            ("app", """{"simulateFailure":true}"""));
        yield return TestStacks.Raw("staging", ("profile", "article"), ("collector", """{"config":{"source":"bundled","bundledPath":"/etc/ecs/ecs-xray.yaml"}}"""));
        yield return TestStacks.Raw("foundation", ("kind", "foundation"), ("foundation", ""), ("environment", "prod"));
    }

    private static IReadOnlySet<string> KeysReadByEveryBranch()
    {
        var read = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in EveryBranch())
        {
            var result = TestStacks.ParseRaw(raw);
            Assert.True(result.IsValid, $"{raw.StackName}: {string.Join(" | ", result.Errors)}");
            read.UnionWith(result.KeysRead.Select(SettingsCatalog.Pattern));
        }

        return read;
    }

    [Fact]
    public void EveryKeyAReaderAcceptsIsDescribed()
    {
        var described = Catalog.Select(setting => SettingsCatalog.Pattern(setting.Path)).ToHashSet(StringComparer.Ordinal);
        var undescribed = KeysReadByEveryBranch().Where(key => !described.Contains(key)).Order(StringComparer.Ordinal).ToList();
        Assert.True(undescribed.Count == 0, $"read, but not in SettingsCatalog (or the app's Settings): {string.Join(", ", undescribed)}");
    }

    [Fact]
    public void EveryDescribedKeyIsOneAReaderAccepts()
    {
        var read = KeysReadByEveryBranch();
        var unread = Catalog.Select(setting => setting.Path).Where(path => !read.Contains(SettingsCatalog.Pattern(path))).ToList();
        Assert.True(unread.Count == 0, $"described, but no reader asks for: {string.Join(", ", unread)}");
    }

    [Fact]
    public void TheReadersRecordNestedKeysListItemsAndMapEntries()
    {
        // A few of the shapes, as the readers record them: the recording itself is what the two tests above rely on.
        var read = KeysReadByEveryBranch();
        Assert.Superset(new HashSet<string>(StringComparer.Ordinal)
        {
            "aws:region", "aws-native:region", "aws:allowedAccountIds", "kind", "iamMode",
            "collector.config.bundledPath", "sampling.rules[].boost.cooldownWindowMinutes", "alerts.subscriptions[].endpoint",
            "lambda.versions.*", "traffic.*", "tags.*", "app.batchingWindowSeconds",
        }, read.ToHashSet(StringComparer.Ordinal));
    }

    [Fact]
    public void AStackThatSetsNothingStillRecordsEveryKeyItsReadersAskFor()
    {
        var read = TestStacks.Parse("dev").KeysRead.Select(SettingsCatalog.Pattern).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("collector.config.source", read);
        Assert.Contains("slo.burnRate.shortWindowMinutes", read);
        // A list's items are read only when the list has some.
        Assert.DoesNotContain("sampling.rules[].priority", read);
    }

    [Theory]
    [InlineData("adot-tracing:sampling.rules[12].boost.maxRate", "sampling.rules[].boost.maxRate")]
    [InlineData("sampling.rules[].name", "sampling.rules[].name")]
    [InlineData("traffic.<METHOD /path>", "traffic.*")]
    [InlineData("adot-tracing:traffic.*", "traffic.*")]
    [InlineData("lambda.versions.<language>", "lambda.versions.*")]
    [InlineData("aws:region", "aws:region")]
    [InlineData("adot-tracing:collector", "collector")]
    public void PathsAndRecordedKeysShareOnePattern(string path, string pattern) =>
        Assert.Equal(pattern, SettingsCatalog.Pattern(path));

    [Fact]
    public void TheTopLevelKeysAreTheProjectKeysAndThoseDeclaredInPulumiYaml()
    {
        var topLevel = Catalog.Select(setting => setting.Path).Where(path => !path.Contains(':') && !path.Contains('.') && !path.Contains('[')).ToList();
        Assert.Equal(ConfigKeys.ProjectKeys, topLevel);
        Assert.Equal(ConfigKeysTests.DeclaredInPulumiYaml().Order(StringComparer.Ordinal), topLevel.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void TheProviderKeysAreTheRequiredOnesAndTheAccountList() =>
        Assert.Equal(["aws:region", "aws-native:region", "aws:allowedAccountIds"], Catalog.Select(setting => setting.Path).Where(path => path.Contains(':')));

    [Fact]
    public void EveryPathIsDescribedOnce() =>
        Assert.Equal(Catalog.Count, Catalog.Select(setting => setting.Path).Distinct(StringComparer.Ordinal).Count());

    [Fact]
    public void EveryExampleIsJson()
    {
        foreach (var setting in Catalog)
        {
            using var document = JsonDocument.Parse(setting.Example);
            Assert.True(setting.ExampleNeeds.Values.All(value => JsonDocument.Parse(value) is not null), setting.Path);
        }
    }

    [Fact]
    public void TheAppsKeysComeFromTheAppUnderApp()
    {
        var app = Catalog.Where(setting => setting.Path.StartsWith("app.", StringComparison.Ordinal)).Select(setting => setting.Path);
        Assert.Equal(["app.simulateFailure", "app.knowledgeBaseId", "app.maxReceiveCount", "app.batchSize", "app.batchingWindowSeconds"], app);
        Assert.DoesNotContain(SettingsCatalog.For(new FixedApp(AppDeclaration.Empty)), setting => setting.Path.StartsWith("app.", StringComparison.Ordinal));
        Assert.Contains(SettingsCatalog.For(null), setting => setting.Path == "app");
    }

    [Fact]
    public void AnAppDescribesNoSettingsUnlessItSaysSo() =>
        Assert.Empty(new FixedApp(AppDeclaration.Empty).Settings);

    /// <summary>The chatbot's defaults are read from its declaration per environment (README "app": prod retries 5 times, the others 3).</summary>
    [Theory]
    [InlineData("dev", "3")]
    [InlineData("prod", "5")]
    public void TheAppsDefaultsAreItsDeclarations(string stack, string maxReceiveCount)
    {
        var result = TestStacks.Parse(stack);
        var resolved = new ResolvedStack(result.GetOrThrow(), result.Declaration);
        string? Default(string path) => Catalog.Single(setting => setting.Path == path).Default(resolved);
        Assert.Equal(maxReceiveCount, Default("app.maxReceiveCount"));
        Assert.Equal("10", Default("app.batchSize"));
        Assert.Equal("false", Default("app.simulateFailure"));
        Assert.Null(Default("app.knowledgeBaseId"));
    }

    [Fact]
    public void ADefaultIsWhatTheStackResolvesTo()
    {
        var result = TestStacks.Parse("staging", ("collector", """{"maxSize":3}"""), ("traffic", """{"POST /chat":7}"""));
        var resolved = new ResolvedStack(result.GetOrThrow(), result.Declaration);
        string? Default(string path) => Catalog.Single(setting => setting.Path == path).Default(resolved);
        Assert.Equal("3", Default("collector.maxSize"));
        Assert.Equal("{POST /chat: 7}", Default("traffic.<METHOD /path>"));
        Assert.Equal("[/chat*]", Default("sampling.criticalPaths"));
    }

    [Theory]
    [InlineData(true, "true")]
    [InlineData(0.005, "0.005")]
    [InlineData(1024, "1024")]
    [InlineData("t3.medium", "t3.medium")]
    public void ValuesAreShownInvariantly(object value, string shown) => Assert.Equal(shown, SettingFormat.Of(value));

    [Fact]
    public void ListsAndMapsAreShownInFlowStyle()
    {
        Assert.Equal("[/a, /b]", SettingFormat.Of(new[] { "/a", "/b" }));
        Assert.Equal("{python: 1.25.0}", SettingFormat.Of(new Dictionary<string, string> { ["python"] = "1.25.0" }));
        Assert.Equal("[]", SettingFormat.Of(Array.Empty<string>()));
        Assert.Null(SettingFormat.Of(null));
        Assert.Equal("{a: [1, x], b: {c: true}}", SettingFormat.FromJson("""{"a":[1,"x"],"b":{"c":true}}"""));
    }
}
