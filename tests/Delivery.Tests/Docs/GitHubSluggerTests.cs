namespace Delivery.Tests.Docs;

/// <summary>
/// github-slugger's own fixtures (Flet/github-slugger@2.0.0:test/fixtures.json), in their order and through one slugger
/// as its test/index.js runs them, so the duplicate counters ("echo-1-2", "-a--1", "ab-1") are checked too. The
/// fixtures whose inputs list a whole Unicode category are left out: they follow the Unicode version the regex was
/// generated from (13.0), not the rule.
/// </summary>
public sealed class GitHubSluggerTests
{
    private static readonly (string Name, string Input, string Expected)[] Fixtures =
    [
        ("Basic usage", "alpha", "alpha"),
        ("Basic usage (again)", "alpha", "alpha-1"),
        ("Camelcase", "bravoCharlieDelta", "bravocharliedelta"),
        ("Prototypal injection: proto", "__proto__", "__proto__"),
        ("Prototypal injection: proto (again)", "__proto__", "__proto__-1"),
        ("Prototypal injection: has own", "hasOwnProperty", "hasownproperty"),
        ("Repetition (1)", "echo", "echo"),
        ("Repetition (2)", "echo", "echo-1"),
        ("Repetition (3)", "echo 1", "echo-1-1"),
        ("Repetition (4)", "echo-1", "echo-1-2"),
        ("Repetition (5)", "echo", "echo-2"),
        ("More repetition (1)", "foxtrot-1", "foxtrot-1"),
        ("More repetition (2)", "foxtrot", "foxtrot"),
        ("More repetition (3)", "foxtrot", "foxtrot-2"),
        ("Characters: dash", "heading with a - dash", "heading-with-a---dash"),
        ("Characters: underscore", "heading with an _ underscore", "heading-with-an-_-underscore"),
        ("Characters: dot", "heading with a period.txt", "heading-with-a-periodtxt"),
        ("Characters: dots, parents, brackets", "exchange.bind_headers(exchange, routing [, bindCallback])", "exchangebind_headersexchange-routing--bindcallback"),
        ("Characters: space", " ", "-"),
        ("Characters: initial space", " a", "-a"),
        ("Characters: final space", "a ", "a-"),
        ("Characters: initial and final spaces", " a ", "-a-"),
        ("Characters: initial and final dashes", "-a-", "-a--1"),
        ("Characters: apostrophe", "apostrophe\u2019s should be trimmed", "apostrophes-should-be-trimmed"),
        ("Some more duplicates (1)", "golf", "golf"),
        ("Some more duplicates (2)", "golf", "golf-1"),
        ("Some more duplicates (3)", "golf", "golf-2"),
        ("Non-ascii: \u2665", "I \u2665 unicode", "i--unicode"),
        ("Non-ascii: -", "dash-dash", "dash-dash"),
        ("Non-ascii: \u2013", "en\u2013dash", "endash"),
        ("Non-ascii: \u2013", "em\u2013dash", "emdash"),
        ("Non-ascii: \U0001F604", "\U0001F604 unicode emoji", "-unicode-emoji"),
        ("Non-ascii: \U0001F604-\U0001F604", "\U0001F604-\U0001F604 unicode emoji", "--unicode-emoji"),
        ("Non-ascii: \U0001F604_\U0001F604", "\U0001F604_\U0001F604 unicode emoji", "_-unicode-emoji"),
        ("Non-ascii: \U0001F604", "\U0001F604 - an emoji", "---an-emoji"),
        ("Non-ascii: :smile:", ":smile: - a gemoji", "smile---a-gemoji"),
        ("Non-ascii: Cyrillic (1)", "\u041F\u0440\u0438\u0432\u0435\u0442", "\u043F\u0440\u0438\u0432\u0435\u0442"),
        ("Non-ascii: Cyrillic (2)", "\u041F\u0440\u043E\u0444\u0438\u043B\u0438 \u043F\u043E\u043B\u044C\u0437\u043E\u0432\u0430\u0442\u0435\u043B\u0435\u0439", "\u043F\u0440\u043E\u0444\u0438\u043B\u0438-\u043F\u043E\u043B\u044C\u0437\u043E\u0432\u0430\u0442\u0435\u043B\u0435\u0439"),
        ("Non-ascii: Cyrillic + Han", "\u041F\u0440\u0438\u0432\u0435\u0442 non-latin \u4F60\u597D", "\u043F\u0440\u0438\u0432\u0435\u0442-non-latin-\u4F60\u597D"),
        ("Gemoji (1)", ":ok: No underscore", "ok-no-underscore"),
        ("Gemoji (2)", ":ok_hand: Single", "ok_hand-single"),
        ("Gemoji (3)", ":ok_hand::hatched_chick: Two in a row with no spaces", "ok_handhatched_chick-two-in-a-row-with-no-spaces"),
        ("Gemoji (4)", ":ok_hand: :hatched_chick: Two in a row", "ok_hand-hatched_chick-two-in-a-row"),
        ("Connector_Punctuation", "a_ \u203F \u2040 \u2054 \uFE33 \uFE34 \uFE4D \uFE4E \uFE4F \uFF3Fb", "a_-\u203F-\u2040-\u2054-\uFE33-\uFE34-\uFE4D-\uFE4E-\uFE4F-\uFF3Fb"),
        ("Dash_Punctuation", "a- \u058A \u05BE \u1400 \u1806 \u2010 \u2011 \u2012 \u2013 \u2014 \u2015 \u2E17 \u2E1A \u2E3A \u2E3B \u2E40 \u301C \u3030 \u30A0 \uFE31 \uFE32 \uFE58 \uFE63 \uFF0Db", "a------------------------b"),
        ("Enclosing_Mark", "a\u0488 \u0489 \u1ABE \u20DD \u20DE \u20DF \u20E0 \u20E2 \u20E3 \u20E4 \uA670 \uA671 \uA672b", "a\u0488-\u0489-\u1ABE-\u20DD-\u20DE-\u20DF-\u20E0-\u20E2-\u20E3-\u20E4-\uA670-\uA671-\uA672b"),
        ("Final_Punctuation", "a\u00BB \u2019 \u201D \u203A \u2E03 \u2E05 \u2E0A \u2E0D \u2E1D \u2E21b", "a---------b"),
        ("Initial_Punctuation", "a\u00AB \u2018 \u201B \u201C \u201F \u2039 \u2E02 \u2E04 \u2E09 \u2E0C \u2E1C \u2E20b", "a-----------b"),
        ("Line_Separator", "a\u2028b", "ab"),
        ("Paragraph_Separator", "a\u2029b", "ab-1"),
        ("Separator", "a  \u00A0 \u1680 \u2000 \u2001 \u2002 \u2003 \u2004 \u2005 \u2006 \u2007 \u2008 \u2009 \u200A \u2028 \u2029 \u202F \u205F \u3000b", "a-------------------b"),
        ("Space_Separator", "a  \u00A0 \u1680 \u2000 \u2001 \u2002 \u2003 \u2004 \u2005 \u2006 \u2007 \u2008 \u2009 \u200A \u202F \u205F \u3000b", "a-----------------b"),
        ("Titlecase_Letter", "a\u01C5 \u01C8 \u01CB \u01F2 \u1F88 \u1F89 \u1F8A \u1F8B \u1F8C \u1F8D \u1F8E \u1F8F \u1F98 \u1F99 \u1F9A \u1F9B \u1F9C \u1F9D \u1F9E \u1F9F \u1FA8 \u1FA9 \u1FAA \u1FAB \u1FAC \u1FAD \u1FAE \u1FAF \u1FBC \u1FCC \u1FFCb", "a\u01C6-\u01C9-\u01CC-\u01F3-\u1F80-\u1F81-\u1F82-\u1F83-\u1F84-\u1F85-\u1F86-\u1F87-\u1F90-\u1F91-\u1F92-\u1F93-\u1F94-\u1F95-\u1F96-\u1F97-\u1FA0-\u1FA1-\u1FA2-\u1FA3-\u1FA4-\u1FA5-\u1FA6-\u1FA7-\u1FB3-\u1FC3-\u1FF3b"),
    ];

    [Fact]
    public void SlugsMatchGithubSluggersFixturesInOrder()
    {
        var slugger = new GitHubSlugger();
        var wrong = Fixtures
            .Select(f => (f.Name, f.Expected, Actual: slugger.Slug(f.Input)))
            .Where(f => f.Actual != f.Expected)
            .Select(f => $"{f.Name}: expected '{f.Expected}', got '{f.Actual}'")
            .ToList();
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public void TheSameTextGetsTheSameSlugWithoutASlugger()
    {
        Assert.Equal("foo", GitHubSlugger.Slugify("foo"));
        Assert.Equal("foo", GitHubSlugger.Slugify("foo"));
    }

    // Other_Alphabetic symbols (Unicode PropList.txt) stay, as generate-regex.js removes the Alphabetic code points from the set.
    [Fact]
    public void CircledLettersAreKeptAsLetters() => Assert.Equal("ⓐⓑ-x", GitHubSlugger.Slugify("ⒶⒷ x"));
}
