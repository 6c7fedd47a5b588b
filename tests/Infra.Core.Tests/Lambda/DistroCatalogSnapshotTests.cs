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

    /// <summary>
    /// The runtimes the distro layers support, as Lambda runtime identifiers (aws-otel/aws-otel.github.io,
    /// src/config/supportedRuntimes.js at commit 061992d15f65475e140fbaf2eefbd8c5ff2c3763: Python 3.10-3.13,
    /// Node.js 18.x-22.x, Java 11/17/21, .NET 8).
    /// </summary>
    [Theory]
    [InlineData("python", "python3.10 python3.11 python3.12 python3.13", "python3.9")]
    [InlineData("nodejs", "nodejs18.x nodejs20.x nodejs22.x", "nodejs16.x")]
    [InlineData("java", "java11 java17 java21", "java8.al2")]
    [InlineData("dotnet", "dotnet8", "dotnet6")]
    public void DistroLayersServeExactlyTheRuntimesThePublisherSupports(string language, string supported, string unsupported)
    {
        foreach (var runtime in supported.Split(' '))
        {
            Assert.Equal(AdotLayers.Resolve(Distro(), "us-west-2", RuntimeOf[language]).Choice!.Arn, AdotLayers.Resolve(Distro(), "us-west-2", runtime).Choice?.Arn);
        }

        Assert.Null(AdotLayers.Resolve(Distro(), "us-west-2", unsupported).Choice);
        var catalog = AdotLayerCatalog.DistroRuntimes.Single(pair => AdotLayers.DistroConfigKey(pair.Key) == language).Value;
        Assert.Equal(supported.Split(' '), catalog);
    }
}
