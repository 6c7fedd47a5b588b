using Infra.Core.Lambda;
using Infra.Core.Settings;

namespace Infra.Core.Tests.Lambda;

/// <summary>
/// The distro part of the layer catalog against a recorded copy of its source (distro-layer-arns.tsv, which
/// names the source and commit): every published layer resolves to exactly its ARN, and the catalog claims no
/// layer the source does not list.
/// </summary>
public class DistroCatalogSnapshotTests
{
    private static readonly Dictionary<string, string> RuntimeOf = new()
    {
        ["python"] = "python3.12",
        ["nodejs"] = "nodejs20.x",
        ["java"] = "java21",
        ["dotnet"] = "dotnet8",
    };

    private static IReadOnlyList<(string Language, string Region, string Arn)> Published()
    {
        var path = Path.Combine(ProjectRoot.Find(AppContext.BaseDirectory), "tests", "Infra.Core.Tests", "Lambda", "distro-layer-arns.tsv");
        return File.ReadAllLines(path)
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t'))
            .Select(fields => (fields[0], fields[1], fields[2]))
            .ToList();
    }

    private static LambdaSettings Distro(Dictionary<string, string>? versions = null) =>
        new(LayerFlavor.Distro, LambdaArchitecture.X86_64, versions ?? [], null, 256, 10, 7);

    [Fact]
    public void EveryPublishedDistroLayerResolvesToItsArn()
    {
        var published = Published();
        Assert.Equal(141, published.Count);
        var resolved = published.Select(row => (row.Language, row.Region, AdotLayers.Resolve(Distro(), row.Region, RuntimeOf[row.Language]).Choice?.Arn));
        Assert.Equal(published.Select(row => (row.Language, row.Region, (string?)row.Arn)), resolved);
    }

    [Fact]
    public void TheCatalogListsNoDistroLayerTheSourceDoesNot()
    {
        var published = Published().Select(row => (row.Language, row.Region)).ToHashSet();
        var catalog = AdotLayerCatalog.DistroRegions
            .SelectMany(row => row.LayerVersions.Keys.Select(language => (AdotLayers.DistroConfigKey(language), row.Region)))
            .ToHashSet();
        Assert.Equal(published.Order(), catalog.Order());
    }
}
