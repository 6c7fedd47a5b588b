namespace Infra.Core.Settings;

/// <summary>
/// Per-environment defaults. A stack file only overrides what differs; everything else comes from here.
/// dev is cheap and traces everything, prod is sized for availability and samples with care.
/// </summary>
internal sealed record EnvironmentPreset(
    CollectorSettings Collector,
    LambdaSettings Lambda,
    ApiSettings Api,
    SamplingSettings Sampling,
    SamplingRates Rates,
    bool GroupInsights,
    DataProtection Protection,
    LogPreset Logs,
    bool ApplicationSignals,
    IReadOnlyList<RouteTraffic> Traffic);

/// <summary>The CloudWatch Logs class of a log group, as CreateLogGroup takes it; set at creation and never changed.
/// https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_CreateLogGroup.html</summary>
public enum LogGroupClass
{
    /// <summary>Every CloudWatch Logs feature, metric filters and subscription filters included.</summary>
    Standard,

    /// <summary>Half the ingestion price; no metric filters, subscription filters or Live Tail.
    /// https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/CloudWatch_Logs_Log_Classes.html</summary>
    InfrequentAccess,
}

/// <summary>How much an environment logs.</summary>
/// <param name="AccessLogClass">The API access log group's class. Nothing reads that group with a metric or subscription
/// filter, so it may be Infrequent Access; dev keeps Standard for Live Tail while developing.</param>
/// <param name="FunctionApplicationLogLevel">Lambda's application log level (JSON log format): lines the handler writes
/// below it never reach CloudWatch. The system level stays INFO, the level that emits platform.report, which the
/// init-duration metric filters read.</param>
internal sealed record LogPreset(LogGroupClass AccessLogClass, string FunctionApplicationLogLevel);

/// <summary>
/// How Pulumi guards one resource that holds data. Protect: `pulumi up` and `pulumi destroy` refuse to delete or
/// replace it until someone runs `pulumi state unprotect`. Retain on delete: when Pulumi does delete it, the
/// resource stays in AWS and only leaves the stack.
/// https://www.pulumi.com/docs/iac/concepts/options/protect/, https://www.pulumi.com/docs/iac/concepts/options/retainondelete/
/// </summary>
public sealed record ResourceProtection(bool Protect, bool RetainOnDelete)
{
    public static readonly ResourceProtection None = new(Protect: false, RetainOnDelete: false);
}

/// <summary>What guards an environment's data against accidental deletion.</summary>
/// <param name="Table">The DynamoDB table, the only durable copy of the questions.</param>
/// <param name="Queues">The queue (questions in flight) and its dead-letter queue (questions the consumer failed on).</param>
/// <param name="LogGroups">Log groups the stack creates (API access logs, function and collector logs).</param>
/// <param name="TableDeletionProtection">DynamoDB's own deletion protection: refuses DeleteTable from any client, console included.</param>
/// <param name="PointInTimeRecovery">DynamoDB continuous backups: restore the table to any second of the last 35 days.</param>
internal sealed record DataProtection(
    ResourceProtection Table,
    ResourceProtection Queues,
    ResourceProtection LogGroups,
    bool TableDeletionProtection,
    bool PointInTimeRecovery)
{
    /// <summary>dev and staging: nothing in the way of tearing a stack down and building it again.</summary>
    public static readonly DataProtection None = new(ResourceProtection.None, ResourceProtection.None, ResourceProtection.None, false, false);
}

/// <summary>How each class of path is sampled in an environment.</summary>
/// <param name="Critical">Applied to every path in sampling.criticalPaths.</param>
/// <param name="Routine">Applied to every path in sampling.routinePaths.</param>
/// <param name="Fallback">The stack's catch-all rule for every other request to its API stage.</param>
internal sealed record SamplingRates(RuleRate Critical, RuleRate Routine, RuleRate Fallback);

