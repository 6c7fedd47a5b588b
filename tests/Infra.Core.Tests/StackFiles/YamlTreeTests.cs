using System.Text;
using System.Text.Json.Nodes;
using Infra.Core.Settings;
using Infra.Core.StackFiles;

namespace Infra.Core.Tests.StackFiles;

/// <summary>
/// The YAML a Pulumi file holds, turned into the tree the Pulumi CLI works with after gopkg.in/yaml.v3 has decoded it
/// (go-yaml/yaml branch v3, resolve.go: resolveMapList and resolve). The limits on nesting (32 levels) and on what
/// aliases expand to (100,000 values) are this program's own, listed in docs/plan.md's table of what is checked.
/// </summary>
public class YamlTreeTests
{
    private const string File = "f.yaml";

    private static (JsonNode? Tree, bool Empty, IReadOnlyList<SettingsError> Errors) Read(string text)
    {
        var errors = new ErrorSink();
        var tree = YamlTree.Parse(text, File, errors, out var empty);
        return (tree, empty, errors.Errors);
    }

    private static string Json(string text)
    {
        var (tree, _, errors) = Read(text);
        Assert.Empty(errors);
        return tree is null ? "null" : tree.ToJsonString();
    }

    private static SettingsError Error(string text)
    {
        var (_, _, errors) = Read(text);
        return Assert.Single(errors);
    }

    // resolve.go resolveMapList: true/True/TRUE, false/False/FALSE, and "", ~, null, Null, NULL.
    [Theory]
    [InlineData("true", "true")]
    [InlineData("True", "true")]
    [InlineData("TRUE", "true")]
    [InlineData("false", "false")]
    [InlineData("False", "false")]
    [InlineData("FALSE", "false")]
    [InlineData("~", "null")]
    [InlineData("null", "null")]
    [InlineData("Null", "null")]
    [InlineData("NULL", "null")]
    [InlineData("", "null")]
    public void PlainBooleansAndNullsTakeTheirYamlType(string scalar, string json) =>
        Assert.Equal($$"""{"a":{{json}}}""", Json($"a: {scalar}\n"));

    // resolve.go: "yes", "on", "tRUE" are not in resolveMapList, so they stay strings unless decoded into a bool.
    [Theory]
    [InlineData("yes")]
    [InlineData("on")]
    [InlineData("tRUE")]
    [InlineData("nULL")]
    public void OtherWordsStayText(string scalar) =>
        Assert.Equal($$"""{"a":"{{scalar}}"}""", Json($"a: {scalar}\n"));

    // resolve.go: anything quoted is a string (the !!str tag), whatever it looks like.
    [Theory]
    [InlineData("'true'", "true")]
    [InlineData("\"false\"", "false")]
    [InlineData("'null'", "null")]
    [InlineData("''", "")]
    [InlineData("'5'", "5")]
    [InlineData("\"0.5\"", "0.5")]
    public void QuotedScalarsStayStrings(string scalar, string text) =>
        Assert.Equal($$"""{"a":"{{text}}"}""", Json($"a: {scalar}\n"));

    // resolve.go: strconv.ParseInt for the decimal integers, then yamlStyleFloat and strconv.ParseFloat.
    [Theory]
    [InlineData("5", "5")]
    [InlineData("-5", "-5")]
    [InlineData("+5", "5")]
    [InlineData("0.5", "0.5")]
    [InlineData(".5", "0.5")]
    [InlineData("-2.5", "-2.5")]
    [InlineData("1e3", "1000")]
    [InlineData("2.5E-1", "0.25")]
    [InlineData("9223372036854775807", "9223372036854775807")]
    public void PlainNumbersAreNumbers(string scalar, string json) =>
        Assert.Equal($$"""{"a":{{json}}}""", Json($"a: {scalar}\n"));

    // resolve.go: past the range of int64, ParseUint still reads 2^63 as a number.
    [Fact]
    public void AnIntegerBeyondInt64IsStillANumber()
    {
        var (tree, _, errors) = Read("a: 9223372036854775808\n");
        Assert.Empty(errors);
        Assert.Equal(9223372036854775808d, tree!["a"]!.GetValue<double>());
    }

    // Text that only looks numeric stays text, as yamlStyleFloat refuses it; numbers that are not finite stay text too
    // (docs/plan.md: NaN, .inf and 1e309 are refused with their key by the settings reader).
    [Theory]
    [InlineData("5 apples")]
    [InlineData("1.2.3")]
    [InlineData("e5")]
    [InlineData("5e")]
    [InlineData("x5")]
    [InlineData("1e309")]
    [InlineData("-1e309")]
    public void TextThatIsNotAFiniteNumberStaysText(string scalar) =>
        Assert.Equal($$"""{"a":"{{scalar}}"}""", Json($"a: {scalar}\n"));

    [Fact]
    public void ListsAndMappingsNest() =>
        Assert.Equal("""{"a":[1,{"b":[true,null]},"c"],"d":{}}""", Json("a: [1, {b: [true, ~]}, c]\nd: {}\n"));

