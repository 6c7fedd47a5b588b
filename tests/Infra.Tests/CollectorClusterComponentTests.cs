using System.Collections.Immutable;
using Infra.Components;
using Infra.Core.Blueprint;
using Infra.Core.Collector;
using Infra.Core.Naming;
using Infra.Core.Settings;
using Pulumi;
using Pulumi.Utilities;
using AutoScaling = Pulumi.AwsNative.AutoScaling;
using Ec2 = Pulumi.AwsNative.Ec2;
using Ecs = Pulumi.AwsNative.Ecs;
using Logs = Pulumi.AwsNative.Logs;
using Ssm = Pulumi.AwsNative.Ssm;

namespace Infra.Tests;

/// <summary>CollectorCluster alone: it maps Core's collector spec and wires its resources to each other.</summary>
[Collection(PulumiCollection.Name)]
public class CollectorClusterComponentTests
{
    private const string TaskRoleArn = $"arn:aws:iam::{StackMocks.Account}:role/task";
    private const string ExecutionRoleArn = $"arn:aws:iam::{StackMocks.Account}:role/execution";
    private const string InstanceProfileArn = $"arn:aws:iam::{StackMocks.Account}:instance-profile/hosts";

    internal static CollectorSpec Spec(string? collectorJson = null)
    {
        var values = new Dictionary<string, string>
        {
            ["aws:region"] = StackMocks.Region,
            ["aws-native:region"] = StackMocks.Region,
        };
        if (collectorJson is not null)
        {
            values["adot-tracing:collector"] = collectorJson;
        }

        var settings = StackSettingsParser.Parse(new RawStackConfig("dev", values)).GetOrThrow();
        return StackBlueprint.Create(settings, Infra.Core.App.AppDeclaration.Empty, AwsContext.For(settings.Region, StackMocks.Account)).Collector!;
    }

    /// <param name="isPreview">Run as `pulumi preview`: role ARNs and the network are then unknown, as on a first preview.</param>
    private static Task<ComponentRun<CollectorCluster>> RunAsync(CollectorSpec spec, bool isPreview = false) =>
        ComponentRun<CollectorCluster>.RunAsync(
            options => new CollectorCluster("collector", new CollectorClusterArgs
            {
                Spec = spec,
                Roles = new CollectorRoleArns(Value(TaskRoleArn, isPreview), Value(ExecutionRoleArn, isPreview), Value(InstanceProfileArn, isPreview)),
                Network = new CollectorNetwork(
                    Value(StackMocks.VpcId, isPreview),
                    Value(StackMocks.VpcCidr, isPreview),
                    Value(ImmutableArray.Create("subnet-0aaaaaaaaaaaaaaa1", "subnet-0bbbbbbbbbbbbbbb2"), isPreview)),
                Tags = new Dictionary<string, string> { ["stack"] = "dev" },
            }, options),
            isPreview);

    private static Output<T> Value<T>(T value, bool unknown) => unknown ? OutputUtilities.CreateUnknown(value) : Output.Create(value);

    [Fact]
    public async Task TaskDefinitionDependsOnItsLogGroup()
    {
        var run = await RunAsync(Spec());
        var logGroup = run.Child<Logs.LogGroup>("-logs");
        var task = run.Child<Ecs.TaskDefinition>("-task");
        Assert.Contains(logGroup.Resource, await ComponentRun<CollectorCluster>.DependsOnAsync(task));

        // ...and the container logs to that group.
        var container = Assert.Single(await OutputUtilities.GetValueAsync(task.ArgsAs<Ecs.TaskDefinitionArgs>().ContainerDefinitions.ToOutput()));
        var options = await OutputUtilities.GetValueAsync(container.LogConfiguration!.ToOutput());
        var logOptions = await OutputUtilities.GetValueAsync(options.Options!.ToOutput());
        Assert.Equal(run.Mocks.Single("aws-native:logs:LogGroup").String("logGroupName"), logOptions["awslogs-group"]);
    }

    [Fact]
    public async Task ServiceWaitsForTheCapacityProviderAndRunsTheTaskOnTheCluster()
    {
        var run = await RunAsync(Spec());
        var service = run.Child<Ecs.Service>("-service");
        Assert.Contains(run.Child<Ecs.ClusterCapacityProviderAssociations>("-capacity-association").Resource, await ComponentRun<CollectorCluster>.DependsOnAsync(service));
        var args = service.ArgsAs<Ecs.ServiceArgs>();
        Assert.Contains(run.Child<Ecs.TaskDefinition>("-task").Resource, await ComponentRun<CollectorCluster>.SourcesOfAsync(args.TaskDefinition));
        Assert.Contains(run.Child<Ecs.Cluster>("-cluster").Resource, await ComponentRun<CollectorCluster>.SourcesOfAsync(args.Cluster));
    }

