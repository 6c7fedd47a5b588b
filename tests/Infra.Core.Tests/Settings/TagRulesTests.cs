using Infra.Core.Settings;

namespace Infra.Core.Tests.Settings;

/// <summary>
/// adot-tracing:tags against AWS's tag rules, as the ECS Tag type states them
/// (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_Tag.html, and the general
/// https://docs.aws.amazon.com/tag-editor/latest/userguide/tagging.html#tag-conventions):
/// at most 50 tags per resource; keys of 1 to 128 and values of up to 256 Unicode characters; letters, numbers,
/// spaces and + - = . _ : / @; no aws: prefix in any case on keys or values.
/// </summary>
public class TagRulesTests
{
    private const string Key = "adot-tracing:tags";
    private const string Allowed = "letters, digits, spaces and + - = . _ : / @";

    private static (IReadOnlyDictionary<string, string> Tags, IReadOnlyList<SettingsError> Errors) Read(string? json)
    {
        var values = new Dictionary<string, string>();
        if (json is not null)
        {
            values[Key] = json;
        }

        var errors = new ErrorSink();
        var tags = TagRules.Read(new RawStackConfig("dev", values), errors);
        return (tags, errors.Errors);
    }

    private static string Tags(params (string Key, string Value)[] tags) =>
        System.Text.Json.JsonSerializer.Serialize(tags.ToDictionary(tag => tag.Key, tag => tag.Value));

    [Theory]
    [InlineData(null)]
    [InlineData("null")]
    [InlineData("{}")]
    public void NoTagsIsNoTags(string? json)
    {
        var (tags, errors) = Read(json);
        Assert.Empty(tags);
        Assert.Empty(errors);
    }

    [Fact]
    public void ValidTagsAreKept()
    {
        var (tags, errors) = Read("""{"team":"sre","cost-center":"4711","empty":""}""");
        Assert.Empty(errors);
        Assert.Equal(new Dictionary<string, string> { ["team"] = "sre", ["cost-center"] = "4711", ["empty"] = "" }, tags);
    }

    [Fact]
    public void NumbersAndBooleansAreTakenAsTheirText()
    {
        var (tags, errors) = Read("""{"tier":2,"public":false}""");
        Assert.Empty(errors);
        Assert.Equal(new Dictionary<string, string> { ["tier"] = "2", ["public"] = "false" }, tags);
    }

    [Fact]
    public void SomethingOtherThanAMapIsAnError()
    {
        var (tags, errors) = Read("""["team"]""");
        Assert.Empty(tags);
        Assert.Equal([new SettingsError(Key, "expected a map of strings, got a list.")], errors);
    }

    [Fact]
    public void ATagValueThatIsNotTextIsAnError()
    {
        var (tags, errors) = Read("""{"team":{"name":"sre"},"owner":"me"}""");
        Assert.Equal([new SettingsError($"{Key}.team", "expected a string, got an object.")], errors);
        Assert.Equal(new Dictionary<string, string> { ["owner"] = "me" }, tags);
    }

    [Theory]
    [InlineData("Z")] // upper case letter
    [InlineData("ü")] // lower case letter
    [InlineData("\u01C5")] // title case letter (Dž)
    [InlineData("\u02B0")] // modifier letter
    [InlineData("日本")] // other letters
    [InlineData("\U00020B9F")] // a CJK letter outside the Basic Multilingual Plane
    [InlineData("e\u0301")] // a combining accent
    [InlineData("\u0915\u0903")] // Devanagari with a spacing mark
    [InlineData("a\u20DD")] // an enclosing mark
    [InlineData("0123456789")]
    [InlineData("\u216B")] // letter number (Roman numeral twelve)
    [InlineData("\u00BD")] // other number (one half)
    [InlineData("a b\u00A0c\u3000d")] // space separators
    [InlineData("+-=._:/@")]
    public void EveryAllowedKindOfCharacterIsAccepted(string text)
    {
        var (tags, errors) = Read(Tags((text, text)));
        Assert.Empty(errors);
        Assert.Equal(text, tags[text]);
    }

    [Theory]
    [InlineData("a!", "'!'")]
    [InlineData("a#", "'#'")]
    [InlineData("a,", "','")]
    [InlineData("a*", "'*'")]
    [InlineData("a$", "'$'")]
    [InlineData("a\\", "'\\'")]
    [InlineData("a\u2028", "'\u2028'")] // a line separator is not a space
    [InlineData("a\U0001F600", "'\U0001F600'")] // an emoji is a symbol, not a letter
    [InlineData("a\u0000", "the control character U+0000")]
    [InlineData("a\n", "the control character U+000A")]
    public void OtherCharactersAreRefused(string text, string described)
    {
        var (tags, errors) = Read(Tags(("k", text)));
        Assert.Empty(tags);
        Assert.Equal([new SettingsError($"{Key}.k", $"the tag value contains {described}; AWS allows {Allowed}.")], errors);
    }

    [Fact]
    public void KeysUpTo128CharactersAreAllowed()
    {
        var key = new string('k', 128);
        var (tags, errors) = Read(Tags((key, "v")));
        Assert.Empty(errors);
        Assert.True(tags.ContainsKey(key));
    }

    [Fact]
    public void CharactersAreCountedAsUnicodeCharactersNotUtf16Units()
    {
        var key = string.Concat(Enumerable.Repeat("\U0001D400", 128)); // 128 letters outside the BMP, 256 UTF-16 units
        var (tags, errors) = Read(Tags((key, "v")));
        Assert.Empty(errors);
        Assert.Single(tags);
    }

