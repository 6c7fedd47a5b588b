using System.Text.Json;
using System.Text.Json.Nodes;
using Infra.Core.Naming;
using Infra.Core.Settings;

namespace Infra.Core.Lambda;

/// <summary>
/// The layer catalog as JSON, for readers outside .NET: the policy pack under policy/ reads
/// <see cref="RelativePath"/> to check and instrument functions of any stack, so the layer and wrapper facts exist
/// once, in <see cref="AdotLayerCatalog"/>. scripts/export-layer-catalog writes the file; a test fails when the
/// committed file differs from what this class writes.
/// </summary>
internal static class AdotLayerCatalogExport
{
    /// <summary>Where the file is committed, relative to the repository root.</summary>
    public const string RelativePath = "policy/data/adot-layers.json";

    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, NewLine = "\n" };

    private static readonly LambdaArchitecture[] Architectures = [LambdaArchitecture.X86_64, LambdaArchitecture.Arm64];

    public static string ToJson() => Catalog().ToJsonString(Options) + "\n";

    private static JsonObject Catalog() => new()
    {
        ["generatedBy"] = "scripts/export-layer-catalog from infra/Infra.Core/Lambda/AdotLayerCatalog.cs. Do not edit: change the catalog and export again.",
        ["sources"] = Strings(
            "https://aws-otel.github.io/docs/getting-started/lambda",
            "https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch-Application-Signals-Enable-LambdaMain.html",
            "https://aws-otel.github.io/docs/getting-started/lambda/lambda-python",
            "https://aws-otel.github.io/docs/getting-started/lambda/lambda-js",
            "https://aws-otel.github.io/docs/getting-started/lambda/lambda-java"),
        ["execWrapperVariable"] = "AWS_LAMBDA_EXEC_WRAPPER",
        ["distro"] = Distro(),
        ["legacy"] = Legacy(),
    };

    private static JsonObject Distro()
    {
        var languages = new JsonArray();
        foreach (var (language, layerName) in AdotLayerCatalog.DistroLayerNames)
        {
            languages.Add(new JsonObject
            {
                ["key"] = AdotLayers.DistroConfigKey(language),
                ["layerName"] = layerName,
                ["runtimes"] = Strings(AdotLayerCatalog.DistroRuntimes[language]),
                ["architectures"] = Strings(ArchitecturesOf(LayerFlavor.Distro, language, AdotLayerCatalog.DistroRuntimes[language][0])),
                ["propagators"] = AdotLayerCatalog.DistroPropagators[language],
            });
        }

        var regions = new JsonArray();
        foreach (var row in AdotLayerCatalog.DistroRegions.OrderBy(row => row.Region, StringComparer.Ordinal))
        {
            var versions = new JsonObject();
            foreach (var (language, version) in row.LayerVersions.OrderBy(pair => pair.Key))
            {
                versions[AdotLayers.DistroConfigKey(language)] = version;
            }

            regions.Add(new JsonObject
            {
                ["region"] = row.Region,
                ["partition"] = AwsContext.PartitionOf(row.Region),
                ["account"] = row.Account,
                ["layerVersions"] = versions,
            });
        }

        return new JsonObject
        {
            ["execWrapper"] = AdotLayerCatalog.DistroExecWrapper,
            ["languages"] = languages,
            ["regions"] = regions,
        };
    }

    private static JsonObject Legacy()
    {
        var families = new JsonArray();
        foreach (var family in AdotLayerCatalog.LegacyFamilies)
        {
            var wrappers = family.Language == AdotLanguage.JavaWrapper
                ? AdotLayerCatalog.JavaWrapperHandlers.Values.Distinct().ToList()
                : [family.ExecWrapper];
            var releases = new JsonArray();
            foreach (var release in family.Releases)
            {
                releases.Add(new JsonObject { ["version"] = release.Version, ["layerVersion"] = release.LayerVersion });
            }

            families.Add(new JsonObject
            {
                ["key"] = family.ConfigKey,
                ["nameStem"] = family.NameStem,
                ["runtimes"] = Strings(family.Runtimes),
                ["architectures"] = Strings(ArchitecturesOf(LayerFlavor.Legacy, family.Language, family.Runtimes[0])),
                ["execWrapper"] = family.ExecWrapper,
                ["execWrappers"] = Strings(wrappers),
                ["propagators"] = family.Propagators,
                ["releases"] = releases,
            });
        }

        var regions = new JsonArray();
        foreach (var region in AdotLayerCatalog.LegacyRegions.Order(StringComparer.Ordinal))
        {
            regions.Add(new JsonObject { ["region"] = region, ["partition"] = AwsContext.PartitionOf(region) });
        }

        var suffixes = new JsonObject();
        foreach (var architecture in Architectures)
        {
            suffixes[architecture.Wire()] = AdotLayerCatalog.ArchitectureSuffix(architecture);
        }

        return new JsonObject
        {
            ["account"] = AdotLayerCatalog.LegacyAccount,
            ["architectureSuffixes"] = suffixes,
            ["families"] = families,
            ["regions"] = regions,
        };
    }

    /// <summary>
    /// The architectures a layer family serves, as <see cref="AdotLayers.Resolve"/> decides them (the .NET distro
    /// layer is x86_64 only), so the export states Core's rule instead of repeating it.
    /// </summary>
    private static IEnumerable<string> ArchitecturesOf(LayerFlavor flavor, AdotLanguage language, string runtime)
    {
        var region = flavor == LayerFlavor.Legacy
            ? AdotLayerCatalog.LegacyRegions[0]
            : AdotLayerCatalog.DistroRegions.First(row => row.LayerVersions.ContainsKey(language)).Region;
        foreach (var architecture in Architectures)
        {
            var resolution = AdotLayers.Resolve(new LambdaSettings(flavor, architecture, new Dictionary<string, string>(), null, 128, 3, 1), region, runtime);
            if (resolution.Choice is not null)
            {
                yield return architecture.Wire();
            }
            else if (resolution.Setting != "architecture")
            {
                throw new InvalidOperationException($"{flavor.Wire()} layer of {language} on {runtime} in {region}: {resolution.Error}");
            }
        }
    }

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(value => (JsonNode)JsonValue.Create(value))]);

    private static JsonArray Strings(params string[] values) => Strings(values.AsEnumerable());
}
