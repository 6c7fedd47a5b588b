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

    /// <summary>
    /// The health check runs the image's /healthcheck binary, which asks the health_check extension on port 13133.
    /// ECS wants the command as "CMD" followed by the executable:
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_HealthCheck.html
    /// </summary>
    public static readonly IReadOnlyList<string> HealthCheckCommand = ["CMD", "/healthcheck"];

    /// <summary>Standard SSM parameters hold up to 4 KB, advanced ones 8 KB.
    /// https://docs.aws.amazon.com/systems-manager/latest/userguide/parameter-store-advanced-parameters.html</summary>
    public const int StandardParameterMaxBytes = 4096;

    public const int AdvancedParameterMaxBytes = 8192;

    public static (CollectorSpec Collector, CollectorIamSpec Iam) Build(StackSettings settings, StackNames names, AwsContext aws)
    {
        var collector = settings.Collector;
        var custom = collector.Config.Source == CollectorConfigSource.Custom;
        var metricsNamespace = $"ADOT/{names.Prefix}";
        var traces = TraceExport.Choose(settings, aws);
        var configSpec = custom
            ? CustomConfig(CustomCollectorConfig.Build(settings.Region, names.CollectorMetricsLogGroup, metricsNamespace, traces).ToYaml(), names, aws)
            : new CollectorConfigSpec(CollectorConfigSource.Bundled, collector.Config.BundledPath, null, null, null);
        var needs = custom
            ? CustomCollectorConfig.Needs(names.CollectorMetricsLogGroup, metricsNamespace, traces)
            : BundledConfigs.Of(collector.Config.BundledPath).Needs;
        var iam = CollectorIam.Build(settings.IamMode, needs, configSpec.ParameterName, names, aws);

        var ports = needs.Listeners.Select(listener => new PortMappingSpec(listener.Port, listener.Port, listener.Protocol, listener.Purpose)).ToList();
        var ingress = needs.Listeners.Select(listener => new IngressSpec(listener.Protocol, listener.Port, listener.Port, listener.Purpose)).ToList();

        var container = new ContainerSpec(
            ContainerName,
            $"{ImageRepository}:{collector.ImageTag}",
            Essential: true,
            Command: custom ? [] : [$"--config={collector.Config.BundledPath}"],
            ports,
            new HealthCheckSpec(HealthCheckCommand, IntervalSeconds: 5, TimeoutSeconds: 6, Retries: 5, StartPeriodSeconds: 1),
            custom ? [new SecretSpec(ConfigContentVariable, configSpec.ParameterArn!)] : [],
            new LogConfigurationSpec("awslogs", new SortedDictionary<string, string>(StringComparer.Ordinal)
            {
                ["awslogs-group"] = names.CollectorLogGroup,
                ["awslogs-region"] = settings.Region,
                ["awslogs-stream-prefix"] = "ecs",
            }));

        var task = new TaskSpec(names.TaskFamily, collector.Cpu, collector.Memory, "bridge", ["EC2"], container);
        var service = Service(names.CollectorService, collector.SchedulingStrategy, collector.DesiredCount);
        var arm = InstanceTypes.Find(collector.InstanceType)?.Arm64 == true;
        var launchTemplate = new LaunchTemplateSpec(
            names.CollectorLaunchTemplate,
            $"resolve:ssm:{(arm ? AmiParameterArm64 : AmiParameterX86)}",
            collector.InstanceType,
            UserData(names.Cluster),
            RequireImdsV2: true,
            // Hop limit 2 lets containers in bridge mode reach the instance metadata service through IMDSv2.
            MetadataHopLimit: 2,
            HttpEndpoint: "enabled",
            RootDeviceName: "/dev/xvda",
            RootVolumeSizeGiB: 30,
            RootVolumeType: "gp3",
            RootVolumeEncrypted: true,
            DeleteRootVolumeOnTermination: true);
        var scaling = HostScaling(collector, names);

        var spec = new CollectorSpec(
            names.Cluster,
            // Per-task CPU, memory and network metrics of the collector in CloudWatch.
            ContainerInsights: "enabled",
            names.CollectorCapacityProvider,
            launchTemplate,
            scaling,
            $"ADOT collector hosts of {names.Cluster}: telemetry ports from inside the VPC only",
            ingress,
            task,
            service,
            configSpec,
            traces,
            names.CollectorLogGroup,
            collector.LogRetentionDays,
            EnvironmentPresets.For(settings.Environment).Protection.LogGroups);
        return (spec, iam);
    }

    /// <summary>
    /// Both strategies use ECS rolling updates with the deployment circuit breaker, which the ECS API offers for the
    /// rolling update (ECS) deployment type (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeploymentCircuitBreaker.html),
    /// so a task that never gets healthy fails the update and rolls back instead of retrying until the deploy times out.
    /// A DAEMON service cannot use a capacity provider strategy and places one task per instance with the EC2 launch
    /// type; its minimumHealthyPercent defaults to 0 % through the API (every collector stopped at once), so half stay
    /// up; it cannot run a second copy on a host (static host ports), so maximumPercent stays 100. A REPLICA keeps
    /// every collector running while replacements start (100/200; managed scaling adds a host when needed).
    /// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-ecs-service-deploymentconfiguration.html
    /// </summary>
    public static ServiceSpec Service(string name, SchedulingStrategy strategy, int desiredCount) => strategy == SchedulingStrategy.Daemon
        ? new ServiceSpec(name, strategy, null, LaunchType: "EC2", UsesCapacityProvider: false, PropagateTags: "SERVICE",
            new DeploymentSpec(CircuitBreaker: true, Rollback: true, MinimumHealthyPercent: 50, MaximumPercent: 100))
        : new ServiceSpec(name, strategy, desiredCount, LaunchType: null, UsesCapacityProvider: true, PropagateTags: "SERVICE",
            new DeploymentSpec(CircuitBreaker: true, Rollback: true, MinimumHealthyPercent: 100, MaximumPercent: 200));

    /// <summary>The collector service's average CPU, of what its tasks reserve, that the hosts are scaled to keep.
    /// Below every environment's collector-cpu alarm (80 to 90 %), so hosts are added before the alarm goes off.</summary>
    public const double CpuTargetPercent = 60;

    /// <summary>Boot, ECS agent registration and the collector's start, before a new host's metrics count.</summary>
    public const int InstanceWarmupSeconds = 300;

    /// <summary>
    /// How the number of collector hosts changes.
    /// REPLICA: the service places its tasks through the capacity provider, so ECS managed scaling adds hosts until the
    /// desiredCount tasks fit (one per host: static host ports) and removes idle ones.
    /// DAEMON: "Tasks without a capacity provider strategy are ignored by capacity providers"
    /// (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/managed-scaling-behavior.html), and a daemon service
    /// places its tasks without one, so managed scaling would never add a host; it is off ("If managed scaling is off, the
    /// user must manage the scaling of the Auto Scaling group",
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ManagedScaling.html). When minSize &lt; maxSize the group
    /// scales itself with a target tracking policy on the collector service's average CPU utilization, a utilization that
    /// falls as hosts are added (https://docs.aws.amazon.com/autoscaling/ec2/userguide/as-scaling-target-tracking.html), and
    /// the daemon scheduler starts a collector on every new host: it "deploys exactly one task on each active container
    /// instance" (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs_service-options.html).
    /// </summary>
    public static AutoScalingSpec HostScaling(CollectorSettings collector, StackNames names)
    {
        var managed = collector.SchedulingStrategy == SchedulingStrategy.Replica;
        var scales = collector.MinSize < collector.MaxSize;
        var targetTracking = !managed && scales
            ? new TargetTrackingSpec(
                Monitoring.MonitoringBuilder.EcsNamespace,
                "CPUUtilization",
                [new("ClusterName", names.Cluster), new("ServiceName", names.CollectorService)],
                "Average",
                CpuTargetPercent,
                InstanceWarmupSeconds)
            : null;
        var range = scales ? $"{collector.MinSize} to {collector.MaxSize} hosts" : $"fixed at {collector.MinSize} host{(collector.MinSize == 1 ? "" : "s")} (minSize = maxSize)";
        var why = (managed, targetTracking) switch
        {
            (true, _) => $"{range}: ECS managed scaling adds hosts until the {collector.DesiredCount} REPLICA task{(collector.DesiredCount == 1 ? "" : "s")} fit, one per host; the task count stays collector.desiredCount",
            (false, { } policy) => FormattableString.Invariant($"{range}: target tracking keeps the collectors' average CPU near {policy.TargetValue} %, and the DAEMON scheduler starts a collector on every new host (ECS managed scaling ignores daemon tasks, so it is off)"),
            _ => $"{range}: one DAEMON collector per host (ECS managed scaling ignores daemon tasks, so it is off)",
        };

        return new AutoScalingSpec(
            names.CollectorAutoScalingGroup,
            collector.MinSize,
            collector.MaxSize,
            collector.DesiredCapacity,
            collector.VpcId,
            collector.SubnetIds,
            TargetCapacityPercent: 100,
            ManagedScaling: managed,
            // Off: it needs instance scale-in protection on the group, which this group does not set.
            ManagedTerminationProtection: false,
            // ECS managed scaling requires this tag on the group.
            // https://docs.aws.amazon.com/AmazonECS/latest/developerguide/asg-capacity-providers-create-auto-scaling-group.html
            managed
                ? new SortedDictionary<string, string>(StringComparer.Ordinal) { ["AmazonECSManaged"] = "true" }
                : new SortedDictionary<string, string>(StringComparer.Ordinal),
            TagInstances: true,
            targetTracking,
            why);
    }

    /// <summary>The cheapest SSM tier that holds a value of this many bytes.</summary>
    public static string ParameterTier(int bytes) => bytes switch
    {
        <= StandardParameterMaxBytes => "Standard",
        <= AdvancedParameterMaxBytes => "Advanced",
        _ => throw new InvalidOperationException($"The rendered collector config is {bytes} bytes; an SSM parameter holds at most {AdvancedParameterMaxBytes}."),
    };

    private static CollectorConfigSpec CustomConfig(string yaml, StackNames names, AwsContext aws)
    {
        return new CollectorConfigSpec(
            CollectorConfigSource.Custom,
            null,
            names.ConfigParameter,
            aws.ParameterArn(names.ConfigParameter),
            yaml,
            ParameterTier(System.Text.Encoding.UTF8.GetByteCount(yaml)),
            "String",
            $"ADOT collector configuration, passed to the container as {ConfigContentVariable}");
    }

    /// <summary>Joins the instance to the cluster; ECS_AWSVPC is not needed since the task uses bridge mode.</summary>
    public static string UserData(string clusterName) =>
        $"#!/bin/bash\necho ECS_CLUSTER={clusterName} >> /etc/ecs/ecs.config\n";
}
