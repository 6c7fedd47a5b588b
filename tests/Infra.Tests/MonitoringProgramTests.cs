using Infra.Core.StackFiles;

namespace Infra.Tests;

/// <summary>The committed stacks with their monitoring: SLOs, alarms to the stack's topic, the dashboard URL as an output.</summary>
[Collection(PulumiCollection.Name)]
public class MonitoringProgramTests
{
    [Theory]
    [InlineData("dev")]
    [InlineData("staging")]
    [InlineData("prod")]
    public async Task CommittedStacksOutputTheirDashboardUrlAndAlertTopic(string stack)
    {
        var run = await StackRun.RunAsync(stack, StackRun.CommittedConfig(stack));
        Assert.Equal($"https://console.aws.amazon.com/cloudwatch/home?region=us-west-2#dashboards/dashboard/adot-tracing-{stack}", await run.OutputAsync<string>("dashboardUrl"));
        Assert.Equal($"arn:aws:sns:us-west-2:{StackMocks.Account}:adot-tracing-{stack}-alerts", await run.OutputAsync<string>("alertTopicArn"));
        Assert.Equal($"adot-tracing-{stack}", run.Mocks.Single("aws-native:cloudwatch:Dashboard").String("dashboardName"));
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("staging")]
    [InlineData("prod")]
    public async Task CommittedStacksKeepAnAvailabilityAndALatencySloOnTheChatRoute(string stack)
    {
        var run = await StackRun.RunAsync(stack, StackRun.CommittedConfig(stack));
        Assert.Equal(
            [$"adot-tracing-{stack}-post-chat-availability", $"adot-tracing-{stack}-post-chat-latency"],
            run.Mocks.OfType("aws-native:applicationsignals:ServiceLevelObjective").Select(slo => slo.String("name")!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task CommittedDevPagesNobody()
    {
        var run = await StackRun.RunAsync("dev", StackRun.CommittedConfig("dev"));
        var topic = run.Mocks.Single("aws-native:sns:Topic");
        Assert.True(topic.Input("subscription") is null || topic.List("subscription").Count == 0);
        Assert.NotEmpty(run.Mocks.OfType("aws-native:cloudwatch:Alarm"));
    }

    [Fact]
    public async Task EveryAlarmOfTheStackGoesToItsOwnTopic()
    {
        var run = await StackRun.RunAsync("prod", StackRun.CommittedConfig("prod"));
        var topic = $"arn:aws:sns:us-west-2:{StackMocks.Account}:adot-tracing-prod-alerts";
        var alarms = run.Mocks.OfType("aws-native:cloudwatch:Alarm");
        Assert.NotEmpty(alarms);
        Assert.All(alarms, alarm => Assert.Equal([topic], alarm.Strings("alarmActions")));
    }

    [Fact]
    public async Task AStackWithoutACollectorHasNoCollectorAlarms()
    {
        var config = new Dictionary<string, string>(StackRun.CommittedConfig("dev")) { ["adot-tracing:collector"] = """{"enabled":false}""" };
        var run = await StackRun.RunAsync("dev", config);
        var namespaces = run.Mocks.OfType("aws-native:cloudwatch:Alarm").Select(alarm => alarm.String("namespace")).ToList();
        Assert.Contains("AWS/Lambda", namespaces);
        Assert.DoesNotContain("AWS/ECS", namespaces);
        Assert.DoesNotContain("ECS/ContainerInsights", namespaces);
    }

    [Fact]
    public async Task SubscriptionsFromTheStackFileReachTheTopic()
    {
        var config = new Dictionary<string, string>(StackRun.CommittedConfig("prod"))
        {
            ["adot-tracing:alerts"] = """{"subscriptions":[{"protocol":"sms","endpoint":"+14155550100"}]}""",
        };
        var run = await StackRun.RunAsync("prod", config);
        var subscription = Assert.IsAssignableFrom<System.Collections.Immutable.ImmutableDictionary<string, object>>(
            Assert.Single(run.Mocks.Single("aws-native:sns:Topic").List("subscription")));
        Assert.Equal(("sms", "+14155550100"), ((string)subscription["protocol"], (string)subscription["endpoint"]));
    }
}
