using Infra.Core.Collector;
using Infra.Core.Settings;

namespace Infra.Core.Tests.Collector;

/// <summary>How the collector service rolls out, and the decisions the cluster component only maps.</summary>
public class CollectorServiceTests
{
    [Fact]
    public void DaemonServiceFailsFastAndKeepsHalfTheHostsCollecting()
    {
        var service = TestStacks.Blueprint("dev").Collector!.Service;
        Assert.Equal(SchedulingStrategy.Daemon, service.SchedulingStrategy);
        // The circuit breaker applies to the rolling update (ECS) deployment type, which a DAEMON service uses
        // (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeploymentCircuitBreaker.html): a task that
        // never turns healthy fails the deployment and rolls it back instead of leaving the update waiting.
        Assert.Equal((true, true), (service.Deployment.CircuitBreaker, service.Deployment.Rollback));
        // The API's default minimumHealthyPercent for DAEMON is 0 % (all collectors stopped at once):
        // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-ecs-service-deploymentconfiguration.html
        Assert.Equal(50, service.Deployment.MinimumHealthyPercent);
        Assert.Equal(100, service.Deployment.MaximumPercent);
        // A daemon runs one task per instance: no desired count, no capacity provider strategy, EC2 launch type.
        Assert.Null(service.DesiredCount);
        Assert.False(service.UsesCapacityProvider);
        Assert.Equal("EC2", service.LaunchType);
    }

    [Fact]
    public void ReplicaServiceFailsFastAndKeepsEveryCollectorWhileReplacing()
    {
        var service = TestStacks.Blueprint("dev", ("collector", """{"schedulingStrategy":"REPLICA","desiredCount":3}""")).Collector!.Service;
        Assert.Equal((SchedulingStrategy.Replica, 3), (service.SchedulingStrategy, service.DesiredCount));
        Assert.Equal((true, true, 100, 200), (service.Deployment.CircuitBreaker, service.Deployment.Rollback, service.Deployment.MinimumHealthyPercent, service.Deployment.MaximumPercent));
        Assert.True(service.UsesCapacityProvider);
        Assert.Null(service.LaunchType);
    }

    [Fact]
    public void PhysicalNamesCarryProjectAndStack()
    {
        var collector = TestStacks.Blueprint("dev").Collector!;
        Assert.Equal("adot-tracing-dev-collector-hosts", collector.LaunchTemplate.Name);
        Assert.Equal("adot-tracing-dev-collector-hosts", collector.AutoScaling.Name);
        Assert.Equal("adot-tracing-dev-collector-capacity", collector.CapacityProviderName);
        Assert.Equal("adot-tracing-dev-collector", collector.Service.Name);
        var prod = TestStacks.Blueprint("prod").Collector!;
        Assert.NotEqual(collector.LaunchTemplate.Name, prod.LaunchTemplate.Name);
        Assert.NotEqual(collector.AutoScaling.Name, prod.AutoScaling.Name);
    }

    [Fact]
    public void ClusterHasContainerInsights() =>
        Assert.Equal("enabled", TestStacks.Blueprint("dev").Collector!.ContainerInsights);

    [Fact]
    public void AReplicaServicesHostsAreScaledByEcs()
    {
        // A REPLICA service places its tasks through the capacity provider, so ECS managed scaling adds hosts for them.
        var scaling = TestStacks.Blueprint("prod", ("collector", """{"schedulingStrategy":"REPLICA","desiredCount":3}""")).Collector!.AutoScaling;
        Assert.True(scaling.ManagedScaling);
        // ECS managed scaling needs the AmazonECSManaged tag on the group:
        // https://docs.aws.amazon.com/AmazonECS/latest/developerguide/asg-capacity-providers-create-auto-scaling-group.html
        Assert.Equal("true", scaling.InstanceTags["AmazonECSManaged"]);
        Assert.Null(scaling.CpuTargetTracking);
        Assert.Contains("ECS managed scaling", scaling.Scaling, StringComparison.Ordinal);
    }

    [Theory]
    // "Tasks without a capacity provider strategy are ignored by capacity providers. A pending task that doesn't have a
    // capacity provider strategy won't cause any capacity provider to scale out."
    // https://docs.aws.amazon.com/AmazonECS/latest/developerguide/managed-scaling-behavior.html
    // A daemon service has none (DaemonServiceFailsFastAndKeepsHalfTheHostsCollecting), so a group that may grow
    // (staging 1..2, prod 2..4) needs a policy of its own, and ECS managed scaling is off.
    [InlineData("staging", 85)]
    [InlineData("prod", 80)]
    public void ADaemonGroupThatMayGrowScalesOnTheCollectorsCpu(string stack, double cpuAlarmPercent)
    {
        var collector = TestStacks.Blueprint(stack).Collector!;
        Assert.Equal(SchedulingStrategy.Daemon, collector.Service.SchedulingStrategy);
        Assert.True(collector.AutoScaling.MinSize < collector.AutoScaling.MaxSize);
        Assert.False(collector.AutoScaling.ManagedScaling);
        Assert.False(collector.AutoScaling.InstanceTags.ContainsKey("AmazonECSManaged"));
        var policy = Assert.IsType<TargetTrackingSpec>(collector.AutoScaling.CpuTargetTracking);
        // The service's CPU utilization in AWS/ECS (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/available-metrics.html),
        // averaged over its tasks: one per host, so it falls as hosts are added, as target tracking needs.
        Assert.Equal(("AWS/ECS", "CPUUtilization", "Average"), (policy.MetricNamespace, policy.MetricName, policy.Statistic));
        Assert.Equal([("ClusterName", collector.ClusterName), ("ServiceName", collector.Service.Name)], policy.Dimensions.Select(dimension => (dimension.Name, dimension.Value)));
        // Hosts are added before the collector-cpu alarm of the environment goes off.
        Assert.InRange(policy.TargetValue, 1, cpuAlarmPercent - 1);
        Assert.Contains("target tracking", collector.AutoScaling.Scaling, StringComparison.Ordinal);
    }

    [Fact]
    public void AFixedDaemonGroupHasNoScalingPolicy()
    {
        var scaling = TestStacks.Blueprint("dev").Collector!.AutoScaling;
        Assert.Equal((1, 1), (scaling.MinSize, scaling.MaxSize));
        Assert.Null(scaling.CpuTargetTracking);
        Assert.False(scaling.ManagedScaling);
        Assert.StartsWith("fixed at 1 host", scaling.Scaling, StringComparison.Ordinal);
    }

    [Theory]
    // Standard parameters hold 4 KB, advanced 8 KB:
    // https://docs.aws.amazon.com/systems-manager/latest/userguide/parameter-store-advanced-parameters.html
    [InlineData(1, "Standard")]
    [InlineData(4096, "Standard")]
    [InlineData(4097, "Advanced")]
    [InlineData(8192, "Advanced")]
    public void ConfigParameterUsesTheCheapestTierThatHoldsIt(int bytes, string tier) =>
        Assert.Equal(tier, CollectorBuilder.ParameterTier(bytes));

    [Fact]
    public void ConfigLargerThanAnyParameterIsRefused() =>
        Assert.Throws<InvalidOperationException>(() => CollectorBuilder.ParameterTier(8193));
}
