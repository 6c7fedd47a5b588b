using System.Text.Json;
using Infra.Core.Settings;

namespace Infra.Core.Tests.Settings;

/// <summary>
/// The reader every settings section uses: the fallback when a key is absent, a clear error (full key, value,
/// what is allowed) and the fallback when it is wrong, scalars written as strings accepted (as
/// <c>pulumi config set --path</c> may store them), and unknown keys reported.
/// </summary>
public class ObjectReaderTests
{
    private const string Key = "adot-tracing:s";

    private readonly ErrorSink _errors = new();

    private ObjectReader Reader(string json) => new(Key, JsonDocument.Parse(json).RootElement.Clone(), _errors);

    private void ExpectError(string key, string message) => Assert.Equal([new SettingsError(key, message)], _errors.Errors);

    [Fact]
    public void AnAbsentSectionHasNoKeysAndNoErrors()
    {
        var reader = new ObjectReader(Key, null, _errors);
        Assert.False(reader.Has("a"));
        Assert.Equal(7, reader.Int("a", 7, 0, 10));
        reader.Finish();
        Assert.Empty(_errors.Errors);
    }

    [Fact]
    public void AnUndefinedElementIsAnAbsentSection()
    {
        var reader = new ObjectReader(Key, default(JsonElement), _errors);
        Assert.True(reader.Bool("a", true));
        Assert.Empty(_errors.Errors);
    }

    [Fact]
    public void ANullSectionIsAnAbsentOne()
    {
        var reader = Reader("null");
        Assert.Equal("x", reader.String("a", "x"));
        Assert.Empty(_errors.Errors);
    }

    [Theory]
    [InlineData("[1]", "a list")]
    [InlineData("3", "the number 3")]
    [InlineData("\"on\"", "the string \"on\"")]
    [InlineData("false", "the boolean false")]
    public void ASectionThatIsNotAnObjectIsAnError(string json, string described)
    {
        var reader = Reader(json);
        Assert.False(reader.Has("a"));
        ExpectError(Key, $"expected an object, got {described}.");
    }

