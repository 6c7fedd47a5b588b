using System.Text.RegularExpressions;
using Infra.Core.Naming;
using Infra.Core.Settings;

namespace Infra.Core.Lambda;

/// <summary>The layer a function gets, and how the layer must be switched on.</summary>
/// <param name="ExecWrapper">The value of AWS_LAMBDA_EXEC_WRAPPER.</param>
internal sealed record LayerChoice(string Arn, string ExecWrapper, string Propagators, AdotLanguage Language);

/// <summary>Either a layer, or why none fits (naming where one would) and which lambda setting to change.</summary>
/// <param name="Setting">The key under adot-tracing:lambda the error belongs to: flavor, architecture, versions.&lt;language&gt;.</param>
internal sealed record LayerResolution(LayerChoice? Choice, string? Error, string Setting = "flavor");

/// <summary>Picks the ADOT layer for a function from the catalog, the stack's region and its lambda settings.</summary>
internal static partial class AdotLayers
{
    /// <param name="javaHandler">For the legacy Java wrapper: request, proxy, stream or sqs.</param>
    public static LayerResolution Resolve(LambdaSettings settings, string region, string runtime, string javaHandler = "request")
    {
        var language = LanguageOf(settings.Flavor, runtime);
        if (language is null)
        {
            return Fail($"runtime '{runtime}' has no ADOT {settings.Flavor.Wire()} layer; supported runtimes: {string.Join(", ", SupportedRuntimes(settings.Flavor))}.");
        }

        if (settings.LayerArn is { } ownArn)
        {
            // An explicit ARN stands in for the catalog's layer; the wrapper and propagators still follow the language.
            return new LayerResolution(
                new LayerChoice(ownArn, ExecWrapperOf(settings.Flavor, language.Value, javaHandler), PropagatorsOf(settings.Flavor, language.Value), language.Value),
                null);
        }

        return settings.Flavor == LayerFlavor.Legacy
            ? ResolveLegacy(settings, region, runtime, language.Value, javaHandler)
            : ResolveDistro(settings, region, runtime, language.Value);
    }

    private static string ExecWrapperOf(LayerFlavor flavor, AdotLanguage language, string javaHandler)
    {
        if (flavor == LayerFlavor.Distro)
        {
            return AdotLayerCatalog.DistroExecWrapper;
        }

        return language == AdotLanguage.JavaWrapper && AdotLayerCatalog.JavaWrapperHandlers.TryGetValue(javaHandler, out var handler)
            ? handler
            : AdotLayerCatalog.Legacy(language).ExecWrapper;
    }

    private static string PropagatorsOf(LayerFlavor flavor, AdotLanguage language) =>
        flavor == LayerFlavor.Legacy ? AdotLayerCatalog.Legacy(language).Propagators : AdotLayerCatalog.DistroPropagators[language];

    public static AdotLanguage? LanguageOf(LayerFlavor flavor, string runtime)
    {
        if (runtime.StartsWith("python", StringComparison.Ordinal))
        {
            return AdotLanguage.Python;
        }

        if (runtime.StartsWith("nodejs", StringComparison.Ordinal))
        {
            return AdotLanguage.NodeJs;
        }

        if (runtime.StartsWith("java", StringComparison.Ordinal))
        {
            return flavor == LayerFlavor.Legacy ? AdotLanguage.JavaWrapper : AdotLanguage.Java;
        }

        if (runtime.StartsWith("dotnet", StringComparison.Ordinal) && flavor == LayerFlavor.Distro)
        {
            return AdotLanguage.DotNet;
        }

        return null;
    }

    private static IEnumerable<string> SupportedRuntimes(LayerFlavor flavor) => flavor == LayerFlavor.Legacy
        ? AdotLayerCatalog.LegacyFamilies.SelectMany(family => family.Runtimes).Distinct()
        : AdotLayerCatalog.DistroRuntimes.Values.SelectMany(runtimes => runtimes).Distinct();

    private static LayerResolution ResolveLegacy(LambdaSettings settings, string region, string runtime, AdotLanguage language, string javaHandler)
    {
        var family = AdotLayerCatalog.Legacy(language);
        if (!family.Runtimes.Contains(runtime))
        {
            return Fail($"the legacy ADOT {family.ConfigKey} layer supports {string.Join(", ", family.Runtimes)}, not '{runtime}'.");
        }

        if (!AdotLayerCatalog.LegacyRegions.Contains(region))
        {
            var distro = AdotLayerCatalog.DistroRegions.Any(row => row.Region == region) ? " It is published there with lambda.flavor 'distro'." : "";
            return Fail($"the legacy ADOT layers are not published in {region}; they are published in: {string.Join(", ", AdotLayerCatalog.LegacyRegions)}.{distro} "
                + "Or set lambda.layerArn.");
        }

        LegacyRelease release;
        if (settings.Versions.TryGetValue(family.ConfigKey, out var wanted))
        {
            var parsed = ParseLegacyVersion(wanted, family);
            if (parsed.Release is null)
            {
                return Fail(parsed.Error!, $"versions.{family.ConfigKey}");
            }

            release = parsed.Release;
        }
        else
        {
            release = family.Releases[0];
        }

        var name = $"{family.NameStem}-{AdotLayerCatalog.ArchitectureSuffix(settings.Architecture)}-ver-{release.Version.Replace('.', '-')}";
        var arn = $"arn:{AwsContext.PartitionOf(region)}:lambda:{region}:{AdotLayerCatalog.LegacyAccount}:layer:{name}:{release.LayerVersion}";
        return new LayerResolution(new LayerChoice(arn, ExecWrapperOf(LayerFlavor.Legacy, language, javaHandler), family.Propagators, language), null);
    }