    [Fact]
    public async Task HostsChainFromSecurityGroupToLaunchTemplateToGroupToCapacityProvider()
    {
        var run = await RunAsync(Spec());
        var template = run.Child<Ec2.LaunchTemplate>("-launch-template");
        var data = await OutputUtilities.GetValueAsync(template.ArgsAs<Ec2.LaunchTemplateArgs>().LaunchTemplateData.ToOutput());
        Assert.Contains(run.Child<Ec2.SecurityGroup>("-hosts").Resource, await ComponentRun<CollectorCluster>.SourcesOfAsync(data.SecurityGroupIds));

        var group = run.Child<AutoScaling.AutoScalingGroup>("-hosts").ArgsAs<AutoScaling.AutoScalingGroupArgs>();
        var launch = await OutputUtilities.GetValueAsync(group.LaunchTemplate!.ToOutput());
        Assert.Contains(template.Resource, await ComponentRun<CollectorCluster>.SourcesOfAsync(launch.LaunchTemplateId));

        var provider = run.Child<Ecs.CapacityProvider>("-capacity").ArgsAs<Ecs.CapacityProviderArgs>();
        var groupProvider = await OutputUtilities.GetValueAsync(provider.AutoScalingGroupProvider!.ToOutput());
        Assert.Contains(run.Child<AutoScaling.AutoScalingGroup>("-hosts").Resource, await ComponentRun<CollectorCluster>.SourcesOfAsync(groupProvider.AutoScalingGroupArn));
    }

    [Fact]
    public async Task CustomConfigSecretComesFromTheCreatedParameter()
    {
        var spec = Spec("""{"config":{"source":"custom"}}""");
        var run = await RunAsync(spec);
        var parameter = run.Child<Ssm.Parameter>("-config");
        var container = Assert.Single(await OutputUtilities.GetValueAsync(run.Child<Ecs.TaskDefinition>("-task").ArgsAs<Ecs.TaskDefinitionArgs>().ContainerDefinitions.ToOutput()));
        var secret = Assert.Single(await OutputUtilities.GetValueAsync(container.Secrets.ToOutput()));
        Assert.Equal("AOT_CONFIG_CONTENT", await OutputUtilities.GetValueAsync(secret.Name!.ToOutput()));
        Assert.Contains(parameter.Resource, await ComponentRun<CollectorCluster>.SourcesOfAsync(secret.ValueFrom));

        var registered = run.Mocks.Single("aws-native:ssm:Parameter");
        Assert.Equal(spec.Config.ParameterTier, registered.String("tier"));
        Assert.Equal(spec.Config.ParameterName, registered.String("name"));
        Assert.Equal(spec.Config.Yaml, registered.String("value"));
        Assert.Equal(spec.Config.ParameterType, registered.String("type"));
    }

    [Fact]
    public async Task DaemonServiceIsMappedFromTheSpec()
    {
        var spec = Spec();
        var run = await RunAsync(spec);
        var service = run.Mocks.Single("aws-native:ecs:Service");
        Assert.Equal(("DAEMON", "EC2"), (service.String("schedulingStrategy"), service.String("launchType")));
        Assert.Null(service.Input("desiredCount"));
        Assert.Empty(service.List("capacityProviderStrategy"));
        AssertDeployment(spec.Service.Deployment, service);
    }

    [Fact]
    public async Task TheHostsTargetTrackingPolicyIsMappedFromTheSpec()
    {
        var spec = Spec("""{"minSize":1,"maxSize":3}""");
        var tracking = Assert.IsType<TargetTrackingSpec>(spec.AutoScaling.CpuTargetTracking);
        var run = await RunAsync(spec);
        var policy = run.Mocks.Single("aws-native:autoscaling:ScalingPolicy");
        Assert.Equal((spec.AutoScaling.Name, "TargetTrackingScaling"), (policy.String("autoScalingGroupName"), policy.String("policyType")));
        Assert.Equal((double)tracking.EstimatedInstanceWarmupSeconds, policy.Input("estimatedInstanceWarmup"));
        var configuration = policy.Object("targetTrackingConfiguration");
        Assert.Equal(tracking.TargetValue, (double)configuration["targetValue"]);
        var metric = (ImmutableDictionary<string, object>)configuration["customizedMetricSpecification"];
        Assert.Equal((tracking.MetricNamespace, tracking.MetricName, tracking.Statistic), ((string)metric["namespace"], (string)metric["metricName"], (string)metric["statistic"]));
        Assert.Equal(tracking.Dimensions.Select(dimension => (dimension.Name, dimension.Value)),
            ((ImmutableArray<object>)metric["dimensions"]).Cast<ImmutableDictionary<string, object>>().Select(dimension => ((string)dimension["name"], (string)dimension["value"])));
        var provider = run.Mocks.Single("aws-native:ecs:CapacityProvider");
        Assert.Equal("DISABLED", ((ImmutableDictionary<string, object>)provider.Object("autoScalingGroupProvider")["managedScaling"])["status"]);
    }