    [Fact]
    public void KeysAreNamedWithTheSectionsPath()
    {
        var reader = Reader("""{"a":1}""");
        Assert.Equal(Key, reader.Key);
        Assert.Equal($"{Key}.a", reader.PathOf("a"));
        Assert.True(reader.Has("a"));
        Assert.False(reader.Has("A"));
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    [InlineData("\"true\"", true)]
    [InlineData("\"False\"", false)]
    public void BoolsMayBeWrittenAsStrings(string json, bool expected) =>
        Assert.Equal(expected, Reader($$"""{"b":{{json}}}""").Bool("b", !expected));

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void AnAbsentBoolIsTheFallback(bool fallback) => Assert.Equal(fallback, Reader("{}").Bool("b", fallback));

    [Theory]
    [InlineData("\"yes\"", "the string \"yes\"")]
    [InlineData("1", "the number 1")]
    [InlineData("null", "null")]
    public void AnythingElseIsNotABool(string json, string described)
    {
        Assert.True(Reader($$"""{"b":{{json}}}""").Bool("b", true));
        ExpectError($"{Key}.b", $"expected true or false, got {described}.");
    }

    [Theory]
    [InlineData("3", 3)]
    [InlineData("\"4\"", 4)]
    [InlineData("5.0", 5)]
    [InlineData("0", 0)]
    [InlineData("20", 20)]
    public void WholeNumbersInRangeAreRead(string json, int expected)
    {
        Assert.Equal(expected, Reader($$"""{"n":{{json}}}""").Int("n", 9, 0, 20));
        Assert.Empty(_errors.Errors);
    }

    [Theory]
    [InlineData("2.5", "the number 2.5")]
    [InlineData("\"many\"", "the string \"many\"")]
    [InlineData("true", "the boolean true")]
    [InlineData("[]", "a list")]
    [InlineData("{}", "an object")]
    [InlineData("\"NaN\"", "the string \"NaN\"")]
    [InlineData("\"Infinity\"", "the string \"Infinity\"")]
    public void AnythingButAWholeNumberIsRefused(string json, string described)
    {
        Assert.Equal(9, Reader($$"""{"n":{{json}}}""").Int("n", 9, 1, 20));
        ExpectError($"{Key}.n", $"expected a whole number from 1 to 20, got {described}.");
    }

    [Theory]
    [InlineData("0", "0")]
    [InlineData("21", "21")]
    [InlineData("-3", "-3")]
    [InlineData("1e10", "10000000000")]
    public void WholeNumbersOutOfRangeNameTheRange(string json, string shown)
    {
        Assert.Equal(9, Reader($$"""{"n":{{json}}}""").Int("n", 9, 1, 20));
        ExpectError($"{Key}.n", $"{shown} is out of range; allowed: 1 to 20.");
    }

    [Theory]
    [InlineData("0.25", 0.25)]
    [InlineData("\"0.5\"", 0.5)]
    [InlineData("0", 0)]
    [InlineData("1", 1)]
    public void NumbersInRangeAreRead(string json, double expected)
    {
        Assert.Equal(expected, Reader($$"""{"d":{{json}}}""").Double("d", 0.75, 0, 1));
        Assert.Empty(_errors.Errors);
    }

    [Fact]
    public void AnAbsentNumberIsTheFallback() => Assert.Equal(0.75, Reader("{}").Double("d", 0.75, 0, 1));

    [Theory]
    [InlineData("\"half\"", "the string \"half\"")]
    [InlineData("\"1e999\"", "the string \"1e999\"")]
    [InlineData("null", "null")]
    public void AnythingButANumberIsRefused(string json, string described)
    {
        Assert.Equal(0.75, Reader($$"""{"d":{{json}}}""").Double("d", 0.75, 0.5, 2.25));
        ExpectError($"{Key}.d", $"expected a number from 0.5 to 2.25, got {described}.");
    }

    [Theory]
    [InlineData("0.49", "0.49")]
    [InlineData("2.2501", "2.2501")]
    [InlineData("-1", "-1")]
    public void NumbersOutOfRangeNameTheRange(string json, string shown)
    {
        Assert.Equal(0.75, Reader($$"""{"d":{{json}}}""").Double("d", 0.75, 0.5, 2.25));
        ExpectError($"{Key}.d", $"{shown} is out of range; allowed: 0.5 to 2.25.");
    }

    [Fact]
    public void StringsAreReadAndAbsentOrNullOnesAreTheFallback()
    {
        var reader = Reader("""{"s":"text","n":null}""");
        Assert.Equal("text", reader.String("s", "x"));
        Assert.Equal("x", reader.String("n", "x"));
        Assert.Equal("x", reader.String("absent", "x"));
        Assert.Null(reader.OptionalString("absent"));
        Assert.Empty(_errors.Errors);
    }

    [Fact]
    public void AStringMustBeAString()
    {
        Assert.Equal("x", Reader("""{"s":5}""").String("s", "x"));
        ExpectError($"{Key}.s", "expected a string, got the number 5.");
    }

    [Fact]
    public void ALongStringIsShortenedInTheMessage()
    {
        var text = new string('a', 81);
        Reader($$"""{"s":"{{text}}"}""").Int("s", 1, 0, 2);
        ExpectError($"{Key}.s", $"expected a whole number from 0 to 2, got the string \"{new string('a', 77)}...\".");
    }

    [Fact]
    public void AStringOf80CharactersIsShownWhole()
    {
        var text = new string('a', 80);
        Reader($$"""{"s":"{{text}}"}""").Int("s", 1, 0, 2);
        ExpectError($"{Key}.s", $"expected a whole number from 0 to 2, got the string \"{text}\".");
    }

    [Fact]
    public void ControlCharactersAreShownAsTheirCode()
    {
        Reader("""{"s":"a\u0007b"}""").Int("s", 1, 0, 2);
        ExpectError($"{Key}.s", "expected a whole number from 0 to 2, got the string \"a\\u0007b\".");
    }

    private static readonly IReadOnlyDictionary<string, int> Sizes = new Dictionary<string, int> { ["small"] = 1, ["medium"] = 2, ["large"] = 3 };

    [Fact]
    public void AChoiceIsOneOfTheAllowedNames()
    {
        Assert.Equal(3, Reader("""{"c":"large"}""").Choice("c", 1, Sizes));
        Assert.Equal(2, Reader("{}").Choice("c", 2, Sizes));
        Assert.Empty(_errors.Errors);
    }

    [Fact]
    public void AMisspeltChoiceSuggestsTheNearest()
    {
        Assert.Equal(1, Reader("""{"c":"medum"}""").Choice("c", 1, Sizes));
        ExpectError($"{Key}.c", "'medum' is not allowed; allowed: small, medium, large. Did you mean 'medium'?");
    }

    [Fact]
    public void AChoiceFarFromEveryNameGetsNoSuggestion()
    {
        Assert.Equal(1, Reader("""{"c":"enormous"}""").Choice("c", 1, Sizes));
        ExpectError($"{Key}.c", "'enormous' is not allowed; allowed: small, medium, large.");
    }

    [Fact]
    public void AStringListIsRead()
    {
        Assert.Equal(["a", "b"], Reader("""{"l":["a","b"]}""").StringList("l", ["x"]));
        Assert.Equal(["x"], Reader("{}").StringList("l", ["x"]));
        Assert.Empty(Reader("""{"l":[]}""").StringList("l", ["x"]));
        Assert.Empty(_errors.Errors);
    }

    [Fact]
    public void AStringListMustBeAList()
    {
        Assert.Equal(["x"], Reader("""{"l":"a"}""").StringList("l", ["x"]));
        ExpectError($"{Key}.l", "expected a list of strings, got the string \"a\".");
    }

    [Fact]
    public void EveryItemThatIsNotAStringIsReportedWithItsIndex()
    {
        var list = Reader("""{"l":[1,"a",null,"b"]}""").StringList("l", ["x"]);
        Assert.Equal(["a", "b"], list);
        Assert.Equal(
            [new SettingsError($"{Key}.l[0]", "expected a string, got the number 1."), new SettingsError($"{Key}.l[2]", "expected a string, got null.")],
            _errors.Errors);
    }

    [Fact]
    public void AStringMapTakesScalarsAsText()
    {
        var map = Reader("""{"m":{"a":"x","b":2,"c":true,"d":false,"e":1.50}}""").StringMap("m", new Dictionary<string, string>());
        Assert.Equal(new Dictionary<string, string> { ["a"] = "x", ["b"] = "2", ["c"] = "true", ["d"] = "false", ["e"] = "1.50" }, map);
        Assert.Empty(_errors.Errors);
    }

    [Fact]
    public void AnAbsentStringMapIsTheFallback()
    {
        var fallback = new Dictionary<string, string> { ["k"] = "v" };
        Assert.Same(fallback, Reader("{}").StringMap("m", fallback));
    }

    [Fact]
    public void AStringMapMustBeAnObject()
    {
        var fallback = new Dictionary<string, string> { ["k"] = "v" };
        Assert.Same(fallback, Reader("""{"m":[]}""").StringMap("m", fallback));
        ExpectError($"{Key}.m", "expected a map of strings, got a list.");
    }

    [Fact]
    public void MapEntriesThatAreNotScalarsAreReportedAndLeftOut()
    {
        var map = Reader("""{"m":{"a":[1],"b":null,"c":"ok"}}""").StringMap("m", new Dictionary<string, string>());
        Assert.Equal(new Dictionary<string, string> { ["c"] = "ok" }, map);
        Assert.Equal(
            [new SettingsError($"{Key}.m.a", "expected a string, got a list."), new SettingsError($"{Key}.m.b", "expected a string, got null.")],
            _errors.Errors);
    }

    [Fact]
    public void ANestedObjectIsReadWithItsPath()
    {
        var reader = Reader("""{"o":{"x":4}}""");
        var nested = reader.Object("o");
        Assert.Equal($"{Key}.o", nested.Key);
        Assert.Equal(4, nested.Int("x", 0, 0, 10));
        nested.Finish();
        reader.Finish();
        Assert.Empty(_errors.Errors);
    }

    [Fact]
    public void AnAbsentNestedObjectIsEmpty()
    {
        var nested = Reader("{}").Object("o");
        Assert.Equal($"{Key}.o", nested.Key);
        Assert.False(nested.Has("x"));
        Assert.Empty(_errors.Errors);
    }

    [Fact]
    public void ANestedObjectMustBeAnObject()
    {
        Reader("""{"o":1}""").Object("o");
        ExpectError($"{Key}.o", "expected an object, got the number 1.");
    }

    [Fact]
    public void AnObjectListGivesAReaderPerItemWithItsIndex()
    {
        var items = Reader("""{"r":[{"n":1},{"n":2}]}""").ObjectList("r");
        Assert.NotNull(items);
        Assert.Equal([$"{Key}.r[0]", $"{Key}.r[1]"], items.Select(item => item.Key));
        Assert.Equal([1, 2], items.Select(item => item.Int("n", 0, 0, 5)));
        Assert.Empty(_errors.Errors);
    }

    [Fact]
    public void AnAbsentObjectListIsNull() => Assert.Null(Reader("{}").ObjectList("r"));

    [Fact]
    public void AnObjectListMustBeAList()
    {
        Assert.Null(Reader("""{"r":{}}""").ObjectList("r"));
        ExpectError($"{Key}.r", "expected a list of objects, got an object.");
    }

    [Fact]
    public void ItemsOfAnObjectListMustBeObjects()
    {
        var items = Reader("""{"r":[1]}""").ObjectList("r");
        Assert.NotNull(items);
        Assert.Single(items);
        ExpectError($"{Key}.r[0]", "expected an object, got the number 1.");
    }

    [Fact]
    public void FinishReportsEveryKeyNoGetterAskedFor()
    {
        var reader = Reader("""{"size":1,"colour":"red","weight":2}""");
        reader.Int("size", 0, 0, 5);
        reader.String("color", "blue");
        reader.Finish();
        Assert.Equal(
            [
                new SettingsError($"{Key}.colour", $"unknown key '{Key}.colour'. Did you mean 'color'? Known keys here: size, color."),
                new SettingsError($"{Key}.weight", $"unknown key '{Key}.weight'. Known keys here: size, color."),
            ],
            _errors.Errors);
    }

    [Fact]
    public void AllowedKeysAreKnownWithoutAGetter()
    {
        var reader = Reader("""{"a":1,"b":2,"c":3}""");
        reader.Allow("a", "b");
        reader.Finish();
        ExpectError($"{Key}.c", $"unknown key '{Key}.c'. Did you mean 'a'? Known keys here: a, b.");
    }

    [Fact]
    public void AGetterForAnAbsentKeyMakesItKnown()
    {
        var reader = Reader("""{"x":1}""");
        reader.Bool("y", false);
        reader.Finish();
        ExpectError($"{Key}.x", $"unknown key '{Key}.x'. Did you mean 'y'? Known keys here: y.");
    }

    [Theory]
    [InlineData("12", true, 12)]
    [InlineData("\"12.5\"", true, 12.5)]
    [InlineData("\"1e3\"", true, 1000)]
    [InlineData("\" 7 \"", true, 7)]
    [InlineData("\"-Infinity\"", false, 0)]
    [InlineData("1e999", false, 0)]
    [InlineData("\"1e999\"", false, 0)]
    [InlineData("\"NaN\"", false, 0)]
    [InlineData("\"1,5\"", false, 0)]
    [InlineData("true", false, 0)]
    [InlineData("null", false, 0)]
    public void NumbersAreFiniteAndMayBeStrings(string json, bool isNumber, double expected)
    {
        Assert.Equal(isNumber, ObjectReader.TryNumber(JsonDocument.Parse(json).RootElement, out var number));
        Assert.Equal(expected, isNumber ? number : 0);
    }
}
