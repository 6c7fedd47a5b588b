using Infra.App;
using Infra.Core.Settings;
using Infra.Core.StackFiles;

namespace Infra.Plan.Tests;

/// <summary>
/// docs/configuration.md is generated (scripts/config-reference): the committed page is the rendering of its sources,
/// each top-level key has a section other pages can link to, and every default shown is what an empty stack resolves to.
/// </summary>
public sealed class ConfigurationReferenceTests
{
    private const string HowToUpdate =
        $"The page is generated from Pulumi.yaml, the settings catalog, the app's settings and the stack files: run {ConfigurationReference.Script} and review the diff.";

    private static readonly Lazy<string> Page = new(() => ConfigurationReference.Render(RepositoryRoot.Path, new ChatbotApp()));

    [Fact]
    public void TheCommittedPageIsTheRenderingOfItsSources() =>
        GoldenFile.AssertMatches(ConfigurationReference.PagePath, Page.Value, HowToUpdate);

    [Fact]
    public void ADriftNamesTheScriptThatRegeneratesThePage()
    {
        if (Environment.GetEnvironmentVariable(GoldenFile.UpdateVariable) == "1")
        {
            return; // updating would write the missing file instead of failing
        }

        var failure = Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => GoldenFile.AssertMatches("docs/no-such-page.md", "text", HowToUpdate));
        Assert.Contains("scripts/config-reference", failure.Message);
    }

    /// <summary>The other pages link to #collector, #iammode, #transactionsearch, #applicationsignals...: GitHub's anchor of a
    /// heading that is the key in backticks is the key in lower case.</summary>
    [Theory]
    [InlineData("collector", "collector")]
    [InlineData("iamMode", "iammode")]
    [InlineData("transactionSearch", "transactionsearch")]
    [InlineData("applicationSignals", "applicationsignals")]
    public void EachTopLevelKeyHasASectionWhoseAnchorIsTheKeyInLowerCase(string key, string anchor)
    {
        Assert.Contains($"\n## `{key}`\n", Page.Value);
        Assert.Equal(anchor, MarkdownWriter.Anchor($"`{key}`"));
        Assert.Contains($"(#{anchor})", Page.Value);
    }

    [Fact]
    public void EveryProjectKeyHasItsSection()
    {
        var headings = Page.Value.Split('\n').Where(line => line.StartsWith("## `", StringComparison.Ordinal)).ToList();
        Assert.Equal(ConfigKeys.ProjectKeys.Select(key => $"## `{key}`"), headings);
    }

    [Theory]
    [InlineData("iamMode", "`least-privilege` (`article`: `seed`)")]
    [InlineData("collector.instanceType", "`t3.medium` (`article`: `t2.medium`)")]
    [InlineData("collector.config.source", "`custom` (`article`: `bundled`)")]
    [InlineData("lambda.flavor", "`distro` (`article`: `legacy`)")]
    [InlineData("lambda.versions.<language>", "`{}` (`article`: `{python: 1.25.0}`)")]
    public void AProfilesDefaultShowsEachProfilesValue(string key, string shown) =>
        // Profiles (README): recommended is least-privilege on t3.medium with a rendered (custom) config and the distro
        // layers; article is seed on t2.medium with the bundled config and the legacy Python layer 1.25.0.
        Assert.Equal(shown, DefaultCells(key).Distinct().Single());

    [Fact]
    public void AProfilesDefaultThatBothProfilesShareIsShownOnce() =>
        Assert.Equal("`/etc/ecs/ecs-default-config.yaml`", DefaultCells("collector.config.bundledPath").Distinct().Single());

    [Theory]
    [InlineData("collector.minSize", "`1`", "`1`", "`2`")]
    [InlineData("collector.logRetentionDays", "`7`", "`30`", "`90`")]
    [InlineData("lambda.memorySize", "`256`", "`512`", "`512`")]
    [InlineData("api.stageName", "`dev`", "`staging`", "`prod`")]
    [InlineData("app.maxReceiveCount", "`3`", "`3`", "`5`")]
    [InlineData("slo.intervalDays", "`7`", "`7`", "`30`")]
    public void DefaultsThatDifferByEnvironmentGetAColumnEach(string key, string dev, string staging, string prod) =>
        // The presets as the README documents them ("Configuration reference" and "Operating a stack").
        Assert.Equal([dev, staging, prod], DefaultCells(key));

    [Fact]
    public void ATableWhoseEnvironmentsAllAgreeHasOneDefaultColumn()
    {
        Assert.Equal(["`false`"], DefaultCells("transactionSearch.enabled"));
        Assert.Equal(["`[/chat*]`"], DefaultCells("sampling.criticalPaths"));
        Assert.Equal(["required"], DefaultCells("sampling.rules[].priority"));
    }

    [Fact]
    public void AKeyWithoutADefaultSaysWhatLeavingItOutMeans() =>
        Assert.Equal(["none: the account's default VPC"], DefaultCells("collector.vpcId").Distinct());

    [Fact]
    public void TheGeneratedRulesRatesAreTheEnvironments()
    {
        // README "sampling": prod keeps 1 trace/s + 0.5 % on critical paths, records no routine path, 1 % of the rest.
        Assert.Contains("| critical paths | 1/s + 100 % | 2/s + 20 % | 1/s + 0.5 % |", Page.Value);
        Assert.Contains("| routine paths | 1/s + 100 % | 0/s + 1 % | 0/s + 0 % |", Page.Value);
        Assert.Contains("| X-Ray group Insights | off | off | on |", Page.Value);
    }

    [Fact]
    public void PulumiYamlsDeclarationsAreShownAsDeclared() =>
        // Pulumi.yaml declares iamMode with default "": the profile decides.
        Assert.Contains("| [`iamMode`](#iammode) | `string` | `\"\"` | the profile's |", Page.Value);

    [Fact]
    public void TheCommittedStacksSectionListsWhatEachStackFileSets()
    {
        using var project = new ScratchProject().WithStack("perf", """
            config:
              aws:region: eu-west-1
              aws-native:region: eu-west-1
              adot-tracing:environment: staging
              adot-tracing:collector:
                maxSize: 3
                config:
                  source: bundled
              adot-tracing:tags:
                team: a
            """);
        var page = ConfigurationReference.Render(project.Directory, new ChatbotApp());
        // Top-level keys in the page's order; inside an object, in the order the engine hands it over (sorted, as Go's encoding/json writes a map).
        Assert.Contains("| `perf` | `aws:region: eu-west-1`<br>`aws-native:region: eu-west-1`<br>`environment: staging`<br>"
            + "`collector.config.source: bundled`<br>`collector.maxSize: 3`<br>`tags.team: a` |", page);
    }

    [Fact]
    public void ThePageIsTheSameOnEveryRunWithUnixLineEnds()
    {
        var again = ConfigurationReference.Render(RepositoryRoot.Path, new ChatbotApp());
        Assert.Equal(Page.Value, again);
        Assert.DoesNotContain('\r', again);
        Assert.EndsWith("\n", again, StringComparison.Ordinal);
        Assert.False(again.EndsWith("\n\n", StringComparison.Ordinal));
    }

    [Fact]
    public void AnglesOutsideCodeAreEscapedSoGitHubShowsThem()
    {
        Assert.Equal("a &lt;stack&gt; `<stack>`", MarkdownWriter.Prose("a <stack> `<stack>`"));
        // Pulumi.yaml's description of foundation names <stack>, <org>/<stack>.
        Assert.Contains("as a stack reference name (&lt;stack&gt;", Page.Value);
    }

    [Fact]
    public void TableCellsEscapePipesAndBreakLines()
    {
        var page = new MarkdownWriter().Table(["a"], [["x | y\nz"]]).ToString();
        Assert.Equal("| a |\n| --- |\n| x \\| y<br>z |\n\n", page);
    }

    [Fact]
    public void AnEmptyStacksDefaultsAreTheSameForEveryProfileUnlessTheProfileDecides()
    {
        var errors = new ErrorSink();
        var project = PulumiProject.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, PulumiProject.FileName)), errors)!;
        var defaults = new ReferenceDefaults(project, new ChatbotApp(), "us-west-2");
        var differing = SettingsCatalog.For(new ChatbotApp())
            .Where(setting => !setting.ProfileDecides && setting.Path != ConfigKeys.Profile)
            .Where(setting => ReferenceDefaults.Environments.Any(environment =>
                defaults.OtherProfiles.Any(profile => setting.Default(defaults.For(environment, profile)) != setting.Default(defaults.For(environment)))))
            .Select(setting => setting.Path)
            .ToList();
        Assert.True(differing.Count == 0, $"the profile changes these defaults, but they are not marked ProfileDecides: {string.Join(", ", differing)}");
    }

    /// <summary>The default cells of a key's row: one per environment, or one when its table's environments agree.</summary>
    private static IReadOnlyList<string> DefaultCells(string key)
    {
        var lines = Page.Value.Split('\n');
        var row = Array.FindIndex(lines, line => line.StartsWith($"| `{key}` |", StringComparison.Ordinal));
        Assert.True(row >= 0, $"no row for {key}");
        var header = lines.Take(row).Last(line => line.StartsWith("| Key |", StringComparison.Ordinal));
        var cells = Cells(lines[row]);
        var columns = Cells(header);
        // Key, type, the default column(s), notes.
        return cells.Skip(2).Take(columns.Count - 3).ToList();
    }

    private static List<string> Cells(string line) =>
        line.Trim('|', ' ').Split(" | ").Select(cell => cell.Trim()).ToList();
}
