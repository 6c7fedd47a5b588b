using Infra.Core.Settings;
using Infra.Core.StackFiles;

namespace Infra.Core.Tests.StackFiles;

/// <summary>
/// The CLI's type check of a stack value (pulumi/pulumi at tag v3.259.0, sdk/go/common/workspace/project.go,
/// ValidateConfigValue; pkg/workspace/config.go, validateStackConfigValue): a scalar in the stack file reaches it as
/// text, an object or list as its JSON decoded by Go's encoding/json (every number a float64). Integers given as
/// text must pass Go's strconv.Atoi: an optional sign and decimal digits that fit in 64 bits.
/// </summary>
public class ConfigTypesTests
{
    private const string Header = "name: demo\nruntime: dotnet\n";

    private static bool Accepted(string declaration, string stackValue)
    {
        var errors = new ErrorSink();
        var project = PulumiProject.Parse(Header + $"config:\n  key:\n    {declaration}\n", errors);
        Assert.Empty(errors.Errors);
        var config = PulumiStack.Merge(project!, "dev", $"config:\n  demo:key: {stackValue}\n", errors);
        Assert.Equal(config is null ? 1 : 0, errors.Errors.Count);
        return config is not null;
    }

    // strconv.Atoi (ParseInt base 10, 64 bits): sign, digits, range; nothing else.
    [Theory]
    [InlineData("7", true)]
    [InlineData("'+7'", true)]
    [InlineData("'-7'", true)]
    [InlineData("'007'", true)]
    [InlineData("'9223372036854775807'", true)]
    [InlineData("'-9223372036854775808'", true)]
    [InlineData("'9223372036854775808'", false)]
    [InlineData("''", false)]
    [InlineData("'+'", false)]
    [InlineData("'-'", false)]
    [InlineData("'+-7'", false)]
    [InlineData("' 7'", false)]
    [InlineData("'7 '", false)]
    [InlineData("\"7\\0\"", false)]
    [InlineData("'1_000'", false)]
    [InlineData("'0x10'", false)]
    [InlineData("'7.0'", false)]
    [InlineData("'٧'", false)]
    public void IntegersGivenAsTextFollowGoAtoi(string stackValue, bool accepted) =>
        Assert.Equal(accepted, Accepted("type: integer", stackValue));

    // Inside a list, numbers are float64: whole ones pass as integers (ValidateConfigValue: f == math.Trunc(f)).
    [Theory]
    [InlineData("[1, -2, 3.0]", true)]
    [InlineData("['4']", true)]
    [InlineData("[]", true)]
    [InlineData("[1.5]", false)]
    [InlineData("[1, 0.5]", false)]
    [InlineData("[true]", false)]
    [InlineData("[[1]]", false)]
    [InlineData("[{a: 1}]", false)]
    [InlineData("[~]", false)]
    [InlineData("['x']", false)]
    [InlineData("1", false)]
    public void IntegerListsTakeWholeNumbers(string stackValue, bool accepted) =>
        Assert.Equal(accepted, Accepted("type: array\n    items:\n      type: integer", stackValue));

    [Theory]
    [InlineData("[true, false, 'true', 'false']", true)]
    [InlineData("[1]", false)]
    [InlineData("['yes']", false)]
    [InlineData("[~]", false)]
    public void BooleanListsTakeBooleansAndTheirWords(string stackValue, bool accepted) =>
        Assert.Equal(accepted, Accepted("type: array\n    items:\n      type: boolean", stackValue));

    [Theory]
    [InlineData("[a, '1']", true)]
    [InlineData("[1]", false)]
    [InlineData("[true]", false)]
    [InlineData("[~]", false)]
    [InlineData("[[a]]", false)]
    public void StringListsTakeOnlyStrings(string stackValue, bool accepted) =>
        Assert.Equal(accepted, Accepted("type: array\n    items:\n      type: string", stackValue));

    [Theory]
    [InlineData("[{a: 1}, {}]", true)]
    [InlineData("[[a]]", false)]
    [InlineData("[a]", false)]
    public void ObjectListsTakeOnlyMappings(string stackValue, bool accepted) =>
        Assert.Equal(accepted, Accepted("type: array\n    items:\n      type: object", stackValue));

