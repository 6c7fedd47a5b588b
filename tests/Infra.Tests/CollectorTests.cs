using System.Collections.Immutable;

namespace Infra.Tests;

[Collection(PulumiCollection.Name)]
public class CollectorTests
{
    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public async Task CollectorTaskRunsTheAdotCollectorWithTheArticlesSize(string stack)
    {
        var run = await StackRun.RunAsync(stack, new Dictionary<string, string> { ["profile"] = "article" });
        var task = run.Mocks.Single("aws-native:ecs:TaskDefinition");
        Assert.Equal("1024", task.String("cpu"));
        Assert.Equal("2048", task.String("memory"));
        Assert.Equal("bridge", task.String("networkMode"));
        Assert.Equal(["EC2"], task.Strings("requiresCompatibilities"));
        var container = Assert.IsAssignableFrom<ImmutableDictionary<string, object>>(Assert.Single(task.List("containerDefinitions")));
        Assert.Equal("aws-otel-collector", container["name"]);
        Assert.StartsWith("public.ecr.aws/aws-observability/aws-otel-collector:v", (string)container["image"]);
        Assert.Equal(["--config=/etc/ecs/ecs-default-config.yaml"], ((ImmutableArray<object>)container["command"]).Cast<string>());
        var healthCheck = (ImmutableDictionary<string, object>)container["healthCheck"];
        Assert.Equal(["CMD", "/healthcheck"], ((ImmutableArray<object>)healthCheck["command"]).Cast<string>());
        var ports = ((ImmutableArray<object>)container["portMappings"]).Cast<ImmutableDictionary<string, object>>()
            .Select(port => $"{port["containerPort"]}/{port["protocol"]}").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["2000/udp", "4317/tcp", "4318/tcp", "8125/udp"], ports);
    }

    [Fact]
    public async Task TaskUsesBothCollectorRolesAndTheServiceRunsThatTask()
    {
        var run = await StackRun.RunAsync("dev");
        var roles = run.Mocks.OfType("aws-native:iam:Role").ToDictionary(role => role.String("roleName")!, role => role);
        var task = run.Mocks.Single("aws-native:ecs:TaskDefinition");
        Assert.Equal($"arn:aws:iam::{StackMocks.Account}:role/adot-tracing-dev-AWSOTTaskRole", task.String("taskRoleArn"));
        Assert.Equal($"arn:aws:iam::{StackMocks.Account}:role/adot-tracing-dev-TaskExecutionRole", task.String("executionRoleArn"));
        Assert.Contains("adot-tracing-dev-AWSOTTaskRole", roles.Keys);

        var service = run.Mocks.Single("aws-native:ecs:Service");
        Assert.Equal($"arn:aws:ecs:{StackMocks.Region}:{StackMocks.Account}:task-definition/adot-tracing-dev-aws-otel-collector:1", service.String("taskDefinition"));
        Assert.Equal("DAEMON", service.String("schedulingStrategy"));
        Assert.Equal("EC2", service.String("launchType"));
    }

    [Fact]
    public async Task TaskRoleCarriesTheCollectorPolicy()
    {
        var run = await StackRun.RunAsync("dev");
        var policy = run.Mocks.Single("aws-native:iam:ManagedPolicy");
        Assert.Equal("adot-tracing-dev-AWSDistroOpenTelemetryPolicy", policy.String("managedPolicyName"));
        var taskRole = run.Mocks.OfType("aws-native:iam:Role").Single(role => role.String("roleName") == "adot-tracing-dev-AWSOTTaskRole");
        Assert.Equal([$"arn:aws:iam::{StackMocks.Account}:policy/adot-tracing-dev-AWSDistroOpenTelemetryPolicy"], taskRole.Strings("managedPolicyArns"));
        var trust = taskRole.Object("assumeRolePolicyDocument");
        var statement = (ImmutableDictionary<string, object>)((ImmutableArray<object>)trust["Statement"])[0];
        Assert.Equal("ecs-tasks.amazonaws.com", ((ImmutableDictionary<string, object>)statement["Principal"])["Service"]);
        var condition = (ImmutableDictionary<string, object>)((ImmutableDictionary<string, object>)statement["Condition"])["StringEquals"];
        Assert.Equal(StackMocks.Account, condition["aws:SourceAccount"]);
    }

    [Fact]
    public async Task SeedModeAttachesTheArticlesManagedPoliciesToTheExecutionRole()
    {
        var run = await StackRun.RunAsync("dev", new Dictionary<string, string> { ["iamMode"] = "seed" });
        var execution = run.Mocks.OfType("aws-native:iam:Role").Single(role => role.String("roleName") == "adot-tracing-dev-TaskExecutionRole");
        Assert.Equal(
            ["arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy", "arn:aws:iam::aws:policy/CloudWatchLogsFullAccess", "arn:aws:iam::aws:policy/AmazonSSMReadOnlyAccess"],
            execution.Strings("managedPolicyArns"));
    }

    [Fact]
    public async Task HostsAreOnTheEcsAmiWithImdsV2AndEncryptedRootVolume()
    {
        var run = await StackRun.RunAsync("prod");
        var template = run.Mocks.Single("aws-native:ec2:LaunchTemplate");
        var data = template.Object("launchTemplateData");
        Assert.Equal("resolve:ssm:/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id", data["imageId"]);
        Assert.Equal("t3.medium", data["instanceType"]);
        var metadata = (ImmutableDictionary<string, object>)data["metadataOptions"];
        Assert.Equal("required", metadata["httpTokens"]);
        Assert.Equal(2.0, metadata["httpPutResponseHopLimit"]);
        var device = (ImmutableDictionary<string, object>)((ImmutableArray<object>)data["blockDeviceMappings"])[0];
        Assert.Equal(true, ((ImmutableDictionary<string, object>)device["ebs"])["encrypted"]);
        var userData = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String((string)data["userData"]));
        Assert.Contains("ECS_CLUSTER=adot-tracing-prod-collector", userData);

        var group = run.Mocks.Single("aws-native:autoscaling:AutoScalingGroup");
        Assert.Equal(("2", "4"), (group.String("minSize"), group.String("maxSize")));
        Assert.Equal(["subnet-0aaaaaaaaaaaaaaa1", "subnet-0bbbbbbbbbbbbbbb2"], group.Strings("vpcZoneIdentifier"));
    }

    [Fact]
    public async Task ProdsDaemonHostsScaleOnTheCollectorsCpuNotThroughEcsManagedScaling()
    {
        // "Tasks without a capacity provider strategy are ignored by capacity providers"
        // (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/managed-scaling-behavior.html): a DAEMON service has
        // none, so prod's 2..4 hosts grow through a target tracking policy on the group, and managed scaling is off.
        var run = await StackRun.RunAsync("prod");
        var provider = run.Mocks.Single("aws-native:ecs:CapacityProvider");
        Assert.Equal("DISABLED", ((ImmutableDictionary<string, object>)provider.Object("autoScalingGroupProvider")["managedScaling"])["status"]);
        var policy = run.Mocks.Single("aws-native:autoscaling:ScalingPolicy");
        Assert.Equal("TargetTrackingScaling", policy.String("policyType"));
        Assert.Equal(run.Mocks.Single("aws-native:autoscaling:AutoScalingGroup").String("autoScalingGroupName"), policy.String("autoScalingGroupName"));
        var metric = (ImmutableDictionary<string, object>)policy.Object("targetTrackingConfiguration")["customizedMetricSpecification"];
        Assert.Equal(("AWS/ECS", "CPUUtilization"), ((string)metric["namespace"], (string)metric["metricName"]));
        var service = run.Mocks.Single("aws-native:ecs:Service").String("serviceName");
        Assert.Contains(((ImmutableArray<object>)metric["dimensions"]).Cast<ImmutableDictionary<string, object>>(),
            dimension => (string)dimension["name"] == "ServiceName" && (string)dimension["value"] == service);
    }

    [Fact]
    public async Task DevsFixedHostHasNoScalingPolicy()
    {
        var run = await StackRun.RunAsync("dev");
        Assert.Empty(run.Mocks.OfType("aws-native:autoscaling:ScalingPolicy"));
    }

    [Fact]
    public async Task CollectorIngressIsLimitedToTheVpc()
    {
        var run = await StackRun.RunAsync("dev");
        var group = run.Mocks.Single("aws-native:ec2:SecurityGroup");
        Assert.Equal(StackMocks.VpcId, group.String("vpcId"));
        var rules = group.List("securityGroupIngress").Cast<ImmutableDictionary<string, object>>().ToList();
        Assert.NotEmpty(rules);
        Assert.All(rules, rule => Assert.Equal(StackMocks.VpcCidr, rule["cidrIp"]));
        Assert.Contains(rules, rule => (string)rule["ipProtocol"] == "udp" && (double)rule["fromPort"] == 2000);
    }

    [Fact]
    public async Task CustomConfigIsStoredInSsmAndPassedAsTheConfigSecret()
    {
        var run = await StackRun.RunAsync("staging", new Dictionary<string, string>
        {
            ["collector"] = """{"config":{"source":"custom"},"schedulingStrategy":"REPLICA","desiredCount":2}""",
        });
        var parameter = run.Mocks.Single("aws-native:ssm:Parameter");
        Assert.Equal("/adot-tracing/staging/collector/config", parameter.String("name"));
        Assert.Contains("proxy_server", parameter.String("value"));
        Assert.Equal("Standard", parameter.String("tier"));
        var container = (ImmutableDictionary<string, object>)run.Mocks.Single("aws-native:ecs:TaskDefinition").List("containerDefinitions")[0];
        var secret = (ImmutableDictionary<string, object>)Assert.Single((ImmutableArray<object>)container["secrets"]);
        Assert.Equal("AOT_CONFIG_CONTENT", secret["name"]);
        Assert.Equal($"arn:aws:ssm:{StackMocks.Region}:{StackMocks.Account}:parameter/adot-tracing/staging/collector/config", secret["valueFrom"]);

        var service = run.Mocks.Single("aws-native:ecs:Service");
        Assert.Equal("REPLICA", service.String("schedulingStrategy"));
        Assert.Equal(2.0, service.Input("desiredCount"));
        var breaker = (ImmutableDictionary<string, object>)service.Object("deploymentConfiguration")["deploymentCircuitBreaker"];
        Assert.Equal((true, true), ((bool)breaker["enable"], (bool)breaker["rollback"]));
    }

    [Fact]
    public async Task NothingOfTheCollectorIsCreatedWhenDisabled()
    {
        var run = await StackRun.RunAsync("dev", new Dictionary<string, string> { ["collector"] = """{"enabled":false}""" });
        Assert.DoesNotContain(run.Mocks.Resources, resource =>
            resource.Type.StartsWith("aws-native:ecs:", StringComparison.Ordinal)
            || resource.Type.StartsWith("aws-native:ec2:", StringComparison.Ordinal)
            || resource.Type.StartsWith("aws-native:autoscaling:", StringComparison.Ordinal)
            || resource.Type == "aws-native:iam:ManagedPolicy"
            || resource.Type.StartsWith("adot-tracing:collector", StringComparison.Ordinal));
        Assert.DoesNotContain(run.Mocks.OfType("aws-native:iam:Role"), role => role.String("roleName")!.Contains("AWSOTTaskRole"));
        Assert.False(run.Outputs.ContainsKey("collectorClusterName"));
    }
}
