using System.Text.RegularExpressions;

namespace Infra.Plan.Tests;

/// <summary>
/// What the docs show `scripts/plan` printing is what it prints. A block marked <c>&lt;!-- excerpt of: scripts/plan
/// &lt;args&gt; --&gt;</c> must appear, line for line and in one piece, in that command's output for the committed stacks;
/// the broken stack file of "How errors look" must still fail with the errors shown under it. An excerpt that
/// drifts (a layer the plan no longer picks, a price that changed) fails here; paste the plan's current lines.
/// </summary>
public sealed partial class DocumentedPlanOutputTests
{
    public static TheoryData<string, int, string> Excerpts()
    {
        var data = new TheoryData<string, int, string>();
        foreach (var excerpt in MarkedBlocks(ExcerptMarker()))
        {
            data.Add(excerpt.File, excerpt.Line, excerpt.Marker);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Excerpts))]
    public void AnExcerptIsWhatThePlanPrints(string file, int line, string command)
    {
        var excerpt = MarkedBlocks(ExcerptMarker()).Single(block => block.File == file && block.Line == line);
        var args = command.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var (code, stdout, stderr) = Plan.Committed(args[0], args[1..]);
        Assert.True(code == PlanCommand.Ok, $"scripts/plan {command} exited {code}: {stderr}");
        AssertContainsInOnePiece(Lines(stdout), excerpt.Lines, $"{file}:{line} (scripts/plan {command})");
    }

    [Fact]
    public void TheDocsShowExcerptsOfAppAndFoundationPlans()
    {
        // Guards the theory above against finding nothing to check (a renamed marker would silently pass it).
        var commands = MarkedBlocks(ExcerptMarker()).Select(block => block.Marker.Split(' ')[0]).ToHashSet();
        Assert.Contains("dev", commands);
        Assert.Contains("prod", commands);
    }

    [Fact]
    public void TheBrokenStackFileOfHowErrorsLookFailsWithTheErrorsShown()
    {
        var stackFile = Assert.Single(MarkedBlocks(ExampleStackFileMarker()));
        var shown = Assert.Single(MarkedBlocks(ExampleErrorsMarker()));
        using var project = new ScratchProject().WithStack("dev", string.Join('\n', stackFile.Lines) + "\n");

        var (code, _, stderr) = project.Plan("dev");

        Assert.Equal(2, code); // the marker says it: docs/plan.md documents exit 2 for invalid settings
        AssertContainsInOnePiece(Lines(stderr), shown.Lines, $"{shown.File}:{shown.Line}");
    }

    [Fact]
    public void AnExcerptThatIsNotPrintedFails()
    {
        // The check itself: a line the plan never prints (an old layer) is reported.
        var printed = new[] { "Functions", "---------", "│ a │ layer:AWSOpenTelemetryDistroPython:33 │" };
        var stale = new[] { "Functions", "---------", "│ a │ layer:aws-otel-python-amd64-ver-1-32-0:2 │" };
        Assert.ThrowsAny<Exception>(() => AssertContainsInOnePiece(printed, stale, "test"));
        AssertContainsInOnePiece(printed, printed[1..], "test");
    }

    private static void AssertContainsInOnePiece(IReadOnlyList<string> output, IReadOnlyList<string> excerpt, string where)
    {
        Assert.NotEmpty(excerpt);
        for (var start = 0; start + excerpt.Count <= output.Count; start++)
        {
            if (excerpt.Select((line, i) => output[start + i] == line).All(same => same))
            {
                return;
            }
        }

        var missing = excerpt.FirstOrDefault(line => !output.Contains(line)) ?? excerpt[0];
        Assert.Fail($"{where}: the excerpt is not in the plan's output; first line not printed as shown:\n{missing}\n"
            + "Replace the block with the plan's current lines.");
    }

    private static IReadOnlyList<string> Lines(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(line => line.TrimEnd()).ToList();

    private sealed record MarkedBlock(string File, int Line, string Marker, IReadOnlyList<string> Lines);

    /// <summary>Every fenced block right after a marker comment, in the README and docs/.</summary>
    private static IEnumerable<MarkedBlock> MarkedBlocks(Regex marker)
    {
        var files = Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "docs"), "*.md")
            .Append(Path.Combine(RepositoryRoot.Path, "README.md"))
            .Order(StringComparer.Ordinal);
        foreach (var path in files)
        {
            var lines = File.ReadAllLines(path);
            for (var i = 0; i < lines.Length; i++)
            {
                var match = marker.Match(lines[i]);
                if (!match.Success)
                {
                    continue;
                }

                var open = i + 1;
                Assert.True(open < lines.Length && lines[open].StartsWith("```", StringComparison.Ordinal),
                    $"{path}:{i + 1}: a marker must be followed by a fenced block");
                var close = Array.FindIndex(lines, open + 1, line => line.StartsWith("```", StringComparison.Ordinal));
                Assert.True(close > open, $"{path}:{open + 1}: the fenced block is not closed");
                var file = Path.GetRelativePath(RepositoryRoot.Path, path).Replace('\\', '/');
                yield return new MarkedBlock(file, i + 1, match.Groups["marker"].Value.Trim(),
                    lines[(open + 1)..close].Select(line => line.TrimEnd()).ToList());
            }
        }
    }

    [GeneratedRegex(@"^<!-- excerpt of: scripts/plan (?<marker>[^>]+?) -->$")]
    private static partial Regex ExcerptMarker();

    [GeneratedRegex(@"^<!-- example stack file: (?<marker>Pulumi\.dev\.yaml) -->$")]
    private static partial Regex ExampleStackFileMarker();

    [GeneratedRegex(@"^<!-- stderr of the example: (?<marker>scripts/plan dev, exit 2) -->$")]
    private static partial Regex ExampleErrorsMarker();
}