    [Theory]
    [InlineData("[[a], [], [b, c]]", true)]
    [InlineData("[a]", false)]
    [InlineData("[[1]]", false)]
    public void NestedListsCheckEveryLevel(string stackValue, bool accepted) =>
        Assert.Equal(accepted, Accepted("type: array\n    items:\n      type: array\n      items:\n        type: string", stackValue));

    // ValidateConfigValue: "if !isArray || itemsType == nil { return false }" at every level.
    [Theory]
    [InlineData("[[a]]", false)]
    [InlineData("[[]]", false)]
    [InlineData("[]", true)]
    public void ANestedListWithoutItemTypeTakesNoList(string stackValue, bool accepted) =>
        Assert.Equal(accepted, Accepted("type: array\n    items:\n      type: array", stackValue));

    [Theory]
    [InlineData("'{}'", false)]
    [InlineData("{a: [1]}", true)]
    [InlineData("[]", false)]
    public void ObjectsTakeOnlyMappings(string stackValue, bool accepted) =>
        Assert.Equal(accepted, Accepted("type: object", stackValue));

    [Theory]
    [InlineData("string")]
    [InlineData("boolean")]
    [InlineData("integer")]
    public void AScalarTypeTakesNoMapping(string type) => Assert.False(Accepted($"type: {type}", "{a: 1}"));

    [Fact]
    public void AListIsNotABoolean() => Assert.False(Accepted("type: boolean", "[true]"));

    [Fact]
    public void AListIsNotAnInteger() => Assert.False(Accepted("type: integer", "[1]"));

    // What the YAML decoder makes of a project default, and what encoding/json makes of a stack object.
    [Theory]
    [InlineData("5", typeof(ConfigTypes.WholeNumber))]
    [InlineData("5.0", typeof(ConfigTypes.Float))]
    [InlineData("true", typeof(ConfigTypes.Flag))]
    [InlineData("'5'", typeof(ConfigTypes.Text))]
    [InlineData("{}", typeof(ConfigTypes.Map))]
    [InlineData("[]", typeof(ConfigTypes.List))]
    [InlineData("~", typeof(ConfigTypes.Nothing))]
    public void ProjectValuesKeepTheirYamlType(string yaml, Type type)
    {
        var tree = YamlTree.Parse($"v: {yaml}\n", "f.yaml", new ErrorSink(), out _);
        Assert.IsType(type, ConfigTypes.FromProjectValue(tree!["v"]));
    }

    [Fact]
    public void ProjectValuesAreReadWithTheirContent()
    {
        var tree = YamlTree.Parse("v: [5, 2.5, true, false, x, ~, [1]]\n", "f.yaml", new ErrorSink(), out _);
        var list = Assert.IsType<ConfigTypes.List>(ConfigTypes.FromProjectValue(tree!["v"]));
        Assert.Equal(
            [new ConfigTypes.WholeNumber(5), new ConfigTypes.Float(2.5), new ConfigTypes.Flag(true), new ConfigTypes.Flag(false), new ConfigTypes.Text("x"), new ConfigTypes.Nothing()],
            list.Items.Take(6));
        Assert.Equal(new ConfigTypes.WholeNumber(1), Assert.Single(Assert.IsType<ConfigTypes.List>(list.Items[6]).Items));
    }

    [Fact]
    public void StackObjectsAreReadAsGoDecodesJson()
    {
        var list = Assert.IsType<ConfigTypes.List>(ConfigTypes.FromStackValue(new StackValue("""[5, 2.5, true, false, "x", null, {"a": 1}, [1]]""", true)));
        Assert.Equal(
            [new ConfigTypes.Float(5), new ConfigTypes.Float(2.5), new ConfigTypes.Flag(true), new ConfigTypes.Flag(false), new ConfigTypes.Text("x"), new ConfigTypes.Nothing()],
            list.Items.Take(6));
        Assert.IsType<ConfigTypes.Map>(list.Items[6]);
        Assert.Equal(new ConfigTypes.Float(1), Assert.Single(Assert.IsType<ConfigTypes.List>(list.Items[7]).Items));
    }

    [Fact]
    public void StackScalarsAreText() =>
        Assert.Equal(new ConfigTypes.Text("[1]"), ConfigTypes.FromStackValue(new StackValue("[1]", false)));

    [Fact]
    public void TheTypeNamesAreTheSchemas() =>
        Assert.Equal(["string", "integer", "boolean", "array", "object"], ConfigTypes.Names.Keys);
}
