using System.Collections.Immutable;
using System.Text;
using Infra.Core.Collector;
using Infra.Core.Settings;
using Pulumi;
using AutoScaling = Pulumi.AwsNative.AutoScaling;
using Ec2 = Pulumi.AwsNative.Ec2;
using Ecs = Pulumi.AwsNative.Ecs;
using Logs = Pulumi.AwsNative.Logs;
using Ssm = Pulumi.AwsNative.Ssm;

namespace Infra.Components;

/// <summary>The collector's roles as the cluster uses them (see <see cref="CollectorRoles"/>).</summary>
public sealed record CollectorRoleArns(Output<string> TaskRoleArn, Output<string> ExecutionRoleArn, Output<string> InstanceProfileArn);

/// <summary>Where the collector hosts run: a VPC (for its CIDR) and subnets.</summary>
public sealed record CollectorNetwork(Output<string> VpcId, Output<string> VpcCidr, Output<ImmutableArray<string>> SubnetIds);

public sealed class CollectorClusterArgs
{
    public required CollectorSpec Spec { get; init; }

    public required CollectorRoleArns Roles { get; init; }

    public required CollectorNetwork Network { get; init; }

    public required IReadOnlyDictionary<string, string> Tags { get; init; }
}

/// <summary>
/// The ADOT collector on ECS with EC2 capacity (the article's Step 1d-1e): cluster, launch template, Auto Scaling
/// group, capacity provider, security group open to the VPC only, the collector task and its service.
/// </summary>
public sealed class CollectorCluster : ComponentResource
{
    public CollectorCluster(string name, CollectorClusterArgs args, ComponentResourceOptions? options = null)
        : base("adot-tracing:collector:CollectorCluster", name, options)
    {
        var child = new CustomResourceOptions { Parent = this };
        var spec = args.Spec;
        var tags = Inputs.Tags(args.Tags);

        var cluster = new Ecs.Cluster($"{name}-cluster", new Ecs.ClusterArgs
        {
            ClusterName = spec.ClusterName,
            ClusterSettings = { new Ecs.Inputs.ClusterSettingsArgs { Name = "containerInsights", Value = spec.ContainerInsights } },
            Tags = tags,
        }, child);

        var logGroup = new Logs.LogGroup($"{name}-logs", new Logs.LogGroupArgs
        {
            LogGroupName = spec.LogGroupName,
            RetentionInDays = spec.LogRetentionDays,
            Tags = tags,
        }, Inputs.Guarded(this, spec.LogGroupProtection));

        Ssm.Parameter? configParameter = null;
        if (spec.Config.Source == CollectorConfigSource.Custom)
        {
            configParameter = new Ssm.Parameter($"{name}-config", new Ssm.ParameterArgs
            {
                Name = spec.Config.ParameterName!,
                Description = spec.Config.ParameterDescription!,
                Type = Inputs.Enum<Ssm.ParameterType>(spec.Config.ParameterType!),
                Tier = Inputs.Enum<Ssm.ParameterTier>(spec.Config.ParameterTier!),
                Value = spec.Config.Yaml!,
                Tags = Inputs.Map(args.Tags),
            }, child);
        }

        var securityGroup = new Ec2.SecurityGroup($"{name}-hosts", new Ec2.SecurityGroupArgs
        {
            GroupDescription = spec.SecurityGroupDescription,
            VpcId = args.Network.VpcId,
            SecurityGroupIngress = spec.Ingress.Select(rule => new Ec2.Inputs.SecurityGroupIngressArgs
            {
                IpProtocol = rule.Protocol,
                FromPort = rule.FromPort,
                ToPort = rule.ToPort,
                CidrIp = args.Network.VpcCidr,
                Description = rule.Purpose,
            }).ToList(),
            Tags = tags,
        }, child);

        var launch = spec.LaunchTemplate;
        var launchTemplate = new Ec2.LaunchTemplate($"{name}-launch-template", new Ec2.LaunchTemplateArgs
        {
            LaunchTemplateName = launch.Name,
            LaunchTemplateData = new Ec2.Inputs.LaunchTemplateDataArgs
            {
                ImageId = launch.ImageId,
                InstanceType = launch.InstanceType,
                IamInstanceProfile = new Ec2.Inputs.LaunchTemplateIamInstanceProfileArgs { Arn = args.Roles.InstanceProfileArn },
                SecurityGroupIds = { securityGroup.GroupId },
                UserData = Convert.ToBase64String(Encoding.UTF8.GetBytes(launch.UserData)),
                MetadataOptions = new Ec2.Inputs.LaunchTemplateMetadataOptionsArgs
                {
                    HttpEndpoint = launch.HttpEndpoint,
                    HttpTokens = launch.RequireImdsV2 ? "required" : "optional",
                    HttpPutResponseHopLimit = launch.MetadataHopLimit,
                },
                BlockDeviceMappings =
                {
                    new Ec2.Inputs.LaunchTemplateBlockDeviceMappingArgs
                    {
                        DeviceName = launch.RootDeviceName,
                        Ebs = new Ec2.Inputs.LaunchTemplateEbsArgs
                        {
                            Encrypted = launch.RootVolumeEncrypted,
                            VolumeSize = launch.RootVolumeSizeGiB,
                            VolumeType = launch.RootVolumeType,
                            DeleteOnTermination = launch.DeleteRootVolumeOnTermination,
                        },
                    },
                },
            },
        }, child);

        var scaling = spec.AutoScaling;
        var autoScalingGroup = new AutoScaling.AutoScalingGroup($"{name}-hosts", new AutoScaling.AutoScalingGroupArgs
        {
            AutoScalingGroupName = scaling.Name,
            MinSize = scaling.MinSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
            MaxSize = scaling.MaxSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
            DesiredCapacity = scaling.DesiredCapacity.ToString(System.Globalization.CultureInfo.InvariantCulture),
            VpcZoneIdentifier = args.Network.SubnetIds.Apply(ids => (IEnumerable<string>)ids),
            LaunchTemplate = new AutoScaling.Inputs.AutoScalingGroupLaunchTemplateSpecificationArgs
            {
                LaunchTemplateId = launchTemplate.LaunchTemplateId,
                Version = launchTemplate.LatestVersionNumber,
            },
            Tags = args.Tags.Concat(scaling.InstanceTags)
                .Select(tag => new AutoScaling.Inputs.AutoScalingGroupTagPropertyArgs { Key = tag.Key, Value = tag.Value, PropagateAtLaunch = scaling.TagInstances })
                .ToList(),
        }, child);

        if (scaling.CpuTargetTracking is { } tracking)
        {
            // The group scales itself: ECS managed scaling ignores a daemon service's tasks (see CollectorBuilder.HostScaling).
            _ = new AutoScaling.ScalingPolicy($"{name}-hosts-cpu", new AutoScaling.ScalingPolicyArgs
            {
                AutoScalingGroupName = autoScalingGroup.AutoScalingGroupName.Apply(groupName => groupName ?? scaling.Name),
                PolicyType = "TargetTrackingScaling",
                EstimatedInstanceWarmup = tracking.EstimatedInstanceWarmupSeconds,
                TargetTrackingConfiguration = new AutoScaling.Inputs.ScalingPolicyTargetTrackingConfigurationArgs
                {
                    TargetValue = tracking.TargetValue,
                    CustomizedMetricSpecification = new AutoScaling.Inputs.ScalingPolicyCustomizedMetricSpecificationArgs
                    {
                        Namespace = tracking.MetricNamespace,
                        MetricName = tracking.MetricName,
                        Statistic = tracking.Statistic,
                        Dimensions = tracking.Dimensions
                            .Select(dimension => new AutoScaling.Inputs.ScalingPolicyMetricDimensionArgs { Name = dimension.Name, Value = dimension.Value })
                            .ToList(),
                    },
                },
            }, child);
        }

        var capacityProvider = new Ecs.CapacityProvider($"{name}-capacity", new Ecs.CapacityProviderArgs
        {
            Name = spec.CapacityProviderName,
            AutoScalingGroupProvider = new Ecs.Inputs.CapacityProviderAutoScalingGroupProviderArgs
            {
                AutoScalingGroupArn = autoScalingGroup.AutoScalingGroupArn,
                ManagedScaling = new Ecs.Inputs.CapacityProviderManagedScalingArgs
                {
                    Status = scaling.ManagedScaling ? Ecs.CapacityProviderManagedScalingStatus.Enabled : Ecs.CapacityProviderManagedScalingStatus.Disabled,
                    TargetCapacity = scaling.TargetCapacityPercent,
                },
                ManagedTerminationProtection = scaling.ManagedTerminationProtection
                    ? Ecs.CapacityProviderAutoScalingGroupProviderManagedTerminationProtection.Enabled
                    : Ecs.CapacityProviderAutoScalingGroupProviderManagedTerminationProtection.Disabled,
            },
            Tags = tags,
        }, child);

        var providerName = capacityProvider.Name.Apply(created => created ?? spec.CapacityProviderName);
        var associations = new Ecs.ClusterCapacityProviderAssociations($"{name}-capacity-association", new Ecs.ClusterCapacityProviderAssociationsArgs
        {
            Cluster = cluster.ClusterName.Apply(clusterName => clusterName ?? spec.ClusterName),
            CapacityProviders = { providerName.Apply(Union<Ecs.ClusterCapacityProviderAssociationsCapacityProvider, string>.FromT1) },
            DefaultCapacityProviderStrategy =
            {
                new Ecs.Inputs.ClusterCapacityProviderAssociationsCapacityProviderStrategyArgs
                {
                    CapacityProvider = providerName,
                    // The cluster's only provider; the weight only matters between providers.
                    Weight = 1,
                },
            },
        }, child);

        var container = spec.Task.Container;
        var taskDefinition = new Ecs.TaskDefinition($"{name}-task", new Ecs.TaskDefinitionArgs
        {
            Family = spec.Task.Family,
            Cpu = spec.Task.Cpu.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Memory = spec.Task.Memory.ToString(System.Globalization.CultureInfo.InvariantCulture),
            NetworkMode = spec.Task.NetworkMode,
            RequiresCompatibilities = spec.Task.RequiresCompatibilities.ToList(),
            TaskRoleArn = args.Roles.TaskRoleArn,
            ExecutionRoleArn = args.Roles.ExecutionRoleArn,
            ContainerDefinitions =
            {
                new Ecs.Inputs.TaskDefinitionContainerDefinitionArgs
                {
                    Name = container.Name,
                    Image = container.Image,
                    Essential = container.Essential,
                    Command = container.Command.ToList(),
                    PortMappings = container.PortMappings.Select(port => new Ecs.Inputs.TaskDefinitionPortMappingArgs
                    {
                        ContainerPort = port.ContainerPort,
                        HostPort = port.HostPort,
                        Protocol = port.Protocol,
                    }).ToList(),
                    HealthCheck = new Ecs.Inputs.TaskDefinitionHealthCheckArgs
                    {
                        Command = container.HealthCheck.Command.ToList(),
                        Interval = container.HealthCheck.IntervalSeconds,
                        Timeout = container.HealthCheck.TimeoutSeconds,
                        Retries = container.HealthCheck.Retries,
                        StartPeriod = container.HealthCheck.StartPeriodSeconds,
                    },
                    Secrets = container.Secrets.Select(secret => new Ecs.Inputs.TaskDefinitionSecretArgs
                    {
                        Name = secret.Name,
                        ValueFrom = configParameter is null ? secret.ValueFrom : configParameter.Arn,
                    }).ToList(),
                    LogConfiguration = new Ecs.Inputs.TaskDefinitionLogConfigurationArgs
                    {
                        LogDriver = container.LogConfiguration.Driver,
                        Options = Inputs.Map(container.LogConfiguration.Options),
                    },
                },
            },
            Tags = tags,
        }, new CustomResourceOptions { Parent = this, DependsOn = { logGroup } });

        var serviceSpec = spec.Service;
        var capacityProviderStrategy = new InputList<Ecs.Inputs.ServiceCapacityProviderStrategyItemArgs>();
        if (serviceSpec.UsesCapacityProvider)
        {
            capacityProviderStrategy.Add(new Ecs.Inputs.ServiceCapacityProviderStrategyItemArgs { CapacityProvider = providerName, Weight = 1 });
        }

        var serviceArgs = new Ecs.ServiceArgs
        {
            ServiceName = serviceSpec.Name,
            Cluster = cluster.Arn,
            TaskDefinition = taskDefinition.TaskDefinitionArn,
            SchedulingStrategy = Inputs.Enum<Ecs.ServiceSchedulingStrategy>(serviceSpec.SchedulingStrategy.Wire()),
            LaunchType = serviceSpec.LaunchType is { } launchType ? Inputs.Enum<Ecs.ServiceLaunchType>(launchType) : null,
            DesiredCount = serviceSpec.DesiredCount,
            CapacityProviderStrategy = capacityProviderStrategy,
            PropagateTags = Inputs.Enum<Ecs.ServicePropagateTags>(serviceSpec.PropagateTags),
            DeploymentConfiguration = new Ecs.Inputs.ServiceDeploymentConfigurationArgs
            {
                DeploymentCircuitBreaker = new Ecs.Inputs.ServiceDeploymentCircuitBreakerArgs
                {
                    Enable = serviceSpec.Deployment.CircuitBreaker,
                    Rollback = serviceSpec.Deployment.Rollback,
                },
                MinimumHealthyPercent = serviceSpec.Deployment.MinimumHealthyPercent,
                MaximumPercent = serviceSpec.Deployment.MaximumPercent,
            },
            Tags = tags,
        };

        var service = new Ecs.Service($"{name}-service", serviceArgs, new CustomResourceOptions { Parent = this, DependsOn = { associations } });

        ClusterName = cluster.ClusterName.Apply(clusterName => clusterName ?? spec.ClusterName);
        ClusterArn = cluster.Arn;
        TaskDefinitionArn = taskDefinition.TaskDefinitionArn;
        ServiceArn = service.ServiceArn;
        RegisterOutputs(new Dictionary<string, object?>
        {
            ["clusterName"] = ClusterName,
            ["clusterArn"] = ClusterArn,
            ["taskDefinitionArn"] = TaskDefinitionArn,
            ["serviceArn"] = ServiceArn,
        });
    }

    [Output] public Output<string> ClusterName { get; private set; }

    [Output] public Output<string> ClusterArn { get; private set; }

    [Output] public Output<string> TaskDefinitionArn { get; private set; }

    [Output] public Output<string> ServiceArn { get; private set; }
}
