namespace Infra.Core.Settings;

/// <summary>Everything a stack is configured with, validated. Built only by <see cref="StackSettingsParser"/>.</summary>
public sealed record StackSettings(
    string Project,
    string StackName,
    DeploymentEnvironment Environment,
    Profile Profile,
    string Region,
    IamMode IamMode,
    CollectorSettings Collector,
    LambdaSettings Lambda,
    ApiSettings Api,
    SamplingSettings Sampling,
    IReadOnlyList<RouteTraffic> Traffic,
    TrafficSource TrafficSource,
    TransactionSearchSettings TransactionSearch,
    ApplicationSignalsSettings ApplicationSignals,
    IReadOnlyDictionary<string, string> Tags,
    AlertSettings Alerts,
    SloSettings Slo)
{
    /// <summary>The secret texts these settings hold (the app's settings included); the program keeps every input holding one secret.</summary>
    public SecretValues Secrets { get; init; } = SecretValues.None;
}

public sealed record CollectorSettings(
    bool Enabled,
    string InstanceType,
    int MinSize,
    int MaxSize,
    int DesiredCapacity,
    string? VpcId,
    IReadOnlyList<string> SubnetIds,
    SchedulingStrategy SchedulingStrategy,
    int DesiredCount,
    string ImageTag,
    int Cpu,
    int Memory,
    int LogRetentionDays,
    CollectorConfigSettings Config);

/// <param name="BundledPath">A config file the collector image ships under /etc/ecs/; used when Source is bundled.</param>
public sealed record CollectorConfigSettings(CollectorConfigSource Source, string BundledPath);

/// <param name="Versions">Per-language ADOT layer release overrides, e.g. python → "1.25.0".</param>
/// <param name="LayerArn">An explicit layer ARN that replaces the catalog's choice.</param>
public sealed record LambdaSettings(
    LayerFlavor Flavor,
    LambdaArchitecture Architecture,
    IReadOnlyDictionary<string, string> Versions,
    string? LayerArn,
    int MemorySize,
    int TimeoutSeconds,
    int LogRetentionDays);

public sealed record ApiSettings(
    ApiType Type,
    string StageName,
    double ThrottlingRateLimit,
    int ThrottlingBurstLimit,
    int LogRetentionDays);

public sealed record SamplingSettings(
    IReadOnlyList<string> CriticalPaths,
    IReadOnlyList<string> RoutinePaths,
    IReadOnlyList<CustomSamplingRule> Rules);

/// <summary>A rule written out in full under sampling.rules[].</summary>
/// <param name="ServiceName">The service the rule targets; none means this stack's API stage.</param>
/// <param name="ServiceType">The X-Ray service type (origin) of that service; none means the API stage's type when
/// no service is named, any type otherwise.</param>
public sealed record CustomSamplingRule(
    string Name,
    int Priority,
    double FixedRate,
    int ReservoirSize,
    string UrlPath,
    string HttpMethod,
    string Host,
    SamplingBoost? Boost,
    string? ServiceName = null,
    string? ServiceType = null);

/// <summary>X-Ray adaptive sampling: how far the rate may rise on anomalies and how often.</summary>
public sealed record SamplingBoost(double MaxRate, int CooldownWindowMinutes);

/// <summary>Where a stack's traffic for the cost estimate comes from.</summary>
public enum TrafficSource
{
    /// <summary>adot-tracing:traffic in the stack file.</summary>
    StackFile,

    /// <summary>The environment's preset: the stack sets no traffic.</summary>
    Preset,
}

/// <summary>Expected traffic on one route, used by the cost estimate.</summary>
public sealed record RouteTraffic(string Method, string Path, double RequestsPerSecond)
{
    public string Route => $"{Method} {Path}";
}

/// <param name="Enabled">This stack turns Transaction Search on for its account (and owns the account-wide setting).</param>
/// <param name="EnabledElsewhere">Another stack or an account setup has it on; this stack relies on it without owning it.</param>
public sealed record TransactionSearchSettings(bool Enabled, double IndexingPercentage, bool EnabledElsewhere = false)
{
    /// <summary>Whether spans sent to X-Ray land in Transaction Search, which the X-Ray OTLP endpoint requires.</summary>
    public bool OnForAccount => Enabled || EnabledElsewhere;
}
