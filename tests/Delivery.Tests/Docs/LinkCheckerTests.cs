namespace Delivery.Tests.Docs;

/// <summary>The link checker on small repositories written here, each link's fate known in advance.</summary>
public sealed class LinkCheckerTests
{
    private static readonly Dictionary<string, string> Repository = new(StringComparer.Ordinal)
    {
        ["README.md"] = """
            # Project

            See [the guide](docs/guide.md), [its setup](docs/guide.md#set-up-scriptsplan-dev) and [the folder](docs/).
            Jump to [usage](#usage), [the second usage](#usage-1), [the marker](#marker), [the old name](#old-name).
            ![diagram](docs/diagram.svg) and [a line](src/app.cs#L10) and [lines](src/app.cs#L10-L12).
            [Absolute](https://example.com/missing.md#nowhere), [mail](mailto:someone@example.com), [root](/docs/guide.md#reference).
            [Reference style][guide] and `[not a link](missing.md)` in a code span.

            [guide]: docs/guide.md

            ```sh
            cat [also not a link](missing.md)
            ```

            ## Usage

            ## Usage

            <a id="marker"></a>
            <a name="old-name"></a>
            """,
        ["docs/guide.md"] = """
            # Guide

            ## Set up: `scripts/plan dev`

            ## *Reference*

            Back to [the project](../README.md#project) and [the src folder](../src).
            """,
        ["docs/diagram.svg"] = "<svg/>",
        ["src/app.cs"] = "class App {}",
    };

    [Fact]
    public void ResolvingLinksAreNotReported()
    {
        var broken = Checker(Repository).Check(["README.md", "docs/guide.md"]);
        Assert.Empty(broken.Select(b => b.ToString()));
    }

    [Theory]
    [InlineData("[gone](docs/gone.md)", "docs/gone.md", "no such file or folder")]
    [InlineData("![gone](docs/gone.png)", "docs/gone.png", "no such file or folder")]
    [InlineData("[up](../../outside.md)", "../../outside.md", "outside the repository")]
    [InlineData("[here](#no-such-heading)", "#no-such-heading", "no heading or <a id> gives #no-such-heading in README.md")]
    [InlineData("[there](docs/guide.md#setup)", "docs/guide.md#setup", "no heading or <a id> gives #setup in docs/guide.md")]
    [InlineData("[case](#Usage)", "#Usage", "no heading or <a id> gives #Usage in README.md")]
    [InlineData("[third](#usage-2)", "#usage-2", "no heading or <a id> gives #usage-2 in README.md")]
    [InlineData("[code](src/app.cs#main)", "src/app.cs#main", "#main on a file that is not Markdown")]
    [InlineData("<img src=\"docs/gone.svg\">", "docs/gone.svg", "no such file or folder")]
    [InlineData("[wrong case](Docs/guide.md)", "Docs/guide.md", "no such file or folder")]
    public void ABrokenLinkIsReportedWithItsLineTargetAndReason(string link, string target, string why)
    {
        var files = new Dictionary<string, string>(Repository) { ["README.md"] = Repository["README.md"] + $"\n\nText {link} here.\n" };
        var line = files["README.md"].Split('\n').Length - 1;

        var broken = Assert.Single(Checker(files).Check(["README.md"]));

        Assert.Equal($"README.md:{line}: {target} ({why})", broken.ToString());
    }

    [Fact]
    public void EveryBrokenLinkOfEveryFileIsListedAtOnce()
    {
        var files = new Dictionary<string, string>(Repository)
        {
            ["README.md"] = "# A\n\n[one](nope.md)\n[two](#nope)\n",
            ["docs/guide.md"] = "# B\n\n[three](../README.md#b)\n",
        };

        var broken = Checker(files).Check(["README.md", "docs/guide.md"]).Select(b => b.ToString());

        Assert.Equal(
            [
                "README.md:3: nope.md (no such file or folder)",
                "README.md:4: #nope (no heading or <a id> gives #nope in README.md)",
                "docs/guide.md:3: ../README.md#b (no heading or <a id> gives #b in README.md)",
            ],
            broken);
    }

    // The fixtures github-slugger writes as Markdown ("markdownOverwrite" in test/fixtures.json): a character reference is the heading's text.
    [Theory]
    [InlineData("# &#x20;", "-")]
    [InlineData("# &#x20;a", "-a")]
    [InlineData("# a&#x20;", "a-")]
    [InlineData("# `inline code` and **bold** [link](x.md) <span>tag</span>", "inline-code-and-bold-link-tag")]
    [InlineData("Setext *heading*\n---", "setext-heading")]
    public void AHeadingsAnchorComesFromItsRenderedText(string markdown, string anchor) =>
        Assert.Equal(anchor, Assert.Single(MarkdownFile.Parse(markdown).Headings).Anchor);

    [Fact]
    public void HeadingsInCodeBlocksGiveNoAnchor()
    {
        var file = MarkdownFile.Parse("# Real\n\n```md\n# Fake\n```\n\n    # Indented fake\n");
        Assert.Equal(["real"], file.Anchors);
    }

    private static LinkChecker Checker(Dictionary<string, string> files) => new(files.Keys, path => files[path]);
}
