namespace Infra.Core.Collector;

/// <summary>Where an awsemf exporter writes: CloudWatch extracts the metrics from the log events it puts there.</summary>
internal sealed record EmfOutput(string Namespace, string LogGroup);

/// <summary>A port the collector listens on from outside its container, so the task maps it and the hosts admit it.</summary>
internal sealed record CollectorListener(string Protocol, int Port, string Purpose);

/// <summary>What a collector configuration makes the collector call and where it listens, so IAM and the network grant exactly that.</summary>
/// <param name="TraceExporter">The exporter that sends spans (<c>awsxray</c> or <c>otlp_http</c>), or null when no pipeline exports traces.</param>
/// <param name="ServesSampling">SDKs outside the container reach the awsxray receiver's sampling proxy, so the collector
/// calls xray:GetSamplingRules and xray:GetSamplingTargets on their behalf.</param>
/// <param name="Emf">Every awsemf exporter's namespace and log group.</param>
/// <remarks>
/// A resourcedetection ec2 detector calls ec2:DescribeTags only when <c>tags</c> are configured, otherwise it reads
/// IMDS alone (contrib processor/resourcedetectionprocessor/internal/aws/ec2/ec2.go); no config here sets tags.
/// </remarks>
internal sealed record CollectorNeeds(
    string? TraceExporter,
    bool ServesSampling,
    IReadOnlyList<EmfOutput> Emf,
    IReadOnlyList<CollectorListener> Listeners);

/// <summary>
/// One configuration file the aws-otel-collector image ships, as read at the pinned collector version.
/// </summary>
/// <param name="Source">The file in the collector repository (repo@tag:path); the image copies config/ to /etc/.</param>
/// <param name="Exporters">The exporters its pipelines use.</param>
/// <param name="Detectors">The resourcedetection processor's detectors (none configures ec2 tags, so no EC2 API call).</param>
/// <param name="Listeners">Receivers bound to 0.0.0.0; anything on localhost is unreachable from other containers.</param>
internal sealed record BundledConfig(
    string Path,
    string Source,
    IReadOnlyList<string> Exporters,
    IReadOnlyList<EmfOutput> Emf,
    IReadOnlyList<string> Detectors,
    IReadOnlyList<CollectorListener> Listeners)
{
    /// <summary>
    /// No bundled file serves sampling to other containers: ecs-default-config leaves its awsxray receiver's proxy on
    /// the default localhost:2000, the other files have no awsxray receiver.
    /// </summary>
    public CollectorNeeds Needs => new(
        Exporters.Any(exporter => exporter.Split('/')[0] == TraceExport.AwsXRay) ? TraceExport.AwsXRay : null,
        ServesSampling: false,
        Emf,
        Listeners);
}

/// <summary>
/// The collector configuration files under /etc/ecs/ that this program can run with least privilege, with what
/// each contains at collector v0.49.0. The image copies the repository's config/ folder to /etc/
/// (aws-observability/aws-otel-collector@v0.49.0:cmd/awscollector/Dockerfile). Files needing other backends
/// (Amazon Managed Prometheus) are left out.
/// </summary>
internal static class BundledConfigs
{
    public const string Default = "/etc/ecs/ecs-default-config.yaml";

    private const string Repository = "aws-observability/aws-otel-collector@v0.49.0";

    private static readonly CollectorListener OtlpGrpc = new("tcp", 4317, "OTLP gRPC");
    private static readonly CollectorListener OtlpHttp = new("tcp", 4318, "OTLP HTTP");

    public static readonly IReadOnlyList<BundledConfig> All =
    [
        new(
            Default,
            $"{Repository}:config/ecs/ecs-default-config.yaml",
            Exporters: ["awsxray", "awsemf"],
            Emf: [new("ECS/AWSOTel/Application", "/aws/ecs/application/metrics")],
            Detectors: [],
            // Its awsxray receiver's sampling proxy stays on the default localhost:2000, out of reach of other containers.
            Listeners: [OtlpGrpc, OtlpHttp, new("udp", 2000, "X-Ray segments (awsxray receiver)"), new("udp", 8125, "StatsD")]),
        new(
            "/etc/ecs/ecs-xray.yaml",
            $"{Repository}:config/ecs/ecs-xray.yaml",
            Exporters: ["awsxray"],
            Emf: [],
            Detectors: ["env", "system", "ecs", "ec2"],
            Listeners: [OtlpGrpc, OtlpHttp]),
        new(
            "/etc/ecs/ecs-cloudwatch-xray.yaml",
            $"{Repository}:config/ecs/ecs-cloudwatch-xray.yaml",
            Exporters: ["awsxray", "awsemf/application"],
            Emf: [new("ECS/AWSOTel/Application", "/aws/ecs/application/metrics")],
            Detectors: ["env", "ecs", "ec2"],
            Listeners: [OtlpGrpc, OtlpHttp]),
    ];

    public static IReadOnlyList<string> Paths { get; } = All.Select(config => config.Path).ToList();

    public static BundledConfig Of(string path) =>
        All.FirstOrDefault(config => config.Path == path)
        ?? throw new ArgumentOutOfRangeException(nameof(path), path, "not a known bundled config");
}
