using System.Text.Json.Nodes;

namespace Infra.Plan.Tests;

/// <summary>The snippet of docs/components.md is real code: the same lines as <see cref="DocumentedApp"/>, and it plans.</summary>
public sealed class DocumentedAppTests : IDisposable
{
    private const string Marker = "<!-- same as: tests/Infra.Plan.Tests/DocumentedApp.cs -->";

    private readonly ScratchProject _project = new ScratchProject().WithStack("dev", """
        config:
          aws:region: us-west-2
          aws-native:region: us-west-2
        """);

    public void Dispose() => _project.Dispose();

    [Fact]
    public void TheDocsSnippetIsTheCompiledCode()
    {
        var docs = File.ReadAllLines(Path.Combine(RepositoryRoot.Path, "docs", "components.md"));
        var marker = Array.IndexOf(docs, Marker);
        Assert.True(marker >= 0, $"docs/components.md lost the marker {Marker}");
        Assert.StartsWith("```csharp", docs[marker + 1], StringComparison.Ordinal);
        var close = Array.FindIndex(docs, marker + 2, line => line.StartsWith("```", StringComparison.Ordinal));
        var snippet = docs[(marker + 2)..close];

        var code = File.ReadAllLines(Path.Combine(RepositoryRoot.Path, "tests", "Infra.Plan.Tests", "DocumentedApp.cs"));
        var begin = Array.FindIndex(code, line => line.Trim() == "// docs/components.md: begin");
        var end = Array.FindIndex(code, line => line.Trim() == "// docs/components.md: end");
        var compiled = code[(begin + 1)..end];

        Assert.Equal(Dedent(compiled), Dedent(snippet));
    }

    [Fact]
    public void TheDocumentedFunctionIsTracedRoutedAndWritesTheTable()
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var code = PlanCommand.Run(["dev", "--json", "--dir", _project.Directory], stdout, stderr, app: new DocumentedApp());
        Assert.True(code == PlanCommand.Ok, stderr.ToString());
        var plan = JsonNode.Parse(stdout.ToString())!.AsObject();

        var feedback = plan["functions"]!.AsArray().Single(function => (string?)function!["key"] == "feedback")!;
        Assert.Equal("Active", (string?)feedback["tracingMode"]);
        Assert.Contains(":layer:AWSOpenTelemetryDistroPython:", (string?)feedback["layers"]![0]);
        var route = plan["api"]!["routes"]!.AsArray().Single(route => (string?)route!["path"] == "/feedback")!;
        Assert.Equal(("POST", "feedback"), ((string?)route["method"], (string?)route["functionKey"]));
        // TableDeclaration: each writer gets the table's name in TABLE_NAME.
        Assert.Equal("adot-tracing-dev-questions", (string?)feedback["environment"]!["TABLE_NAME"]);
    }

    private static IReadOnlyList<string> Dedent(IReadOnlyList<string> lines)
    {
        var indent = lines.Where(line => line.Trim().Length > 0).Min(line => line.Length - line.TrimStart().Length);
        return lines.Select(line => line.Length >= indent ? line[indent..].TrimEnd() : line.Trim()).ToList();
    }
}
