namespace Delivery.Tests.Docs;

/// <summary>The changelog checker on small changelogs written here, and on the repository's CHANGELOG.md.</summary>
public sealed class ChangelogFormTests
{
    private static readonly DateOnly Today = new(2025, 6, 1);

    // Shaped as Keep a Changelog 1.1.0's own example (https://keepachangelog.com/en/1.1.0/).
    private const string InForm = """
        # Changelog

        All notable changes to this project will be documented in this file.

        ## [Unreleased]

        ### Added

        - A thing not released yet.

        ## [1.1.0] - 2025-05-20

        ### Fixed

        - A bug.

        ### Added

        - A feature.

        ## [1.0.0] - 2025-05-20

        ### Security

        - A fix.

        ## [1.0.0-rc.1] - 2025-04-01 [YANKED]

        ### Removed

        - Something.

        [unreleased]: https://example.com/compare/v1.1.0...HEAD
        [1.1.0]: https://example.com/compare/v1.0.0...v1.1.0
        """;

    [Fact]
    public void AChangelogInFormPasses() => Assert.Empty(ChangelogForm.Check(InForm, Today));

    [Theory]
    [InlineData("### Fixed\n", "### Bugfixes\n", "'### Bugfixes' under '## [1.1.0] - 2025-05-20' is not a type of change")]
    [InlineData("## [1.0.0] - 2025-05-20", "## [1.0.0] - 2025-05-21", "[1.0.0] is dated 2025-05-21, after [1.1.0] above it (2025-05-20)")]
    [InlineData("## [1.1.0] - 2025-05-20", "## [0.9.0] - 2025-05-20", "[1.0.0] follows [0.9.0]")]
    [InlineData("## [1.0.0] - 2025-05-20", "## [1.1.0] - 2025-05-20", "[1.1.0] follows [1.1.0]")]
    [InlineData("## [1.0.0-rc.1]", "## [1.0.1-rc.1]", "[1.0.1-rc.1] follows [1.0.0] (line 21)")]
    [InlineData("## [1.1.0] - 2025-05-20", "## [1.1.0] - 2025-06-02", "[1.1.0] is dated 2025-06-02, after today (2025-06-01)")]
    [InlineData("## [1.1.0] - 2025-05-20", "## [1.1.0] - 2025-02-30", "2025-02-30 is not a date")]
    [InlineData("## [1.1.0] - 2025-05-20", "## [1.1] - 2025-05-20", "1.1 is not a Semantic Version")]
    [InlineData("## [1.1.0] - 2025-05-20", "## 1.1.0 (2025-05-20)", "'## 1.1.0 (2025-05-20)' is not a release heading")]
    [InlineData("## [Unreleased]\n\n### Added\n\n- A thing not released yet.\n", "", "the first version heading is '## [1.1.0] - 2025-05-20', expected '## [Unreleased]'")]
    [InlineData("# Changelog", "# Release notes", "the title is '# Release notes', expected '# Changelog'")]
    [InlineData("### Security\n\n- A fix.\n", "### Security\n", "'### Security' under '## [1.0.0] - 2025-05-20' lists no change")]
    [InlineData("### Added\n\n- A feature.\n", "### Fixed\n\n- Another.\n", "'### Fixed' appears twice under '## [1.1.0] - 2025-05-20'")]
    [InlineData("[1.1.0]: https://example.com/compare/v1.0.0...v1.1.0", "## [Unreleased]\n\n### Added\n\n- Late.", "'## [Unreleased]' comes once, before every release")]
    public void ADepartureFromTheFormIsNamed(string replace, string with, string expected)
    {
        Assert.Contains(replace, InForm);
        var errors = ChangelogForm.Check(InForm.Replace(replace, with, StringComparison.Ordinal), Today);
        Assert.True(errors.Any(e => e.Contains(expected, StringComparison.Ordinal)), $"expected '{expected}' among:\n{string.Join("\n", errors)}");
    }

    [Fact]
    public void EveryProblemIsListedWithItsLine()
    {
        var errors = ChangelogForm.Check("# Changes\n\n## [1.0] - 2025-01-01\n\n### Misc\n\n- x\n", Today);
        Assert.Equal(
            [
                "line 1: the title is '# Changes', expected '# Changelog'",
                "line 3: the first version heading is '## [1.0] - 2025-01-01', expected '## [Unreleased]'",
                "line 3: 1.0 is not a Semantic Version (MAJOR.MINOR.PATCH, https://semver.org/spec/v2.0.0.html)",
                "line 5: '### Misc' under '## [1.0] - 2025-01-01' is not a type of change; expected one of Added, Changed, Deprecated, Removed, Fixed, Security",
                "no '## [Unreleased]' section: it comes first, above the releases",
            ],
            errors);
    }

    [Fact]
    public void HeadingsInsideCodeBlocksAreNotSections() =>
        Assert.Empty(ChangelogForm.Check(InForm.Replace("- A bug.", "- A bug:\n\n  ```md\n  ### Bugfixes\n  ## [9.9.9] - 2099-01-01\n  ```", StringComparison.Ordinal), Today));

    // semver.org §11's example: 1.0.0-alpha < 1.0.0-alpha.1 < 1.0.0-alpha.beta < 1.0.0-beta < 1.0.0-beta.2 < 1.0.0-beta.11 < 1.0.0-rc.1 < 1.0.0,
    // and §11.2: 1.0.0 < 2.0.0 < 2.1.0 < 2.1.1.
    [Fact]
    public void VersionsRankAsSemVerSaysInclusivePrereleases()
    {
        string[] ascending = ["1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "2.0.0", "2.1.0", "2.1.1", "10.0.0"];
        var versions = ascending.Select(v => SemanticVersion.TryParse(v, out var parsed) ? parsed : throw new InvalidOperationException(v)).ToList();
        for (var i = 0; i < versions.Count; i++)
        {
            for (var j = 0; j < versions.Count; j++)
            {
                Assert.True(Math.Sign(versions[i].CompareTo(versions[j])) == i.CompareTo(j), $"{versions[i]} vs {versions[j]}");
            }
        }
    }

    [Theory]
    [InlineData("1.0")]
    [InlineData("01.0.0")]
    [InlineData("1.0.0-")]
    [InlineData("v1.0.0")]
    public void NotSemanticVersions(string text) => Assert.False(SemanticVersion.TryParse(text, out _));

    [Fact]
    public void TheRepositorysChangelogIsInForm()
    {
        Assert.Contains("CHANGELOG.md", RepositoryFiles.All);
        // A day's grace: a release dated in a time zone ahead of UTC is not in the future.
        var today = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1);
        var errors = ChangelogForm.Check(RepositoryFiles.Read("CHANGELOG.md"), today);
        Assert.True(errors.Count == 0, "CHANGELOG.md:\n" + string.Join("\n", errors));
    }
}
