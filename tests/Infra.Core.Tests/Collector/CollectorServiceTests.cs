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
    public void ClusterHasContainerInsightsAndTheGroupIsManagedByEcs()
    {
        var collector = TestStacks.Blueprint("dev").Collector!;
        Assert.Equal("enabled", collector.ContainerInsights);
        // ECS managed scaling needs the AmazonECSManaged tag on the group:
        // https://docs.aws.amazon.com/AmazonECS/latest/developerguide/asg-capacity-providers-create-auto-scaling-group.html
        Assert.Equal("true", collector.AutoScaling.InstanceTags["AmazonECSManaged"]);
        Assert.True(collector.AutoScaling.ManagedScaling);
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
