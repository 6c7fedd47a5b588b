using System.Text.Json.Nodes;
using Infra.Core.Lambda;
using Infra.Core.Settings;

namespace Infra.Core.Tests.Lambda;

/// <summary>
/// The policy pack (policy/) reads the layer catalog from policy/data/adot-layers.json. That file is the catalog's
/// export, committed: it must be exactly what <see cref="AdotLayerCatalogExport"/> writes now, and its rows must name
/// the layers <see cref="AdotLayers.Resolve"/> picks, in the way the pack builds ARNs from them.
/// scripts/export-layer-catalog (UPDATE_LAYER_CATALOG=1) rewrites the file.
/// </summary>
public class LayerCatalogExportTests
{
    private const string UpdateVariable = "UPDATE_LAYER_CATALOG";

    private static string CommittedPath => Path.Combine(ProjectRoot.Find(AppContext.BaseDirectory), AdotLayerCatalogExport.RelativePath);

    private static JsonNode Committed() => JsonNode.Parse(File.ReadAllText(CommittedPath))!;

    private static LambdaSettings Settings(LayerFlavor flavor, LambdaArchitecture architecture = LambdaArchitecture.X86_64) =>
        new(flavor, architecture, new Dictionary<string, string>(), null, 256, 10, 7);

    [Fact]
    public void TheCommittedFileIsTheCatalogsExport()
    {
        var exported = AdotLayerCatalogExport.ToJson();
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(CommittedPath)!);
            File.WriteAllText(CommittedPath, exported);
            return;
        }

        Assert.True(File.Exists(CommittedPath), $"{AdotLayerCatalogExport.RelativePath} is missing; run scripts/export-layer-catalog.");
        Assert.True(File.ReadAllText(CommittedPath).Replace("\r\n", "\n", StringComparison.Ordinal) == exported,
            $"{AdotLayerCatalogExport.RelativePath} differs from the layer catalog (infra/Infra.Core/Lambda/AdotLayerCatalog.cs); "
            + "run scripts/export-layer-catalog and commit the file.");
    }

    [Fact]
    public void EveryDistroRowNamesTheLayerCoreResolves()
    {
        var distro = Committed()["distro"]!;
        var checkedRows = 0;
        foreach (var language in distro["languages"]!.AsArray())
        {
            var runtime = (string)language!["runtimes"]![0]!;
            foreach (var row in distro["regions"]!.AsArray())
            {
                var region = (string)row!["region"]!;
                var version = row["layerVersions"]![(string)language["key"]!];
                var resolved = AdotLayers.Resolve(Settings(LayerFlavor.Distro), region, runtime).Choice;
                if (version is null)
                {
                    Assert.Null(resolved);
                    continue;
                }

                var arn = $"arn:{row["partition"]}:lambda:{region}:{row["account"]}:layer:{language["layerName"]}:{version}";
                Assert.Equal(resolved?.Arn, arn);
                Assert.Equal(resolved!.ExecWrapper, (string)distro["execWrapper"]!);
                checkedRows++;
            }
        }

        Assert.True(checkedRows > 100, $"only {checkedRows} distro layers checked");
    }

    [Fact]
    public void EveryLegacyFamilyNamesTheNewestReleaseCoreResolvesInEveryRegionAndArchitecture()
    {
        var legacy = Committed()["legacy"]!;
        foreach (var family in legacy["families"]!.AsArray())
        {
            var newest = family!["releases"]![0]!;
            foreach (var runtime in family["runtimes"]!.AsArray().Select(node => (string)node!))
            {
                foreach (var row in legacy["regions"]!.AsArray())
                {
                    foreach (var (architecture, suffix) in new[] { (LambdaArchitecture.X86_64, "x86_64"), (LambdaArchitecture.Arm64, "arm64") })
                    {
                        var region = (string)row!["region"]!;
                        var name = $"{family["nameStem"]}-{legacy["architectureSuffixes"]![suffix]}-ver-{((string)newest["version"]!).Replace('.', '-')}";
                        var arn = $"arn:{row["partition"]}:lambda:{region}:{legacy["account"]}:layer:{name}:{newest["layerVersion"]}";
                        var choice = AdotLayers.Resolve(Settings(LayerFlavor.Legacy, architecture), region, runtime).Choice;
                        Assert.Equal(choice?.Arn, arn);
                        Assert.Equal(choice!.ExecWrapper, (string)family["execWrapper"]!);
                    }
                }
            }
        }
    }

    [Fact]
    public void TheDotNetDistroLayerIsExportedForX86Only()
    {
        // Core refuses arm64 for the .NET distro layer; the export carries that refusal instead of restating it.
        var dotnet = Committed()["distro"]!["languages"]!.AsArray().Single(language => (string)language!["key"]! == "dotnet")!;
        Assert.Equal(["x86_64"], dotnet["architectures"]!.AsArray().Select(node => (string)node!));
        Assert.Equal("architecture", AdotLayers.Resolve(Settings(LayerFlavor.Distro, LambdaArchitecture.Arm64), "us-east-1", "dotnet8").Setting);
    }
}
