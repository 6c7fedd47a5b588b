using Infra.Core.Settings;

namespace Infra.Core.Collector;

public sealed record PortMappingSpec(int ContainerPort, int HostPort, string Protocol, string Purpose);

/// <summary>A security group ingress rule, open to the VPC's CIDR only (the CIDR is looked up at deploy time).</summary>
public sealed record IngressSpec(string Protocol, int FromPort, int ToPort, string Purpose);

/// <param name="Command">As ECS takes it: "CMD" then the executable and its arguments, or "CMD-SHELL" then a shell line.</param>
public sealed record HealthCheckSpec(IReadOnlyList<string> Command, int IntervalSeconds, int TimeoutSeconds, int Retries, int StartPeriodSeconds);

/// <summary>A container secret: ECS reads ValueFrom (an SSM parameter ARN) and sets it as environment variable Name.</summary>
public sealed record SecretSpec(string Name, string ValueFrom);

public sealed record LogConfigurationSpec(string Driver, IReadOnlyDictionary<string, string> Options);

public sealed record ContainerSpec(
    string Name,
    string Image,
    bool Essential,
    IReadOnlyList<string> Command,
    IReadOnlyList<PortMappingSpec> PortMappings,
    HealthCheckSpec HealthCheck,
    IReadOnlyList<SecretSpec> Secrets,
    LogConfigurationSpec LogConfiguration);

public sealed record TaskSpec(
    string Family,
    int Cpu,
    int Memory,
    string NetworkMode,
    IReadOnlyList<string> RequiresCompatibilities,
    ContainerSpec Container);

/// <summary>How ECS rolls a new task definition out (rolling update, the ECS deployment controller).</summary>
/// <param name="CircuitBreaker">Fail the deployment when its tasks keep failing to start or to pass their health check.</param>
/// <param name="Rollback">On such a failure, go back to the last deployment that completed.</param>
/// <param name="MinimumHealthyPercent">Tasks that must stay running during a rollout, in percent of the desired (or, for a daemon, placed) count.</param>
/// <param name="MaximumPercent">Upper limit of running plus starting tasks during a rollout.</param>
public sealed record DeploymentSpec(bool CircuitBreaker, bool Rollback, int MinimumHealthyPercent, int MaximumPercent);

/// <param name="DesiredCount">REPLICA only; a DAEMON runs one task on every instance.</param>
/// <param name="LaunchType">Set when the service places tasks without a capacity provider strategy.</param>
/// <param name="UsesCapacityProvider">Whether tasks are placed through the cluster's capacity provider.</param>
/// <param name="PropagateTags">Where tasks take their tags from.</param>
public sealed record ServiceSpec(
    string Name,
    SchedulingStrategy SchedulingStrategy,
    int? DesiredCount,
    string? LaunchType,
    bool UsesCapacityProvider,
    string PropagateTags,
    DeploymentSpec Deployment);

/// <summary>Where the collector's configuration comes from: a file in the image, or YAML this program renders into SSM.</summary>
/// <param name="ParameterTier">The SSM tier that holds the YAML (Standard or Advanced), custom configs only.</param>
/// <param name="ParameterType">String: the config holds no secrets (credentials come from the task role).</param>
public sealed record CollectorConfigSpec(
    CollectorConfigSource Source,
    string? BundledPath,
    string? ParameterName,
    string? ParameterArn,
    string? Yaml,
    string? ParameterTier = null,
    string? ParameterType = null,
    string? ParameterDescription = null);

/// <param name="HttpEndpoint">Whether the instance metadata service answers at all ("enabled"/"disabled").</param>
public sealed record LaunchTemplateSpec(
    string Name,
    string ImageId,
    string InstanceType,
    string UserData,
    bool RequireImdsV2,
    int MetadataHopLimit,
    string HttpEndpoint,
    string RootDeviceName,
    int RootVolumeSizeGiB,
    string RootVolumeType,
    bool RootVolumeEncrypted,
    bool DeleteRootVolumeOnTermination);

/// <summary>
/// An EC2 Auto Scaling target tracking policy on the collector hosts: the group adds or removes hosts to keep
/// <see cref="MetricName"/> (an average over the collector tasks) near <see cref="TargetValue"/>.
/// </summary>
/// <param name="Statistic">As CustomizedMetricSpecification takes it (Average).</param>
/// <param name="EstimatedInstanceWarmupSeconds">How long a new host takes before its metrics count (boot, ECS agent, collector start).</param>
public sealed record TargetTrackingSpec(
    string MetricNamespace,
    string MetricName,
    IReadOnlyList<Monitoring.MetricDimension> Dimensions,
    string Statistic,
    double TargetValue,
    int EstimatedInstanceWarmupSeconds);

/// <param name="InstanceTags">Tags the group carries on top of the stack's.</param>
/// <param name="TagInstances">Whether the group's tags propagate to the instances it launches.</param>
/// <param name="ManagedScaling">ECS scales the group to fit the tasks (capacity provider managed scaling).</param>
/// <param name="ManagedTerminationProtection">ECS keeps instances with running tasks from scale-in.</param>
/// <param name="CpuTargetTracking">The group's own scaling policy, when it scales and ECS managed scaling cannot do it.</param>
/// <param name="Scaling">What changes the number of hosts, and why: the plan shows it.</param>
public sealed record AutoScalingSpec(
    string Name,
    int MinSize,
    int MaxSize,
    int DesiredCapacity,
    string? VpcId,
    IReadOnlyList<string> SubnetIds,
    int TargetCapacityPercent,
    bool ManagedScaling,
    bool ManagedTerminationProtection,
    IReadOnlyDictionary<string, string> InstanceTags,
    bool TagInstances,
    TargetTrackingSpec? CpuTargetTracking,
    string Scaling);

/// <summary>Everything the collector cluster is made of (the article's Step 1d and 1e).</summary>
/// <param name="ContainerInsights">The cluster's containerInsights setting.</param>
/// <param name="TraceExport">Which exporter sends the collector's spans, where, and why.</param>
public sealed record CollectorSpec(
    string ClusterName,
    string ContainerInsights,
    string CapacityProviderName,
    LaunchTemplateSpec LaunchTemplate,
    AutoScalingSpec AutoScaling,
    string SecurityGroupDescription,
    IReadOnlyList<IngressSpec> Ingress,
    TaskSpec Task,
    ServiceSpec Service,
    CollectorConfigSpec Config,
    TraceExportSpec TraceExport,
    string LogGroupName,
    int LogRetentionDays,
    ResourceProtection LogGroupProtection);