/// <summary>A generated rule's reservoir (traces per second) and fixed rate. Generated rules are scoped to the API
/// stage, where X-Ray's adaptive boost never fires, so they carry no boost.</summary>
internal sealed record RuleRate(int ReservoirSize, double FixedRate);

internal static class EnvironmentPresets
{
    /// <summary>The collector image version every environment runs unless collector.imageTag says otherwise.</summary>
    // The newest aws-otel-collector release (VERSION file of aws-observability/aws-otel-collector, read 2026-11-25).
    public const string CollectorImageTag = "v0.49.0";

    public static readonly IReadOnlyList<string> DefaultCriticalPaths = ["/chat*"];

    /// <summary>Health checks, and paths browsers and crawlers ask for that reach the stage without a route (API Gateway
    /// answers them itself, and still traces them).</summary>
    public static readonly IReadOnlyList<string> DefaultRoutinePaths = ["/health*", "/static/*", "/favicon.ico"];

    /// <summary>prod's reference traffic, which the cost estimate uses when a prod stack sets none: the API's two routes.</summary>
    public static readonly IReadOnlyList<RouteTraffic> ReferenceTraffic =
    [
        new("POST", "/chat", 50),
        new("GET", "/health", 45),
    ];

    /// <summary>Lambda's system log level that emits platform.start and platform.report; WARN would drop the report lines the
    /// init-duration metric filters read. https://docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs-log-level.html</summary>
    public const string FunctionSystemLogLevel = "INFO";

    public static EnvironmentPreset For(DeploymentEnvironment environment) => environment switch
    {
        DeploymentEnvironment.Dev => Dev,
        DeploymentEnvironment.Staging => Staging,
        DeploymentEnvironment.Prod => Prod,
        _ => throw new ArgumentOutOfRangeException(nameof(environment), environment, null),
    };

    private static readonly EnvironmentPreset Dev = new(
        Collector: Collector(min: 1, max: 1, desired: 1, desiredCount: 1, retention: 7),
        Lambda: Lambda(memory: 256, timeout: 10, retention: 7),
        Api: new ApiSettings(ApiType.Rest, DeploymentEnvironment.Dev.Wire(), ThrottlingRateLimit: 10, ThrottlingBurstLimit: 20, LogRetentionDays: 7),
        Sampling: DefaultSampling,
        // dev records every request: every class of path at 100 %.
        Rates: new SamplingRates(
            Critical: new RuleRate(ReservoirSize: 1, FixedRate: 1.0),
            Routine: new RuleRate(ReservoirSize: 1, FixedRate: 1.0),
            Fallback: new RuleRate(ReservoirSize: 1, FixedRate: 1.0)),
        GroupInsights: false,
        Protection: DataProtection.None,
        // Live Tail on the access log while developing; handler INFO lines kept.
        Logs: new LogPreset(LogGroupClass.Standard, FunctionApplicationLogLevel: "INFO"),
        // Off: see staging.
        ApplicationSignals: false,
        // A developer's own requests and a health check every few seconds.
        Traffic: [new("POST", "/chat", 0.2), new("GET", "/health", 0.2)]);

    private static readonly EnvironmentPreset Staging = new(
        Collector: Collector(min: 1, max: 2, desired: 1, desiredCount: 1, retention: 30),
        Lambda: Lambda(memory: 512, timeout: 10, retention: 30),
        Api: new ApiSettings(ApiType.Rest, DeploymentEnvironment.Staging.Wire(), ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100, LogRetentionDays: 30),
        Sampling: DefaultSampling,
        Rates: new SamplingRates(
            Critical: new RuleRate(ReservoirSize: 2, FixedRate: 0.2),
            Routine: new RuleRate(ReservoirSize: 0, FixedRate: 0.01),
            Fallback: new RuleRate(ReservoirSize: 1, FixedRate: 0.05)),
        GroupInsights: false,
        Protection: DataProtection.None,
        Logs: new LogPreset(LogGroupClass.InfrequentAccess, FunctionApplicationLogLevel: "INFO"),
        // On only where an SLO or alarm reads the functions' Application Signals: none does (the SLOs measure the API
        // stage's own metrics). The plan shows what it would cost; applicationSignals.enabled: true turns it on.
        ApplicationSignals: false,
        Traffic: [new("POST", "/chat", 5), new("GET", "/health", 5)]);

