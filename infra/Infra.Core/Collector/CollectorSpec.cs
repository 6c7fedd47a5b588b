using Infra.Core.Settings;

namespace Infra.Core.Collector;

public sealed record PortMappingSpec(int ContainerPort, int HostPort, string Protocol, string Purpose);

/// <summary>A security group ingress rule, open to the VPC's CIDR only (the CIDR is looked up at deploy time).</summary>
public sealed record IngressSpec(string Protocol, int FromPort, int ToPort, string Purpose);

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

/// <param name="DesiredCount">REPLICA only; a DAEMON runs one task on every instance.</param>
public sealed record ServiceSpec(string Name, SchedulingStrategy SchedulingStrategy, int? DesiredCount, bool CircuitBreakerRollback);

/// <summary>Where the collector's configuration comes from: a file in the image, or YAML this program renders into SSM.</summary>
public sealed record CollectorConfigSpec(CollectorConfigSource Source, string? BundledPath, string? ParameterName, string? ParameterArn, string? Yaml);

public sealed record LaunchTemplateSpec(
    string ImageId,
    string InstanceType,
    string UserData,
    bool RequireImdsV2,
    int MetadataHopLimit,
    string RootDeviceName,
    int RootVolumeSizeGiB,
    string RootVolumeType,
    bool RootVolumeEncrypted);

public sealed record AutoScalingSpec(int MinSize, int MaxSize, int DesiredCapacity, string? VpcId, IReadOnlyList<string> SubnetIds, int TargetCapacityPercent);

/// <summary>Everything the collector cluster is made of (the article's Step 1d and 1e).</summary>
public sealed record CollectorSpec(
    string ClusterName,
    string CapacityProviderName,
    LaunchTemplateSpec LaunchTemplate,
    AutoScalingSpec AutoScaling,
    IReadOnlyList<IngressSpec> Ingress,
    TaskSpec Task,
    ServiceSpec Service,
    CollectorConfigSpec Config,
    string LogGroupName,
    int LogRetentionDays);