    [Fact]
    public void AliasesRepeatTheirAnchor() =>
        Assert.Equal("""{"a":{"x":1},"b":{"x":1}}""", Json("a: &x {x: 1}\nb: *x\n"));

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    [InlineData("~\n")]
    [InlineData("null\n")]
    [InlineData("Null\n")]
    [InlineData("NULL\n")]
    [InlineData("---\n")]
    public void ADocumentWithNothingInItIsEmpty(string text)
    {
        var (tree, empty, errors) = Read(text);
        Assert.Empty(errors);
        Assert.Null(tree);
        Assert.True(empty);
    }

    [Theory]
    [InlineData("'null'\n", "\"null\"")]
    [InlineData("'~'\n", "\"~\"")]
    [InlineData("[]\n", "[]")]
    [InlineData("5\n", "5")]
    public void ADocumentWithAValueIsNotEmpty(string text, string json)
    {
        var (tree, empty, errors) = Read(text);
        Assert.Empty(errors);
        Assert.False(empty);
        Assert.Equal(json, tree!.ToJsonString());
    }

    [Fact]
    public void ASecondDocumentIsRefusedWhereItStarts()
    {
        var (tree, empty, errors) = Read("a: 1\n---\nb: 2\n---\nc: 3\n");
        Assert.Null(tree);
        Assert.False(empty);
        var error = Assert.Single(errors);
        Assert.Equal("f.yaml:2:1", error.Key);
        Assert.Equal("holds more than one YAML document ('---'); Pulumi reads only the first, so the rest would be ignored silently. Keep one document.", error.Message);
    }

    private static string Nested(int levels) => new string('[', levels) + new string(']', levels);

    // docs/plan.md: nesting deeper than 32 levels is refused.
    [Fact]
    public void ThirtyTwoLevelsOfNestingAreRead()
    {
        // The root mapping is the first level.
        var (tree, _, errors) = Read($"a: {Nested(31)}\n");
        Assert.Empty(errors);
        Assert.Equal($$"""{"a":{{Nested(31)}}}""", tree!.ToJsonString());
    }

    [Fact]
    public void ThirtyThreeLevelsOfNestingAreRefusedWhereTheyStart()
    {
        var error = Error($"a: {Nested(32)}\n");
        Assert.Equal("f.yaml:1:35", error.Key);
        Assert.Equal("nests deeper than 32 levels; no setting of this program needs more than a few.", error.Message);
    }

    [Fact]
    public void NestingIsCountedPerBranchNotAddedUpOverSiblings()
    {
        var siblings = string.Concat(Enumerable.Range(0, 5).Select(index => $"k{index}: {Nested(20)}\n"));
        var (tree, _, errors) = Read(siblings);
        Assert.Empty(errors);
        Assert.Equal(5, tree!.AsObject().Count);
    }

    // An alias adds the anchored node's own levels to where it stands: 20 levels under 12 reach 33.
    [Fact]
    public void NestingThatAnAliasAddsIsRefusedToo()
    {
        var error = Error($"a: &deep {Nested(20)}\nb: {new string('[', 12)}*deep{new string(']', 12)}\n");
        Assert.Equal("f.yaml:1:29", error.Key);
        Assert.Equal("nests deeper than 32 levels; no setting of this program needs more than a few.", error.Message);
    }

    [Fact]
    public void NestingThatAnAliasAddsUpToThirtyTwoLevelsIsRead()
    {
        var (tree, _, errors) = Read($"a: &deep {Nested(20)}\nb: {new string('[', 11)}*deep{new string(']', 11)}\n");
        Assert.Empty(errors);
        Assert.Equal(new string('[', 11) + Nested(20) + new string(']', 11), tree!["b"]!.ToJsonString());
    }

