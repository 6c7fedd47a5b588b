using Infra.Core.Iam;
using Infra.Core.Naming;
using Infra.Core.Settings;

namespace Infra.Core.Collector;

/// <summary>The article's Step 1 as specs: the collector's IAM, cluster, hosts, task and service.</summary>
public static class CollectorBuilder
{
    public const string ContainerName = "aws-otel-collector";
    public const string ImageRepository = "public.ecr.aws/aws-observability/aws-otel-collector";

    /// <summary>The config variable the collector reads its whole configuration from; it overrides --config.</summary>
    public const string ConfigContentVariable = "AOT_CONFIG_CONTENT";

    /// <summary>ECS-optimized Amazon Linux 2023 AMI, resolved by EC2 at launch from the public SSM parameter.
    /// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/retrieve-ecs-optimized_AMI.html</summary>
    public const string AmiParameterX86 = "/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id";

    public const string AmiParameterArm64 = "/aws/service/ecs/optimized-ami/amazon-linux-2023/arm64/recommended/image_id";

    public static (CollectorSpec Collector, CollectorIamSpec Iam) Build(StackSettings settings, StackNames names, AwsContext aws)
    {
        var collector = settings.Collector;
        var custom = collector.Config.Source == CollectorConfigSource.Custom;
        var metricsNamespace = $"ADOT/{names.Prefix}";
        var configSpec = custom
            ? new CollectorConfigSpec(
                CollectorConfigSource.Custom,
                null,
                names.ConfigParameter,
                aws.ParameterArn(names.ConfigParameter),
                CustomCollectorConfig.Build(settings.Region, names.CollectorMetricsLogGroup, metricsNamespace).ToYaml())
            : new CollectorConfigSpec(CollectorConfigSource.Bundled, collector.Config.BundledPath, null, null, null);
        var needs = custom
            ? CustomCollectorConfig.Needs(names.CollectorMetricsLogGroup, metricsNamespace)
            : BundledConfigs.NeedsOf(collector.Config.BundledPath, names);
        var iam = CollectorIam.Build(settings.IamMode, needs, configSpec.ParameterName, names, aws);

        var ports = new List<PortMappingSpec>
        {
            new(2000, 2000, "udp", "X-Ray daemon protocol (awsxray receiver)"),
            new(4317, 4317, "tcp", "OTLP gRPC"),
            new(4318, 4318, "tcp", "OTLP HTTP"),
            new(8125, 8125, "udp", "StatsD"),
        };
        var ingress = new List<IngressSpec>
        {
            new("tcp", 4317, 4318, "OTLP gRPC and HTTP"),
            new("udp", 2000, 2000, "X-Ray daemon protocol"),
            new("udp", 8125, 8125, "StatsD"),
        };
        if (custom)
        {
            ports.Add(new(2000, 2000, "tcp", "awsproxy: X-Ray sampling rules and targets for SDKs"));
            ingress.Add(new("tcp", 2000, 2000, "awsproxy (X-Ray sampling API)"));
        }

        var container = new ContainerSpec(
            ContainerName,
            $"{ImageRepository}:{collector.ImageTag}",
            Essential: true,
            Command: custom ? [] : [$"--config={collector.Config.BundledPath}"],
            ports,
            new HealthCheckSpec(["/healthcheck"], IntervalSeconds: 5, TimeoutSeconds: 6, Retries: 5, StartPeriodSeconds: 1),
            custom ? [new SecretSpec(ConfigContentVariable, configSpec.ParameterArn!)] : [],
            new LogConfigurationSpec("awslogs", new SortedDictionary<string, string>(StringComparer.Ordinal)
            {
                ["awslogs-group"] = names.CollectorLogGroup,
                ["awslogs-region"] = settings.Region,
                ["awslogs-stream-prefix"] = "ecs",
            }));

        var task = new TaskSpec(names.TaskFamily, collector.Cpu, collector.Memory, "bridge", ["EC2"], container);
        var daemon = collector.SchedulingStrategy == SchedulingStrategy.Daemon;
        var service = new ServiceSpec($"{names.Prefix}-collector", collector.SchedulingStrategy, daemon ? null : collector.DesiredCount, CircuitBreakerRollback: true);
        var arm = InstanceTypes.Find(collector.InstanceType)?.Arm64 == true;
        var launchTemplate = new LaunchTemplateSpec(
            $"resolve:ssm:{(arm ? AmiParameterArm64 : AmiParameterX86)}",
            collector.InstanceType,
            UserData(names.Cluster),
            RequireImdsV2: true,
            // Hop limit 2 lets containers in bridge mode reach the instance metadata service through IMDSv2.
            MetadataHopLimit: 2,
            RootDeviceName: "/dev/xvda",
            RootVolumeSizeGiB: 30,
            RootVolumeType: "gp3",
            RootVolumeEncrypted: true);
        var scaling = new AutoScalingSpec(collector.MinSize, collector.MaxSize, collector.DesiredCapacity, collector.VpcId, collector.SubnetIds, TargetCapacityPercent: 100);

        var spec = new CollectorSpec(
            names.Cluster,
            $"{names.Prefix}-collector-capacity",
            launchTemplate,
            scaling,
            ingress,
            task,
            service,
            configSpec,
            names.CollectorLogGroup,
            collector.LogRetentionDays);
        return (spec, iam);
    }

    /// <summary>Joins the instance to the cluster; ECS_AWSVPC is not needed since the task uses bridge mode.</summary>
    public static string UserData(string clusterName) =>
        $"#!/bin/bash\necho ECS_CLUSTER={clusterName} >> /etc/ecs/ecs.config\n";
}