    private static (LegacyRelease? Release, string? Error) ParseLegacyVersion(string wanted, LegacyLayerFamily family)
    {
        var known = string.Join(", ", family.Releases.Select(release => $"{release.Version} (:{release.LayerVersion})"));
        var match = LegacyVersionPattern().Match(wanted);
        if (!match.Success)
        {
            return (null, $"'{wanted}' is not a layer version; write x.y.z (a known release) or x.y.z:n (layer version n). Known {family.ConfigKey} releases: {known}.");
        }

        var version = match.Groups["version"].Value;
        if (match.Groups["layer"].Success)
        {
            return int.TryParse(match.Groups["layer"].Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var layer) && layer >= 1
                ? (new LegacyRelease(version, layer), null)
                : (null, $"'{wanted}': Lambda layer versions are whole numbers from 1.");
        }

        var release = family.Releases.FirstOrDefault(candidate => candidate.Version == version);
        return release is null
            ? (null, $"{family.ConfigKey} {version} is not a release this catalog knows; known: {known}. Write {version}:<layer version> to use it anyway.")
            : (release, null);
    }

    private static LayerResolution ResolveDistro(LambdaSettings settings, string region, string runtime, AdotLanguage language)
    {
        if (!AdotLayerCatalog.DistroRuntimes[language].Contains(runtime))
        {
            return Fail($"the ADOT distro layer for {language} supports {string.Join(", ", AdotLayerCatalog.DistroRuntimes[language])}, not '{runtime}'.");
        }

        if (language == AdotLanguage.DotNet && settings.Architecture == LambdaArchitecture.Arm64)
        {
            return Fail("the ADOT distro layer for .NET is published for x86_64 only; set lambda.architecture to x86_64.", "architecture");
        }

        var row = AdotLayerCatalog.DistroRegions.FirstOrDefault(candidate => candidate.Region == region);
        if (row is null || !row.LayerVersions.TryGetValue(language, out var layerVersion))
        {
            var where = AdotLayerCatalog.DistroRegions.Where(candidate => candidate.LayerVersions.ContainsKey(language)).Select(candidate => candidate.Region).Order(StringComparer.Ordinal);
            return Fail($"the ADOT distro layer {AdotLayerCatalog.DistroLayerNames[language]} is not published in {region}; it is published in: {string.Join(", ", where)}. "
                + "Or set lambda.layerArn.");
        }

        var key = DistroConfigKey(language);
        if (settings.Versions.TryGetValue(key, out var wanted))
        {
            if (!int.TryParse(wanted, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var pinned) || pinned < 1)
            {
                return Fail($"'{wanted}' is not a layer version number; distro layers are pinned by their Lambda layer version (the catalog's for {region}: {layerVersion}).", $"versions.{key}");
            }

            layerVersion = pinned;
        }

        var arn = $"arn:{AwsContext.PartitionOf(region)}:lambda:{region}:{row.Account}:layer:{AdotLayerCatalog.DistroLayerNames[language]}:{layerVersion}";
        return new LayerResolution(new LayerChoice(arn, ExecWrapperOf(LayerFlavor.Distro, language, javaHandler: ""), PropagatorsOf(LayerFlavor.Distro, language), language), null);
    }

    /// <summary>The lambda.versions key of a distro layer: python, nodejs, java, dotnet.</summary>
    public static string DistroConfigKey(AdotLanguage language) => language.ToString().ToLowerInvariant();

    /// <summary>The keys lambda.versions accepts for a flavor.</summary>
    public static IReadOnlyList<string> VersionKeys(LayerFlavor flavor) => flavor == LayerFlavor.Legacy
        ? AdotLayerCatalog.LegacyFamilies.Select(family => family.ConfigKey).ToList()
        : AdotLayerCatalog.DistroLayerNames.Keys.Select(DistroConfigKey).ToList();

    private static LayerResolution Fail(string error, string setting = "flavor") => new(null, error, setting);

    /// <summary>
    /// Whether a lambda.versions value has the form its flavor takes, whatever runtime the stack's functions use:
    /// legacy layers x.y.z or x.y.z:n, distro layers n; a Lambda layer version number starts at 1.
    /// </summary>
    public static string? VersionFormatError(LayerFlavor flavor, string key, string value)
    {
        if (flavor == LayerFlavor.Distro)
        {
            return int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) && number >= 1
                ? null
                : $"'{value}' is not a layer version number; distro layers are pinned by their Lambda layer version, a whole number from 1.";
        }

        var match = LegacyVersionPattern().Match(value);
        if (!match.Success)
        {
            return $"'{value}' is not a {key} layer version; write x.y.z (a known release) or x.y.z:n (Lambda layer version n, from 1).";
        }

        return match.Groups["layer"].Success && (!int.TryParse(match.Groups["layer"].Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var layer) || layer < 1)
            ? $"'{value}': Lambda layer versions start at 1."
            : null;
    }

    [GeneratedRegex(@"^(?<version>[0-9]+\.[0-9]+\.[0-9]+)(:(?<layer>[0-9]+))?$")]
    private static partial Regex LegacyVersionPattern();
}
