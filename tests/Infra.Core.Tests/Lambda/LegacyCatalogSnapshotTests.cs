using System.Text.RegularExpressions;
using Infra.Core.Lambda;
using Infra.Core.Settings;

namespace Infra.Core.Tests.Lambda;

/// <summary>
/// The legacy part of the layer catalog against a recorded copy of its source (legacy-layer-arns.tsv, which names
/// the pages and commits): every published release resolves to its ARN in every listed region and architecture, the
/// newest one when nothing is pinned, on exactly the runtimes the page lists.
/// </summary>
public partial class LegacyCatalogSnapshotTests
{
    private sealed record Published(string Key, string ArnFormat, string[] Regions, string[] Runtimes)
    {
        /// <summary>The release as lambda.versions takes it: ...-ver-1-32-0:2 is 1.32.0.</summary>
        public string Release => ReleaseInFormat().Match(ArnFormat).Groups["release"].Value.Replace('-', '.');

        public string Arn(string region, string architecture) =>
            ArnFormat.Replace("<region>", region, StringComparison.Ordinal).Replace("<architecture>", architecture, StringComparison.Ordinal);
    }

    private static readonly (LambdaArchitecture Setting, string InName)[] Architectures =
        [(LambdaArchitecture.X86_64, "amd64"), (LambdaArchitecture.Arm64, "arm64")];

    private static IReadOnlyList<Published> Recorded()
    {
        var path = Path.Combine(ProjectRoot.Find(AppContext.BaseDirectory), "tests", "Infra.Core.Tests", "Lambda", "legacy-layer-arns.tsv");
        return File.ReadAllLines(path)
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t'))
            .Select(fields => new Published(fields[0], fields[1], fields[2].Split(' '), fields[3].Split(' ')))
            .ToList();
    }

    private static LambdaSettings Legacy(LambdaArchitecture architecture, Dictionary<string, string>? versions = null) =>
        new(LayerFlavor.Legacy, architecture, versions ?? [], null, 256, 10, 7);

    /// <summary>The families a function's runtime selects (a Java runtime gets the wrapper layer).</summary>
    public static TheoryData<string> ResolvableKeys() => new() { "python", "nodejs", "java-wrapper" };

    [Fact]
    public void TheRecordingHoldsEightReleasesOfThreeFamilies()
    {
        var recorded = Recorded();
        Assert.Equal(8, recorded.Count);
        Assert.Equal(["python", "nodejs", "java-wrapper"], recorded.Select(row => row.Key).Distinct());
    }

    [Theory]
    [MemberData(nameof(ResolvableKeys))]
    public void EveryPublishedReleaseResolvesToItsArnInEveryRegionAndArchitecture(string key)
    {
        var rows = Recorded().Where(row => row.Key == key).ToList();
        Assert.NotEmpty(rows);
        var expected = new List<string?>();
        var resolved = new List<string?>();
        foreach (var row in rows)
        {
            foreach (var region in row.Regions)
            {
                foreach (var (setting, inName) in Architectures)
                {
                    expected.Add(row.Arn(region, inName));
                    var pinned = Legacy(setting, new() { [key] = row.Release });
                    resolved.Add(AdotLayers.Resolve(pinned, region, row.Runtimes[0]).Choice?.Arn);
                }
            }
        }

        Assert.Equal(expected, resolved);
    }

    [Theory]
    [MemberData(nameof(ResolvableKeys))]
    public void WithoutAPinTheNewestPublishedReleaseIsUsed(string key)
    {
        var newest = Recorded().First(row => row.Key == key);
        foreach (var (setting, inName) in Architectures)
        {
            Assert.Equal(newest.Arn("us-east-1", inName), AdotLayers.Resolve(Legacy(setting), "us-east-1", newest.Runtimes[^1]).Choice?.Arn);
        }
    }

    /// <param name="outside">A runtime of the language the page does not list.</param>
    [Theory]
    [InlineData("python", "python3.7")]
    [InlineData("nodejs", "nodejs16.x")]
    [InlineData("java-wrapper", "java21")]
    public void EachFamilyServesExactlyThePublishedRuntimes(string key, string outside)
    {
        var runtimes = Recorded().First(row => row.Key == key).Runtimes;
        var resolvable = runtimes.Where(runtime => AdotLayers.Resolve(Legacy(LambdaArchitecture.X86_64), "us-west-2", runtime).Choice is not null);
        Assert.Equal(runtimes, resolvable);
        var refused = AdotLayers.Resolve(Legacy(LambdaArchitecture.X86_64), "us-west-2", outside);
        Assert.Null(refused.Choice);
        Assert.Equal($"the legacy ADOT {key} layer supports {string.Join(", ", runtimes)}, not '{outside}'.", refused.Error);
    }

    /// <summary>The Java agent layer is chosen by no runtime, so its row of the catalog is compared as data.</summary>
    [Fact]
    public void TheCatalogHoldsExactlyThePublishedReleasesAndRuntimesOfEachFamily()
    {
        var recorded = Recorded()
            .Select(row => $"{row.Key} {row.ArnFormat} [{string.Join(' ', row.Runtimes)}]")
            .ToList();
        var catalog = AdotLayerCatalog.LegacyFamilies
            .SelectMany(family => family.Releases.Select(release =>
                $"{family.ConfigKey} arn:aws:lambda:<region>:{AdotLayerCatalog.LegacyAccount}:layer:{family.NameStem}-<architecture>-ver-{release.Version.Replace('.', '-')}:{release.LayerVersion} [{string.Join(' ', family.Runtimes)}]"))
            .ToList();
        Assert.Equal(recorded, catalog);
    }

    [Fact]
    public void TheLegacyLayersArePublishedInExactlyTheListedRegions()
    {
        var regions = Recorded().Select(row => string.Join(' ', row.Regions)).Distinct().Single().Split(' ');
        Assert.Equal(16, regions.Length);
        Assert.Equal(regions, AdotLayerCatalog.LegacyRegions);
        // Every other region the distro layers reach has no legacy layer.
        var elsewhere = AdotLayerCatalog.DistroRegions.Select(row => row.Region).Except(regions).ToList();
        Assert.NotEmpty(elsewhere);
        Assert.All(elsewhere, region => Assert.Null(AdotLayers.Resolve(Legacy(LambdaArchitecture.X86_64), region, "python3.12").Choice));
    }

    [GeneratedRegex(@"-ver-(?<release>[0-9]+-[0-9]+-[0-9]+):")]
    private static partial Regex ReleaseInFormat();
}