    // prod: each critical path keeps a reservoir of 1 trace/s (X-Ray's reservoir is per rule, across all hosts)
    // plus 0.5 % of the rest, routine paths record nothing, and anything else 1 %. At the reference traffic that is
    // about a fifth of what AWS's default rule (1/s + 5 %) would record; with the two critical paths and the
    // traffic Pulumi.prod.yaml declares, about 37 %.
    private static readonly EnvironmentPreset Prod = new(
        Collector: Collector(min: 2, max: 4, desired: 2, desiredCount: 2, retention: 90),
        // Function logs are platform reports and handler warnings, read within days; the access log keeps 90 days.
        Lambda: Lambda(memory: 512, timeout: 15, retention: 30),
        Api: new ApiSettings(ApiType.Rest, DeploymentEnvironment.Prod.Wire(), ThrottlingRateLimit: 200, ThrottlingBurstLimit: 400, LogRetentionDays: 90),
        Sampling: DefaultSampling,
        Rates: new SamplingRates(
            Critical: new RuleRate(ReservoirSize: 1, FixedRate: 0.005),
            Routine: new RuleRate(ReservoirSize: 0, FixedRate: 0.0),
            Fallback: new RuleRate(ReservoirSize: 0, FixedRate: 0.01)),
        GroupInsights: true,
        // Every resource holding data is protected. Only the table is also retained on delete: it is the one durable
        // store, while queued messages expire within days and log groups by their retention, and a retained queue or
        // log group would block the next `pulumi up` of the same stack with a name already taken.
        Protection: new DataProtection(
            Table: new ResourceProtection(Protect: true, RetainOnDelete: true),
            Queues: new ResourceProtection(Protect: true, RetainOnDelete: false),
            LogGroups: new ResourceProtection(Protect: true, RetainOnDelete: false),
            TableDeletionProtection: true,
            PointInTimeRecovery: true),
        // Warnings and errors only from the handlers: an INFO line per request would cost more than the access log.
        Logs: new LogPreset(LogGroupClass.InfrequentAccess, FunctionApplicationLogLevel: "WARN"),
        // Off: see staging.
        ApplicationSignals: false,
        Traffic: ReferenceTraffic);

    private static SamplingSettings DefaultSampling => new(DefaultCriticalPaths, DefaultRoutinePaths, []);

    // The profile decides the collector's instance type and config, and the layer flavor and pins (ProfilePreset.Over
    // puts its own over these); the environment preset carries the default profile's, so it is whole on its own.
    private static ProfilePreset DefaultProfile => ProfilePresets.For(ProfilePresets.Default);

    private static CollectorSettings Collector(int min, int max, int desired, int desiredCount, int retention) => new(
        Enabled: true,
        InstanceType: DefaultProfile.CollectorInstanceType,
        MinSize: min,
        MaxSize: max,
        DesiredCapacity: desired,
        VpcId: null,
        SubnetIds: [],
        SchedulingStrategy: SchedulingStrategy.Daemon,
        DesiredCount: desiredCount,
        ImageTag: CollectorImageTag,
        Cpu: 1024,
        Memory: 2048,
        LogRetentionDays: retention,
        Config: DefaultProfile.CollectorConfig);

    private static LambdaSettings Lambda(int memory, int timeout, int retention) => new(
        Flavor: DefaultProfile.LambdaFlavor,
        Architecture: LambdaArchitecture.X86_64,
        Versions: DefaultProfile.LambdaVersions,
        LayerArn: null,
        MemorySize: memory,
        TimeoutSeconds: timeout,
        LogRetentionDays: retention);
}
