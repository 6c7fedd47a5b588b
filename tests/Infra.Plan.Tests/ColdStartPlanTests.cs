using System.Text.Json.Nodes;

namespace Infra.Plan.Tests;

/// <summary>The plan shows which auto-instrumentations each Python function loads, in the table and in the JSON.</summary>
public sealed class ColdStartPlanTests
{
    [Fact]
    public void TheTableSaysWhatEachFunctionAutoInstruments()
    {
        var (code, table, _) = Plan.Committed("dev");
        Assert.Equal(0, code);
        var lines = table.Split('\n').Where(line => line.Contains("auto-instruments", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, lines.Count);
        // dev runs the recommended profile's distro layer, whose wrapper keeps its own Lambda instrumentation off.
        Assert.Contains(lines, line => line.StartsWith("adot-tracing-dev-chatbot auto-instruments botocore;", StringComparison.Ordinal));
        Assert.All(lines, line => Assert.Contains("instrumentations off (OTEL_PYTHON_DISABLED_INSTRUMENTATIONS)", line, StringComparison.Ordinal));
    }

    [Fact]
    public void TheJsonCarriesTheVariableAndItsReasons()
    {
        var functions = JsonNode.Parse(Plan.Committed("dev", "--json").Stdout)!["functions"]!.AsArray();
        Assert.Equal(2, functions.Count);
        foreach (var function in functions)
        {
            var disabled = function!["instrumentation"]!["disabled"]!.AsArray().Select(name => (string)name!).ToList();
            Assert.Contains("requests", disabled);
            Assert.Equal(string.Join(",", disabled), (string?)function["environment"]!["OTEL_PYTHON_DISABLED_INSTRUMENTATIONS"]);
            Assert.Contains("boto3", function["instrumentation"]!["imports"]!.AsArray().Select(name => (string)name!));
        }
    }
}