    [Fact]
    public async Task ReplicaServiceIsMappedFromTheSpec()
    {
        var spec = Spec("""{"schedulingStrategy":"REPLICA","desiredCount":2}""");
        var run = await RunAsync(spec);
        var service = run.Mocks.Single("aws-native:ecs:Service");
        Assert.Equal("REPLICA", service.String("schedulingStrategy"));
        Assert.Null(service.Input("launchType"));
        Assert.Equal(2.0, service.Input("desiredCount"));
        var strategy = Assert.IsAssignableFrom<ImmutableDictionary<string, object>>(Assert.Single(service.List("capacityProviderStrategy")));
        Assert.Equal(spec.CapacityProviderName, strategy["capacityProvider"]);
        AssertDeployment(spec.Service.Deployment, service);
    }

    [Fact]
    public async Task ClusterHostsAndTaskCarryTheSpecsDecisions()
    {
        var spec = Spec();
        var run = await RunAsync(spec);
        var setting = Assert.IsAssignableFrom<ImmutableDictionary<string, object>>(Assert.Single(run.Mocks.Single("aws-native:ecs:Cluster").List("clusterSettings")));
        Assert.Equal(("containerInsights", spec.ContainerInsights), ((string)setting["name"], (string)setting["value"]));

        Assert.Equal(spec.LaunchTemplate.Name, run.Mocks.Single("aws-native:ec2:LaunchTemplate").String("launchTemplateName"));
        var group = run.Mocks.Single("aws-native:autoscaling:AutoScalingGroup");
        Assert.Equal(spec.AutoScaling.Name, group.String("autoScalingGroupName"));
        var tags = group.List("tags").Cast<ImmutableDictionary<string, object>>().ToDictionary(tag => (string)tag["key"], tag => (string)tag["value"]);
        // dev's DAEMON group: no ECS managed scaling, so not the tag it needs.
        Assert.False(tags.ContainsKey("AmazonECSManaged"));
        Assert.All(spec.AutoScaling.InstanceTags, tag => Assert.Equal(tag.Value, tags[tag.Key]));
        Assert.Equal("dev", tags["stack"]);
        Assert.All(group.List("tags").Cast<ImmutableDictionary<string, object>>(), tag => Assert.Equal(spec.AutoScaling.TagInstances, (bool)tag["propagateAtLaunch"]));

        var container = Assert.IsAssignableFrom<ImmutableDictionary<string, object>>(Assert.Single(run.Mocks.Single("aws-native:ecs:TaskDefinition").List("containerDefinitions")));
        var healthCheck = (ImmutableDictionary<string, object>)container["healthCheck"];
        Assert.Equal(spec.Task.Container.HealthCheck.Command, ((ImmutableArray<object>)healthCheck["command"]).Cast<string>());
        var task = run.Mocks.Single("aws-native:ecs:TaskDefinition");
        Assert.Equal((TaskRoleArn, ExecutionRoleArn), (task.String("taskRoleArn"), task.String("executionRoleArn")));
    }

    [Fact]
    public async Task PreviewWithUnknownRolesAndNetworkRegistersTheSameResourcesAsAnUpdate()
    {
        var spec = Spec("""{"config":{"source":"custom"}}""");
        var up = await RunAsync(spec);
        var preview = await RunAsync(spec, isPreview: true);
        static IEnumerable<string> Names(ComponentRun<CollectorCluster> run) =>
            run.Mocks.Resources.Select(resource => $"{resource.Type} {resource.Name}").Order(StringComparer.Ordinal);
        Assert.NotEmpty(Names(up));
        Assert.Equal(Names(up), Names(preview));
        // The unknown role ARN is not sent as a value; the known ones are.
        Assert.Null(preview.Mocks.Single("aws-native:ecs:TaskDefinition").String("taskRoleArn"));
        Assert.Equal(TaskRoleArn, up.Mocks.Single("aws-native:ecs:TaskDefinition").String("taskRoleArn"));
    }

    private static void AssertDeployment(DeploymentSpec expected, Registered service)
    {
        var configuration = service.Object("deploymentConfiguration");
        var breaker = (ImmutableDictionary<string, object>)configuration["deploymentCircuitBreaker"];
        Assert.Equal((expected.CircuitBreaker, expected.Rollback), ((bool)breaker["enable"], (bool)breaker["rollback"]));
        Assert.Equal(
            ((double)expected.MinimumHealthyPercent, (double)expected.MaximumPercent),
            ((double)configuration["minimumHealthyPercent"], (double)configuration["maximumPercent"]));
    }
}