    // docs/plan.md: aliases expanding past 100,000 values are refused. Ten values of ten anchors of ten … grows tenfold per level.
    [Fact]
    public void AliasesThatExpandExponentiallyAreRefused()
    {
        var text = new StringBuilder("l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var level = 1; level <= 9; level++)
        {
            text.Append($"l{level}: &l{level} [{string.Join(", ", Enumerable.Repeat($"*l{level - 1}", 10))}]\n");
        }

        var error = Error(text.ToString());
        Assert.Equal(File, error.Key);
        Assert.Equal("expands to more than 100000 values (through aliases); write the values out instead.", error.Message);
    }

    /// <summary>A file of exactly <paramref name="values"/> values: the root, a list of 100 anchored under x, aliases to it and a tail of scalars.</summary>
    private static string FileOfValues(int values)
    {
        // root (1) + x: list of 99 (100) + y: list of 998 aliases of x (1 + 998 * 100) = 99,902; z adds 1 + its items.
        var tail = values - 99_902 - 1;
        return $"x: &x [{string.Join(", ", Enumerable.Repeat("0", 99))}]\n"
            + $"y: [{string.Join(", ", Enumerable.Repeat("*x", 998))}]\n"
            + $"z: [{string.Join(", ", Enumerable.Repeat("0", tail))}]\n";
    }

    [Fact]
    public void OneHundredThousandValuesAreRead()
    {
        var (tree, _, errors) = Read(FileOfValues(100_000));
        Assert.Empty(errors);
        Assert.Equal(97, tree!["z"]!.AsArray().Count);
    }

    [Fact]
    public void OneHundredThousandAndOneValuesAreRefused() =>
        Assert.StartsWith("expands to more than 100000 values", Error(FileOfValues(100_001)).Message, StringComparison.Ordinal);

    // project.go SimplifyMarshalledValue: "expected only string keys".
    [Theory]
    [InlineData("? [a, b]\n: 1\n", "f.yaml:1:3", "has a key that is a list; keys must be plain text (the Pulumi CLI: \"expected only string keys\").")]
    [InlineData("? {a: 1}\n: 1\n", "f.yaml:1:3", "has a key that is a mapping; keys must be plain text (the Pulumi CLI: \"expected only string keys\").")]
    [InlineData("top:\n  ? [a]\n  : 1\n", "f.yaml:2:5", "'top' has a key that is a list; keys must be plain text (the Pulumi CLI: \"expected only string keys\").")]
    [InlineData("top:\n  inner:\n    ? [a]\n    : 1\n", "f.yaml:3:7", "'top.inner' has a key that is a list; keys must be plain text (the Pulumi CLI: \"expected only string keys\").")]
    [InlineData("top: [x, y, {? [a] : 1}]\n", "f.yaml:1:16", "'top[2]' has a key that is a list; keys must be plain text (the Pulumi CLI: \"expected only string keys\").")]
    public void KeysThatAreNotTextAreRefusedWithTheirPlace(string text, string key, string message)
    {
        var error = Error(text);
        Assert.Equal(key, error.Key);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void EveryKeyThatIsNotTextIsReported()
    {
        var (_, _, errors) = Read("? [a]\n: 1\nb: 2\n? [c]\n: 3\n");
        Assert.Equal(["f.yaml:1:3", "f.yaml:4:3"], errors.Select(error => error.Key));
    }

    // decode.go, decoder.merge: the mapping's own keys win; of a list of mappings, earlier ones win over later ones.
    [Fact]
    public void AMergeKeyAddsTheKeysTheMappingDoesNotSet() =>
        Assert.Equal("""{"a":{"x":1,"y":2},"b":{"y":3,"x":1}}""", Json("a: &a {x: 1, y: 2}\nb:\n  y: 3\n  <<: *a\n"));

    [Fact]
    public void OfAListOfMergedMappingsTheEarlierWins() =>
        Assert.Equal("""{"a":{"x":1},"b":{"x":2,"y":2},"c":{"x":1,"y":2}}""", Json("a: &a {x: 1}\nb: &b {x: 2, y: 2}\nc:\n  <<: [*a, *b]\n"));

    [Fact]
    public void AQuotedMergeKeyIsAnOrdinaryKey()
    {
        var (tree, _, errors) = Read("a:\n  '<<': {x: 1}\n");
        Assert.Empty(errors);
        Assert.Equal("""{"x":1}""", tree!["a"]!["<<"]!.ToJsonString());
    }

    [Theory]
    [InlineData("a:\n  <<: 5\n", "f.yaml:2:7", "'a' ")]
    [InlineData("a:\n  <<: [{x: 1}, 5]\n", "f.yaml:2:7", "'a' ")]
    [InlineData("<<: [5]\n", "f.yaml:1:5", "")]
    public void AMergeKeyMustHoldMappings(string text, string key, string place)
    {
        var error = Error(text);
        Assert.Equal(key, error.Key);
        Assert.Equal($"{place}has a merge key '<<' whose value is not a mapping or a list of mappings (yaml.v3: \"map merge requires map or sequence of maps as the value\").", error.Message);
    }

    // The reader's own words, at the place it names; yaml.v3 refuses the same files (a key set twice: "already defined").
    [Theory]
    [InlineData("c: [{d: e]\n", "f.yaml:1:10", "While parsing a flow mapping, did not find expected ',' or '}'.")]
    [InlineData("a: 'open\n", "f.yaml:1:4", "While scanning a quoted scalar, found unexpected end of stream.")]
    [InlineData("a: 1\na: 2\n", "f.yaml:2:1", "Duplicate key a")]
    [InlineData("a: *missing\n", "f.yaml:1:1", "The anchor 'missing' does not exists")]
    public void TextThatIsNotYamlIsRefusedWithThePlaceOfTheProblem(string text, string key, string problem)
    {
        var error = Error(text);
        Assert.Equal(key, error.Key);
        Assert.Equal($"is not valid YAML: {problem}", error.Message);
    }

    // Found by the property tests: on some broken flow collections the reader stops without a position.
    [Fact]
    public void AReaderThatStopsWithoutAPlaceNamesTheFile()
    {
        var error = Error("c: [{d: e]\nf: 1\n");
        Assert.Equal(File, error.Key);
        Assert.StartsWith("is not valid YAML: the reader stopped (", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void APlaceIsFileLineAndColumn() =>
        Assert.Equal("f.yaml:3:7", YamlTree.Where(File, new YamlDotNet.Core.Mark(10, 3, 7)));
}
