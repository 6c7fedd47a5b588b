using Infra.Core.Naming;

namespace Infra.Core.Collector;

/// <summary>What a collector configuration makes the collector call, so IAM can grant exactly that.</summary>
/// <param name="EmfLogGroups">Log groups the awsemf exporter writes to.</param>
/// <param name="MetricNamespaces">CloudWatch namespaces of those metrics.</param>
/// <param name="Ec2Detection">Whether a resourcedetection processor queries EC2.</param>
public sealed record CollectorNeeds(
    bool XRay,
    IReadOnlyList<string> EmfLogGroups,
    IReadOnlyList<string> MetricNamespaces,
    bool Ec2Detection);

/// <summary>
/// The collector configuration files the aws-otel-collector image ships under /etc/ecs/ that this program
/// can run with least privilege, with what each one needs. Read from aws-observability/aws-otel-collector
/// config/ecs/*.yaml on 2026-11-25; files needing other backends (Amazon Managed Prometheus) are left out.
/// </summary>
public static class BundledConfigs
{
    public const string Default = "/etc/ecs/ecs-default-config.yaml";

    public static readonly IReadOnlyList<string> Paths =
    [
        Default,
        "/etc/ecs/ecs-xray.yaml",
        "/etc/ecs/ecs-cloudwatch-xray.yaml",
    ];

    public static CollectorNeeds NeedsOf(string path, StackNames names) => path switch
    {
        // exporters: awsxray; awsemf to /aws/ecs/application/metrics in ECS/AWSOTel/Application.
        Default => new CollectorNeeds(true, ["/aws/ecs/application/metrics"], ["ECS/AWSOTel/Application"], false),
        // exporters: awsxray; processors: resourcedetection [env, system, ecs, ec2].
        "/etc/ecs/ecs-xray.yaml" => new CollectorNeeds(true, [], [], true),
        // exporters: awsxray; awsemf/application and awsemf/performance, named after the task family and cluster.
        "/etc/ecs/ecs-cloudwatch-xray.yaml" => new CollectorNeeds(
            true,
            [$"/aws/ecs/{names.TaskFamily}/metrics", $"/aws/ecs/containerinsights/{names.Cluster}/performance"],
            [$"ECS/AWSOTel/{names.TaskFamily}", "ECS/ContainerInsights"],
            true),
        _ => throw new ArgumentOutOfRangeException(nameof(path), path, "not a known bundled config"),
    };
}