    [Fact]
    public void AKeyOf129CharactersIsTooLong()
    {
        var key = new string('k', 129);
        var (tags, errors) = Read(Tags((key, "v")));
        Assert.Empty(tags);
        Assert.Equal([new SettingsError($"{Key}.{key}", "the tag key has 129 characters; AWS allows 1 to 128.")], errors);
    }

    [Fact]
    public void AnEmptyKeyIsTooShort()
    {
        var (tags, errors) = Read("""{"":"v"}""");
        Assert.Empty(tags);
        Assert.Equal([new SettingsError($"{Key}.", "the tag key has 0 characters; AWS allows 1 to 128.")], errors);
    }

    [Fact]
    public void ValuesUpTo256CharactersAreAllowed()
    {
        var (tags, errors) = Read(Tags(("k", new string('v', 256))));
        Assert.Empty(errors);
        Assert.Equal(256, tags["k"].Length);
    }

    [Fact]
    public void AValueOf257CharactersIsTooLong()
    {
        var (tags, errors) = Read(Tags(("k", new string('v', 257))));
        Assert.Empty(tags);
        Assert.Equal([new SettingsError($"{Key}.k", "the tag value has 257 characters; AWS allows 0 to 256.")], errors);
    }

    [Theory]
    [InlineData("aws:")]
    [InlineData("AWS:")]
    [InlineData("Aws:")]
    public void KeysCannotStartWithTheAwsPrefixInAnyCase(string prefix)
    {
        var name = $"{prefix}owner";
        var (tags, errors) = Read(Tags((name, "me")));
        Assert.Empty(tags);
        Assert.Equal([new SettingsError($"{Key}.{name}", $"the tag key starts with '{prefix}'; the aws: prefix is reserved for AWS.")], errors);
    }

    [Fact]
    public void ValuesCannotStartWithTheAwsPrefix()
    {
        var (tags, errors) = Read(Tags(("owner", "aWs:me")));
        Assert.Empty(tags);
        Assert.Equal([new SettingsError($"{Key}.owner", "the tag value starts with 'aWs:'; the aws: prefix is reserved for AWS.")], errors);
    }

    [Fact]
    public void AwsElsewhereThanTheStartIsAllowed()
    {
        var (tags, errors) = Read(Tags(("my-aws:key", "x aws:y")));
        Assert.Empty(errors);
        Assert.Single(tags);
    }

    [Fact]
    public void AKeyWithAnotherSymbolNamesTheFirstOffendingCharacter()
    {
        var (tags, errors) = Read(Tags(("team#1!", "sre")));
        Assert.Empty(tags);
        Assert.Equal([new SettingsError($"{Key}.team#1!", $"the tag key contains '#'; AWS allows {Allowed}.")], errors);
    }

    [Fact]
    public void AValueWithAControlCharacterShowsItsCode()
    {
        var (tags, errors) = Read(Tags(("team", "sre\tops")));
        Assert.Empty(tags);
        Assert.Equal([new SettingsError($"{Key}.team", $"the tag value contains the control character U+0009; AWS allows {Allowed}.")], errors);
    }

    [Fact]
    public void AControlCharacterInAKeyIsShownAsItsCodeInTheErrorKey()
    {
        var (_, errors) = Read(Tags(("a\u0007b", "v")));
        Assert.Equal([new SettingsError($"{Key}.a\\u0007b", $"the tag key contains the control character U+0007; AWS allows {Allowed}.")], errors);
    }

    [Fact]
    public void ABadKeyAndABadValueAreBothReported()
    {
        var (tags, errors) = Read(Tags(("aws:x", "a!")));
        Assert.Empty(tags);
        Assert.Equal(
            [
                new SettingsError($"{Key}.aws:x", "the tag key starts with 'aws:'; the aws: prefix is reserved for AWS."),
                new SettingsError($"{Key}.aws:x", $"the tag value contains '!'; AWS allows {Allowed}."),
            ],
            errors);
    }

    [Fact]
    public void AValidKeyWithABadValueIsDropped()
    {
        var (tags, errors) = Read(Tags(("team", "a!"), ("owner", "me")));
        Assert.Single(errors);
        Assert.Equal(new Dictionary<string, string> { ["owner"] = "me" }, tags);
    }

    [Fact]
    public void FortySixTagsPlusTheFourTheProgramAddsAreTheMost()
    {
        var (tags, errors) = Read(Tags(Enumerable.Range(1, 46).Select(i => ($"t{i}", "v")).ToArray()));
        Assert.Empty(errors);
        Assert.Equal(46, tags.Count);
    }

    [Fact]
    public void FortySevenTagsPlusTheFourTheProgramAddsAreTooMany()
    {
        var (_, errors) = Read(Tags(Enumerable.Range(1, 47).Select(i => ($"t{i}", "v")).ToArray()));
        Assert.Equal(
            [new SettingsError(Key, "47 tags plus the 4 this program adds (project, stack, environment, managed-by) make 51; AWS allows at most 50 tags on a resource.")],
            errors);
    }

    [Fact]
    public void AUserTagWithAGeneratedKeyIsCountedOnce()
    {
        // The stack's own "project" tag replaces the user's, so the resource carries 47 + 3 = 50 tags.
        var tags = Enumerable.Range(1, 46).Select(i => ($"t{i}", "v")).Append(("project", "mine")).ToArray();
        var (_, errors) = Read(Tags(tags));
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a\u0001b", "a\\u0001b")]
    [InlineData("\u001f\u007f", "\\u001f\\u007f")]
    [InlineData("日本", "日本")]
    public void ShownReplacesOnlyControlCharacters(string text, string shown) => Assert.Equal(shown, TagRules.Shown(text));
}
