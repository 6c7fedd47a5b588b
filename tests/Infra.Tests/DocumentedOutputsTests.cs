using System.Text.RegularExpressions;

namespace Infra.Tests;

/// <summary>
/// The stack outputs docs/deploy.md lists ("Stack outputs") are the outputs the program sets: every output it can set
/// for an app stack (with a foundation, and standalone with its own collector and discovery) and for a foundation.
/// An output added without its row, or a row left for an output that is gone, fails here.
/// </summary>
[Collection(PulumiCollection.Name)]
public sealed partial class DocumentedOutputsTests
{
    [Fact]
    public async Task TheAppStackTableListsEveryOutputAnAppStackSets()
    {
        var withFoundation = await StackRun.RunAsync("dev", StackRun.CommittedConfig("dev"));
        var standalone = await StackRun.RunAsync("scratch", new Dictionary<string, string>(StackRun.CommittedConfig("dev"))
        {
            ["adot-tracing:environment"] = "dev",
            ["adot-tracing:foundation"] = "",
            ["adot-tracing:collector"] = """{"enabled": true}""",
            ["adot-tracing:applicationSignals"] = """{"discovery": true}""",
            // Another Region than the committed foundation's, which owns discovery in us-west-2.
            ["aws:region"] = "us-east-1",
            ["aws-native:region"] = "us-east-1",
        });

        var set = withFoundation.Outputs.Keys.Union(standalone.Outputs.Keys).Order(StringComparer.Ordinal);

        Assert.Equal(set, DocumentedOutputs("An app stack").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task TheFoundationTableListsEveryOutputAFoundationSets()
    {
        var run = await StackRun.RunAsync("foundation", StackRun.CommittedConfig("foundation"));

        Assert.Equal(run.Outputs.Keys.Order(StringComparer.Ordinal), DocumentedOutputs("A foundation").Order(StringComparer.Ordinal));
    }

    /// <summary>The first column of the table that follows the paragraph starting with <paramref name="intro"/>.</summary>
    private static IReadOnlyList<string> DocumentedOutputs(string intro)
    {
        var lines = File.ReadAllLines(Path.Combine(Infra.Core.ProjectRoot.Find(AppContext.BaseDirectory), "docs", "deploy.md"));
        var section = Array.IndexOf(lines, "## Stack outputs");
        Assert.True(section >= 0, "docs/deploy.md lost its \"## Stack outputs\" section");
        var start = Array.FindIndex(lines, section, line => line.StartsWith(intro, StringComparison.Ordinal));
        Assert.True(start >= 0, $"docs/deploy.md: no paragraph starting \"{intro}\" under Stack outputs");
        var names = lines.Skip(start + 1)
            .SkipWhile(line => !line.StartsWith('|'))
            .TakeWhile(line => line.StartsWith('|'))
            .Select(line => OutputCell().Match(line))
            .Where(match => match.Success)
            .Select(match => match.Groups["name"].Value)
            .ToList();
        Assert.NotEmpty(names);
        return names;
    }

    [GeneratedRegex(@"^\| `(?<name>[A-Za-z]+)` \|")]
    private static partial Regex OutputCell();
}
