using Infra.Core.Collector;

namespace Infra.Core.Settings;

/// <summary>How a stack traces: the way AWS recommends today, or the article's way exactly.</summary>
public enum Profile
{
    /// <summary>
    /// AWS's current recommendation: the AWS Distro for OpenTelemetry layers with CloudWatch Application Signals
    /// (https://aws-otel.github.io/docs/getting-started/lambda, which calls the collector layers "the legacy
    /// approach"), a collector config this program renders and scopes its IAM to, current-generation hosts.
    /// </summary>
    Recommended,

    /// <summary>
    /// The article, exactly: the legacy ADOT Python layer 1.25.0, t2.medium collector hosts, the collector image's
    /// bundled default config (/etc/ecs/ecs-default-config.yaml, which exports with awsxray), the article's IAM
    /// (iamMode seed) and no Application Signals.
    /// </summary>
    Article,
}

/// <summary>
/// What a profile decides. It is layered over the environment preset (the environment decides sizes, retention,
/// sampling and protection; the profile decides how tracing is done), and every key a stack file sets explicitly
/// wins over both.
/// </summary>
/// <param name="IamMode">The default of adot-tracing:iamMode.</param>
/// <param name="CollectorInstanceType">The default of collector.instanceType.</param>
/// <param name="CollectorConfig">The default of collector.config (source and bundled file).</param>
/// <param name="LambdaFlavor">The default of lambda.flavor.</param>
/// <param name="LambdaVersions">Layer releases pinned per language; they apply only while lambda.flavor is this
/// profile's flavor (a legacy release means nothing to a distro layer), and lambda.versions adds to them per language.</param>
/// <param name="ApplicationSignals">The default of applicationSignals.enabled (only with the distro layers).</param>
internal sealed record ProfilePreset(
    IamMode IamMode,
    string CollectorInstanceType,
    CollectorConfigSettings CollectorConfig,
    LayerFlavor LambdaFlavor,
    IReadOnlyDictionary<string, string> LambdaVersions,
    bool ApplicationSignals)
{
    /// <summary>The environment preset with this profile's choices put over it.</summary>
    public EnvironmentPreset Over(EnvironmentPreset environment) => environment with
    {
        Collector = environment.Collector with { InstanceType = CollectorInstanceType, Config = CollectorConfig },
        Lambda = environment.Lambda with { Flavor = LambdaFlavor, Versions = LambdaVersions },
    };
}

/// <summary>A stack's profile and the settings in which the stack departs from it (each "key: value", as in the stack file).</summary>
public sealed record ProfileSpec(Profile Name, IReadOnlyList<string> Overrides)
{
    public static ProfileSpec Of(StackSettings settings)
    {
        var preset = ProfilePresets.For(settings.Profile);
        var overrides = new List<string>();
        void Compare<T>(string key, T actual, T expected, Func<T, string> show)
        {
            if (!EqualityComparer<T>.Default.Equals(actual, expected))
            {
                overrides.Add($"{key}: {show(actual)}");
            }
        }

        Compare(ConfigKeys.IamMode, settings.IamMode, preset.IamMode, mode => mode.Wire());
        Compare("collector.instanceType", settings.Collector.InstanceType, preset.CollectorInstanceType, type => type);
        Compare("collector.config.source", settings.Collector.Config.Source, preset.CollectorConfig.Source, source => source.Wire());

        // bundledPath is refused next to a custom source, so only a bundled one can depart from the profile's.
        Compare("collector.config.bundledPath", settings.Collector.Config.BundledPath, preset.CollectorConfig.BundledPath, path => path);

        Compare("lambda.flavor", settings.Lambda.Flavor, preset.LambdaFlavor, flavor => flavor.Wire());
        // A pin of the profile's flavor never equals a valid version of the other flavor (x.y.z against a layer version
        // number), so the profile's pins can be compared whatever the flavor.
        foreach (var (language, version) in settings.Lambda.Versions.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            Compare($"lambda.versions.{language}", version, preset.LambdaVersions.GetValueOrDefault(language), value => value!);
        }

        // Application Signals is on by default where both the profile and the environment's preset say so.
        var signalsDefault = preset.ApplicationSignals && EnvironmentPresets.For(settings.Environment).ApplicationSignals;
        Compare("applicationSignals.enabled", settings.ApplicationSignals.Enabled, signalsDefault && settings.Lambda.Flavor == LayerFlavor.Distro,
            enabled => enabled ? "true" : "false");
        return new ProfileSpec(settings.Profile, overrides);
    }
}

internal static class ProfilePresets
{
    /// <summary>The profile of a stack that sets none (Pulumi.yaml declares it as the default of adot-tracing:profile).</summary>
    public const Profile Default = Profile.Recommended;

    public static ProfilePreset For(Profile profile) => profile switch
    {
        Profile.Recommended => Recommended,
        Profile.Article => Article,
        _ => throw new ArgumentOutOfRangeException(nameof(profile), profile, null),
    };

    // t3 is the current generation of the burstable t2 the article runs (same 2 vCPU and 4 GiB, lower price);
    // the custom config is the one this program renders, and so the one its least-privilege IAM is scoped to.
    private static readonly ProfilePreset Recommended = new(
        IamMode: IamMode.LeastPrivilege,
        CollectorInstanceType: "t3.medium",
        CollectorConfig: new CollectorConfigSettings(CollectorConfigSource.Custom, BundledConfigs.Default),
        LambdaFlavor: LayerFlavor.Distro,
        LambdaVersions: new Dictionary<string, string>(),
        ApplicationSignals: true);

    private static readonly ProfilePreset Article = new(
        IamMode: IamMode.Seed,
        CollectorInstanceType: "t2.medium",
        CollectorConfig: new CollectorConfigSettings(CollectorConfigSource.Bundled, BundledConfigs.Default),
        LambdaFlavor: LayerFlavor.Legacy,
        LambdaVersions: new Dictionary<string, string> { ["python"] = "1.25.0" },
        ApplicationSignals: false);
}
