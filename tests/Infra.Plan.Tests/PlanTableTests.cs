using System.Text.Json.Nodes;

namespace Infra.Plan.Tests;

/// <summary>The plan for people: text tables for terminals and logs, Markdown for the pull request's job summary.</summary>
public sealed class PlanTableTests
{
    [Fact]
    public void MarkdownHasAHeadingPerSection()
    {
        var markdown = Markdown("dev");
        foreach (var section in new[] { "IAM", "Collector", "Functions", "API", "Queues and tables", "Sampling", "Cost (traces recorded)" })
        {
            Assert.Contains($"\n### {section}\n", markdown);
        }
    }

    [Fact]
    public void MarkdownTablesArePipeTablesWithAHeaderRow()
    {
        // GitHub's table syntax: a header row, a delimiter row of dashes, then rows, each cell between pipes.
        // https://github.github.com/gfm/#tables-extension-
        var lines = Markdown("dev").Split('\n');
        var header = Array.FindIndex(lines, line => line.StartsWith("| function ", StringComparison.Ordinal));
        Assert.True(header >= 0, "no Functions table");
        Assert.Matches(@"^\|( -+ \|)+$", lines[header + 1]);
        Assert.Equal(Cells(lines[header]), Cells(lines[header + 1]));
        Assert.StartsWith("| adot-tracing-dev-chatbot ", lines[header + 2]);
        Assert.Equal(Cells(lines[header]), Cells(lines[header + 2]));
    }

    [Fact]
    public void MarkdownEscapesWhatGitHubWouldInterpret()
    {
        var markdown = Markdown("dev");
        Assert.Contains(@"\<account-id\>", markdown);       // else an HTML tag, dropped from the page
        Assert.Contains(@"/chat\*", markdown);              // else emphasis
        Assert.DoesNotContain("<account-id>", markdown.Replace(@"\<account-id\>", "", StringComparison.Ordinal));
    }

    [Fact]
    public void MarkdownHasNoTrailingWhitespace()
    {
        Assert.All(Markdown("prod").Split('\n'), line => Assert.Equal(line.TrimEnd(), line));
    }

    [Fact]
    public void WithoutATerminalLongValuesStayOnOneLine()
    {
        var layer = (string?)JsonNode.Parse(Plan.Committed("dev", "--json").Stdout)!["functions"]![0]!["layers"]![0];
        Assert.NotNull(layer);
        var (_, table, _) = Plan.Committed("dev");

        // Wider than the 80 columns a console library assumes when it cannot ask a terminal.
        Assert.Contains(table.Split('\n'), line => line.Contains(layer, StringComparison.Ordinal) && line.Length > 80);
    }

    [Fact]
    public void InATerminalTablesFitItsWidth()
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var code = PlanCommand.Run(["dev", "--dir", RepositoryRoot.Path], stdout, new StringWriter(), terminalWidth: 100);
        Assert.Equal(PlanCommand.Ok, code);
        var tableLines = stdout.ToString().Split('\n').Where(line => line.StartsWith('│')).ToList();
        Assert.NotEmpty(tableLines);
        Assert.All(tableLines, line => Assert.True(line.Length <= 100, line));
    }

    [Theory]
    // ECS managed scaling ignores tasks placed without a capacity provider strategy, as a daemon service's are
    // (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/managed-scaling-behavior.html): the plan says what
    // changes the number of hosts instead of a min..max range alone.
    [InlineData("dev", "fixed at 1 host")]
    [InlineData("prod", "2 to 4 hosts: target tracking")]
    public void TheCollectorSectionSaysWhatScalesTheHosts(string stack, string scaling)
    {
        var (code, table, stderr) = Plan.Committed(stack);
        Assert.True(code == PlanCommand.Ok, stderr);
        var row = Assert.Single(table.Split('\n'), line => line.Contains(" host scaling ", StringComparison.Ordinal));
        Assert.Contains(scaling, row, StringComparison.Ordinal);
    }

    private static string Markdown(string stack)
    {
        var (code, stdout, stderr) = Plan.Committed(stack, "--format", "markdown");
        Assert.True(code == PlanCommand.Ok, stderr);
        return stdout;
    }

    private static int Cells(string row) => row.Split(" | ").Length;
}
