using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Delivery.Tests.Package;

/// <summary>
/// The packages carry the version of the newest release in CHANGELOG.md: AdotTracing.Core, AdotTracing.Components, the
/// provider and the schema it serves. Keep a Changelog names a release "## [X.Y.Z] - YYYY-MM-DD"
/// (https://keepachangelog.com/en/1.1.0/); a release noted there without its version in the packages, or a package
/// bumped without a release note, fails here.
/// </summary>
public sealed partial class ReleaseVersionTests
{
    [Fact]
    public void EveryPackageCarriesTheNewestReleasedVersion()
    {
        var released = NewestRelease(File.ReadAllLines(Path.Combine(PackageSchema.Root, "CHANGELOG.md")));
        var versions = new Dictionary<string, string?>
        {
            ["infra/Infra.Core/Infra.Core.csproj"] = ProjectVersion("infra/Infra.Core/Infra.Core.csproj"),
            ["infra/Infra.Components/Infra.Components.csproj"] = ProjectVersion("infra/Infra.Components/Infra.Components.csproj"),
            ["infra/Infra.Provider/Infra.Provider.csproj"] = ProjectVersion("infra/Infra.Provider/Infra.Provider.csproj"),
            ["infra/Infra.Provider/schema.json"] = (string?)PackageSchema.Schema["version"],
        };

        Assert.All(versions, pair => Assert.True(pair.Value == released, $"{pair.Key} has version {pair.Value ?? "(none)"}; CHANGELOG.md's newest release is {released}"));
    }

    [Fact]
    public void TheNewestReleaseIsTheFirstVersionHeadingBelowUnreleased()
    {
        string[] changelog =
        [
            "# Changelog", "## [Unreleased]", "### Added", "- x",
            "## [1.2.0] - 2026-01-02", "### Fixed", "- y",
            "## [1.1.0] - 2025-12-01", "### Added", "- z",
        ];

        Assert.Equal("1.2.0", NewestRelease(changelog));
    }

    private static string NewestRelease(IEnumerable<string> changelog) =>
        changelog.Select(line => ReleaseHeading().Match(line)).First(match => match.Success).Groups["version"].Value;

    private static string? ProjectVersion(string path) =>
        XDocument.Load(Path.Combine(PackageSchema.Root, path)).Descendants("Version").SingleOrDefault()?.Value;

    [GeneratedRegex(@"^## \[(?<version>\d+\.\d+\.\d+)\] - \d{4}-\d{2}-\d{2}$")]
    private static partial Regex ReleaseHeading();
}
