using System.Collections.Immutable;
using Infra.Components;
using Infra.Core.Sampling;
using Infra.Core.Settings;
using Pulumi.Utilities;

namespace Infra.Tests;

/// <summary>SamplingRules alone: one X-Ray rule per spec rule with every field, the group, and Transaction Search wiring.</summary>
[Collection(PulumiCollection.Name)]
public class SamplingRulesTests
{
    private static Task<ComponentRun<SamplingRules>> Run(SamplingSpec spec) =>
        ComponentRun<SamplingRules>.RunAsync(options => new SamplingRules("sampling", new SamplingRulesArgs
        {
            Spec = spec,
            Tags = new Dictionary<string, string> { ["stack"] = "test" },
        }, options));

    private static readonly SamplingRuleSpec Custom = new(
        "orders", "shop-dev-orders", RuleKind.Custom, 42, 0.3, 3, "orders-service", "AWS::ECS::Container",
        "orders.example.com", "POST", "/orders/*", "*", new SamplingBoost(0.6, 7));

    [Fact]
    public async Task EveryFieldOfARuleReachesXRay()
    {
        var spec = Blueprints.For("dev").Sampling;
        var run = await Run(spec with { Rules = [Custom] });
        var registered = run.Mocks.Single("aws-native:xray:SamplingRule");
        Assert.Equal("shop-dev-orders", registered.String("ruleName"));
        var body = registered.Object("samplingRule");
        Assert.Equal("shop-dev-orders", body["ruleName"]);
        Assert.Equal(42.0, body["priority"]);
        Assert.Equal(0.3, body["fixedRate"]);
        Assert.Equal(3.0, body["reservoirSize"]);
        Assert.Equal("orders-service", body["serviceName"]);
        Assert.Equal("AWS::ECS::Container", body["serviceType"]);
        Assert.Equal("orders.example.com", body["host"]);
        Assert.Equal("POST", body["httpMethod"]);
        Assert.Equal("/orders/*", body["urlPath"]);
        Assert.Equal("*", body["resourceArn"]);
        // X-Ray's SamplingRule has Version 1 (https://docs.aws.amazon.com/xray/latest/api/API_SamplingRule.html).
        Assert.Equal(1.0, body["version"]);
        var boost = Assert.IsType<ImmutableDictionary<string, object>>(body["samplingRateBoost"]);
        Assert.Equal((0.6, 7.0), ((double)boost["maxRate"], (double)boost["cooldownWindowMinutes"]));
    }

    [Fact]
    public async Task OneResourcePerRuleAndTheirNamesAsOutput()
    {
        var spec = Blueprints.For("prod").Sampling;
        var run = await Run(spec);
        var expected = spec.Rules.Select(rule => rule.RuleName).ToList();
        Assert.True(expected.Count >= 3);
        Assert.Equal(expected.Order(), run.Mocks.OfType("aws-native:xray:SamplingRule").Select(rule => rule.String("ruleName")!).Order());
        Assert.Equal(expected, await OutputUtilities.GetValueAsync(run.Component.RuleNames));
        Assert.All(run.Mocks.OfType("aws-native:xray:SamplingRule"), rule => Assert.False(rule.Object("samplingRule").ContainsKey("samplingRateBoost")));
    }

    [Fact]
    public async Task GroupHasTheSpecsFilterAndInsights()
    {
        var spec = Blueprints.For("dev").Sampling;
        var run = await Run(spec with { Group = new XRayGroupSpec("g-test", "service(\"x\")", InsightsEnabled: true, NotificationsEnabled: false) });
        var group = run.Mocks.Single("aws-native:xray:Group");
        Assert.Equal("g-test", group.String("groupName"));
        Assert.Equal("service(\"x\")", group.String("filterExpression"));
        Assert.Equal((true, false), ((bool)group.Object("insightsConfiguration")["insightsEnabled"], (bool)group.Object("insightsConfiguration")["notificationsEnabled"]));
    }

    [Fact]
    public async Task TransactionSearchWaitsForItsLogsPolicy()
    {
        var spec = Blueprints.For("prod", config: ("transactionSearch", """{"enabled":true,"indexingPercentage":3}""")).Sampling;
        var run = await Run(spec);
        Assert.Equal(3.0, run.Mocks.Single("aws-native:xray:TransactionSearchConfig").Input("indexingPercentage"));
        Assert.Equal(spec.TransactionSearch.ResourcePolicyName, run.Mocks.Single("aws-native:logs:ResourcePolicy").String("policyName"));
        var dependsOn = new List<string>();
        await foreach (var input in run.OptionsOf("sampling-transaction-search").DependsOn)
        {
            Pulumi.Output<Pulumi.Resource> resource = input;
            dependsOn.Add((await OutputUtilities.GetValueAsync(resource)).GetResourceName());
        }

        Assert.Equal(["sampling-transaction-search-policy"], dependsOn);
    }
}
