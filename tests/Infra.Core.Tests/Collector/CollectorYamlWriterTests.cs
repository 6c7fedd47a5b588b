using Infra.Core.Collector;
using YamlDotNet.RepresentationModel;

namespace Infra.Core.Tests.Collector;

/// <summary>
/// The collector reads its configuration as YAML, so every value the program renders must read back as itself. A
/// plain YAML scalar must not be empty, start with an indicator character or contain ": " / " #"
/// (https://yaml.org/spec/1.2.2/#733-plain-style); single-quoted scalars escape a quote by doubling it
/// (https://yaml.org/spec/1.2.2/#732-single-quoted-style). YamlDotNet reads the text back independently.
/// </summary>
public class CollectorYamlWriterTests
{
    private static CollectorConfigModel Model(IReadOnlyDictionary<string, object?> extensions) => new(
        extensions,
        new Dictionary<string, object?> { ["otlp"] = null },
        new Dictionary<string, object?>(),
        new Dictionary<string, object?> { ["debug"] = null },
        ["health_check"],
        new Dictionary<string, CollectorPipeline> { ["traces"] = new(["otlp"], [], ["debug"]) });

    private static string Render(object? value) =>
        Model(new Dictionary<string, object?> { ["health_check"] = new Dictionary<string, object?> { ["value"] = value } }).ToYaml();

    private static YamlNode ReadBack(string yaml) =>
        ((YamlMappingNode)((YamlMappingNode)AdotCollectorFacts.Parse(yaml)["extensions"])["health_check"])["value"];

    [Fact]
    public void AModelIsWrittenAsNestedBlockMappingsWithFlowListsAndEmptyComponents() =>
        Assert.Equal(
            """
            extensions:
              health_check:
                endpoint: '0.0.0.0:13133'
            receivers:
              otlp:
            processors:
            exporters:
              debug:
            service:
              extensions: [health_check]
              pipelines:
                traces:
                  receivers: [otlp]
                  processors: []
                  exporters: [debug]

            """.ReplaceLineEndings("\n"),
            Model(new Dictionary<string, object?> { ["health_check"] = new Dictionary<string, object?> { ["endpoint"] = "0.0.0.0:13133" } }).ToYaml());

    [Theory]
    [InlineData("")]
    [InlineData("0.0.0.0:4317")]
    [InlineData("it's")]
    [InlineData("a # not a comment")]
    [InlineData("-starts-like-a-list-item")]
    [InlineData(" leading space")]
    [InlineData("[not a list]")]
    [InlineData("{not: a map}")]
    [InlineData("*not-an-alias")]
    [InlineData("&not-an-anchor")]
    [InlineData("!not-a-tag")]
    [InlineData("%not-a-directive")]
    [InlineData("@reserved")]
    [InlineData("`reserved")]
    [InlineData("\"double\"")]
    [InlineData("|not-a-block")]
    [InlineData(">not-folded")]
    [InlineData("a, b")]
    [InlineData("/aws/ecs/application/metrics")]
    [InlineData("us-west-2")]
    public void EveryStringReadsBackAsItself(string text) =>
        Assert.Equal(text, ((YamlScalarNode)ReadBack(Render(text))).Value);

    [Theory]
    [InlineData("", "''")]
    [InlineData("it's: here", "'it''s: here'")]
    [InlineData("-x", "'-x'")]
    [InlineData(" x", "' x'")]
    [InlineData("/aws/x", "'/aws/x'")]
    [InlineData("a#b", "'a#b'")]
    [InlineData("us-west-2", "us-west-2")]
    [InlineData("batch/traces", "batch/traces")]
    public void StringsAreQuotedOnlyWhenTheyStartOrContainWhatYamlReadsAsSyntax(string text, string written) =>
        Assert.Contains($"    value: {written}\n", Render(text), StringComparison.Ordinal);

    [Theory]
    [InlineData(true, "true")]
    [InlineData(false, "false")]
    [InlineData(50, "50")]
    [InlineData(-1, "-1")]
    [InlineData(0.25, "0.25")]
    public void BooleansAndNumbersArePlainScalars(object value, string written)
    {
        var yaml = Render(value);
        Assert.Contains($"    value: {written}\n", yaml, StringComparison.Ordinal);
        Assert.Equal(written, ((YamlScalarNode)ReadBack(yaml)).Value);
    }

    [Fact]
    public void AListOfStringsIsAFlowSequenceWithItsItemsQuotedAsNeeded()
    {
        var yaml = Render(new[] { "env", "0.0.0.0:1" });
        Assert.Contains("    value: [env, '0.0.0.0:1']\n", yaml, StringComparison.Ordinal);
        Assert.Equal(["env", "0.0.0.0:1"], ((YamlSequenceNode)ReadBack(yaml)).Select(item => ((YamlScalarNode)item).Value));
    }

    [Fact]
    public void AValueYamlCannotHoldIsRefusedByType()
    {
        var error = Assert.Throws<ArgumentException>(() => Render(5L));
        Assert.Equal("Unsupported YAML scalar System.Int64", error.Message);
    }
}
