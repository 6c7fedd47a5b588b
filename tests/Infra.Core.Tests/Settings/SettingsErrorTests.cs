using Infra.Core.Settings;

namespace Infra.Core.Tests.Settings;

/// <summary>How errors are collected, suggested and shown to the user.</summary>
public class SettingsErrorTests
{
    private static StackSettings ValidSettings() => TestStacks.Settings("dev");

    [Fact]
    public void TheSinkKeepsEveryErrorAndWarningInOrder()
    {
        var sink = new ErrorSink();
        sink.Add("a", "first");
        sink.Warn("careful");
        sink.Add("b", "second");
        Assert.Equal([new SettingsError("a", "first"), new SettingsError("b", "second")], sink.Errors);
        Assert.Equal(["careful"], sink.Warnings);
    }

    [Fact]
    public void AnErrorIsShownAsItsKeyAndMessage() =>
        Assert.Equal("adot-tracing:collector.cpu: 300 is not allowed.", new SettingsError("adot-tracing:collector.cpu", "300 is not allowed.").ToString());

    [Fact]
    public void SettingsWithoutErrorsAreValid()
    {
        var settings = ValidSettings();
        var result = new SettingsResult(settings, [], ["a warning"]);
        Assert.True(result.IsValid);
        Assert.Same(settings, result.GetOrThrow());
    }

    [Fact]
    public void NoSettingsIsNotValid() => Assert.False(new SettingsResult(null, [], []).IsValid);

    [Fact]
    public void SettingsWithAnErrorAreNotValid() =>
        Assert.False(new SettingsResult(ValidSettings(), [new SettingsError("k", "m")], []).IsValid);

    [Fact]
    public void OneErrorIsListedInTheException()
    {
        var error = new SettingsError("adot-tracing:collector.cpu", "bad.");
        var exception = Assert.Throws<InvalidStackSettingsException>(() => new SettingsResult(null, [error], []).GetOrThrow());
        Assert.Equal($"The stack's settings are invalid (1 error):{Environment.NewLine}  - adot-tracing:collector.cpu: bad.", exception.Message);
        Assert.Equal([error], exception.Errors);
    }

    [Fact]
    public void EveryErrorIsListedInTheException()
    {
        var errors = new[] { new SettingsError("a", "one."), new SettingsError("b", "two.") };
        var exception = Assert.Throws<InvalidStackSettingsException>(() => new SettingsResult(ValidSettings(), errors, []).GetOrThrow());
        Assert.Equal($"The stack's settings are invalid (2 errors):{Environment.NewLine}  - a: one.{Environment.NewLine}  - b: two.", exception.Message);
    }

    [Theory]
    [InlineData("colector", "collector")] // one deletion
    [InlineData("colllector", "collector")] // one insertion
    [InlineData("collectar", "collector")] // one substitution
    [InlineData("COLLECTOR", "collector")] // case is ignored
    [InlineData("minsize", "minSize")]
    [InlineData("maxSize", "maxSize")]
    public void TheNearestKeyIsSuggested(string unknown, string expected) =>
        Assert.Equal(expected, KeySuggestion.Nearest(unknown, ["collector", "minSize", "maxSize", "lambda"]));

    [Theory]
    [InlineData("abcdefxyz", "abcdefghi")] // 3 substitutions: a third of a 9-character key
    [InlineData("abcdefghixyz", "abcdefghi")] // 3 insertions
    [InlineData("abcdef", "abcdefghi")] // 3 deletions
    [InlineData("axc", "abc")] // short keys allow 2 edits
    [InlineData("xyc", "abc")]
    [InlineData("abcxy", "abc")]
    public void SuggestionsAllowEditsUpToAThirdOfTheKeyAndAtLeastTwo(string unknown, string known) =>
        Assert.Equal(known, KeySuggestion.Nearest(unknown, [known]));

    [Theory]
    [InlineData("abcdewxyz", "abcdefghi")] // 4 substitutions
    [InlineData("abcdefghiwxyz", "abcdefghi")] // 4 insertions
    [InlineData("abcde", "abcdefghi")] // 4 deletions
    [InlineData("xyz", "abc")]
    [InlineData("abcxyz", "abc")]
    public void KeysFurtherAwayAreNotSuggested(string unknown, string known) =>
        Assert.Null(KeySuggestion.Nearest(unknown, [known]));

    [Fact]
    public void TheClosestOfSeveralCandidatesWins() =>
        Assert.Equal("abcdefgh", KeySuggestion.Nearest("abcdefgx", ["abcdexyz", "abcdefxy", "abcdefgh"]));

    [Fact]
    public void OfEquallyCloseCandidatesTheFirstWins() =>
        Assert.Equal("cat", KeySuggestion.Nearest("bat", ["cat", "hat"]));

    [Fact]
    public void NothingIsSuggestedFromNoCandidates() => Assert.Null(KeySuggestion.Nearest("x", []));

    [Fact]
    public void TheDistanceCountsEditsAnywhereInTheWord()
    {
        // Edits at the start, middle and end, and a transposition (two edits).
        Assert.Equal("abcdefghijkl", KeySuggestion.Nearest("xbcdefghijkl", ["abcdefghijkl"]));
        Assert.Equal("abcdefghijkl", KeySuggestion.Nearest("abcdexghijkl", ["abcdefghijkl"]));
        Assert.Equal("abcdefghijkl", KeySuggestion.Nearest("abcdefghijkx", ["abcdefghijkl"]));
        Assert.Equal("abcdefghijkl", KeySuggestion.Nearest("bacdefghijkl", ["abcdefghijkl"]));
        Assert.Null(KeySuggestion.Nearest("badcfehgjilk", ["abcdefghijkl"]));
    }

    [Fact]
    public void AnUnknownKeyIsDescribedWithTheKnownOnes() =>
        Assert.Equal(
            "unknown key 'adot-tracing:collector.cpus'. Did you mean 'cpu'? Known keys here: cpu, memory.",
            KeySuggestion.Describe("adot-tracing:collector.cpus", "cpus", ["cpu", "memory"]));

    [Fact]
    public void AnUnknownKeyFarFromEveryKnownOneHasNoHint() =>
        Assert.Equal(
            "unknown key 'adot-tracing:collector.zzzzzz'. Known keys here: cpu, memory.",
            KeySuggestion.Describe("adot-tracing:collector.zzzzzz", "zzzzzz", ["cpu", "memory"]));
}
