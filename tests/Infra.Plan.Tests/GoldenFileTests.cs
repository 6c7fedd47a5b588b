using System.Text.Json;
using Infra.Core.Blueprint;
using Json.Schema;

namespace Infra.Plan.Tests;

/// <summary>
/// Users script against `scripts/plan --json`: every committed stack's output is a reviewed file, and the output's
/// JSON Schema is committed next to the docs. Both are regenerated on purpose only (scripts/update-golden).
/// </summary>
public sealed class GoldenFileTests
{
    public const string SchemaFile = "docs/plan.schema.json";

    public static TheoryData<string> CommittedStacks() => [.. Infra.Core.StackFiles.StackFolder.FindStacks(RepositoryRoot.Path)];

    private static string GoldenPath(string stack) => $"tests/Infra.Plan.Tests/golden/{stack}.json";

    [Theory]
    [MemberData(nameof(CommittedStacks))]
    public void PlanJsonOfEveryCommittedStackMatchesItsGoldenFile(string stack)
    {
        var (code, stdout, stderr) = Plan.Committed(stack, "--json");
        Assert.True(code == PlanCommand.Ok, stderr);
        GoldenFile.AssertMatches(GoldenPath(stack), stdout);
    }

    [Fact]
    public void EveryGoldenFileBelongsToACommittedStack()
    {
        var stacks = Infra.Core.StackFiles.StackFolder.FindStacks(RepositoryRoot.Path);
        var stale = Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "tests/Infra.Plan.Tests/golden"), "*.json")
            .Where(path => !stacks.Contains(Path.GetFileNameWithoutExtension(path)))
            .ToList();
        GoldenFile.AssertNoneLeft(stale);
    }

    [Fact]
    public void CommittedSchemaIsTheOneGeneratedFromTheRecords() =>
        GoldenFile.AssertMatches(SchemaFile, PlanJson.Schema());

    /// <summary>The app stacks: a foundation's plan is a document of its own (its golden file holds it).</summary>
    public static TheoryData<string> CommittedAppStacks() =>
        [.. Infra.Core.StackFiles.StackFolder.FindStacks(RepositoryRoot.Path).Where(stack => !stack.StartsWith("foundation", StringComparison.Ordinal))];

    [Theory]
    [MemberData(nameof(CommittedAppStacks))]
    public void PlanJsonOfEveryCommittedStackConformsToTheCommittedSchema(string stack)
    {
        // The generated schema, which CommittedSchemaIsTheOneGeneratedFromTheRecords holds equal to the committed one.
        var schema = JsonSchema.FromText(PlanJson.Schema(), new BuildOptions { SchemaRegistry = new SchemaRegistry() });
        var (_, stdout, _) = Plan.Committed(stack, "--json");
        using var plan = JsonDocument.Parse(stdout);
        var result = schema.Evaluate(plan.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        // The list names every failing branch of an anyOf too; the first lines are usually the real cause.
        Assert.True(result.IsValid, string.Join("\n", (result.Details ?? []).Where(detail => detail.Errors is { Count: > 0 })
            .Select(detail => $"{detail.InstanceLocation}: {string.Join("; ", detail.Errors!.Values)}")));
    }
}
