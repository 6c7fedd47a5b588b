using System.Collections.Immutable;

namespace Infra.Tests;

[Collection(PulumiCollection.Name)]
public class SamplingTests
{
    [Fact]
    public async Task ProdRegistersOneRulePerSpecAndNoBoostOnTheApiStage()
    {
        var run = await StackRun.RunAsync("prod");
        var rules = run.Mocks.OfType("aws-native:xray:SamplingRule");
        Assert.Equal(5, rules.Count);
        var bodies = rules.Select(rule => rule.Object("samplingRule")).ToList();
        Assert.All(bodies, body =>
        {
            Assert.Equal("adot-tracing-prod-api/prod", body["serviceName"]);
            Assert.Equal("AWS::ApiGateway::Stage", body["serviceType"]);
        });
        var critical = bodies.Single(body => (string)body["urlPath"] == "/chat*");
        Assert.Equal(100.0, critical["priority"]);
        // API Gateway roots every request trace and X-Ray boosts only ADOT-SDK roots (xray-adaptive-sampling.html).
        Assert.All(bodies, body => Assert.False(body.ContainsKey("samplingRateBoost")));
        var routine = bodies.Single(body => (string)body["urlPath"] == "/health*");
        Assert.False(routine.ContainsKey("samplingRateBoost"));
        Assert.Equal(0.0, routine["fixedRate"]);
    }

    [Fact]
    public async Task BoostOnARuleForAnSdkServiceReachesTheRule()
    {
        var run = await StackRun.RunAsync("prod", new Dictionary<string, string>
        {
            ["sampling"] = """{"rules":[{"name":"orders","priority":50,"fixedRate":0.1,"serviceName":"orders-service","serviceType":"AWS::ECS::Container","boost":{"maxRate":0.4,"cooldownWindowMinutes":7}}]}""",
        });
        var body = run.Mocks.OfType("aws-native:xray:SamplingRule").Select(rule => rule.Object("samplingRule")).Single(body => (string)body["serviceName"] == "orders-service");
        Assert.Equal("AWS::ECS::Container", body["serviceType"]);
        var boost = (ImmutableDictionary<string, object>)body["samplingRateBoost"];
        Assert.Equal(0.4, boost["maxRate"]);
        Assert.Equal(7.0, boost["cooldownWindowMinutes"]);
    }

    [Fact]
    public async Task DevRulesHaveNoBoostAndRecordEverything()
    {
        var run = await StackRun.RunAsync("dev");
        var rules = run.Mocks.OfType("aws-native:xray:SamplingRule").Select(rule => rule.Object("samplingRule")).ToList();
        Assert.Equal(5, rules.Count);
        Assert.All(rules, body =>
        {
            Assert.False(body.ContainsKey("samplingRateBoost"));
            Assert.Equal(1.0, body["fixedRate"]);
        });
    }

    [Fact]
    public async Task GroupFiltersOnTheStacksServicesWithInsightsInProd()
    {
        var prod = (await StackRun.RunAsync("prod")).Mocks.Single("aws-native:xray:Group");
        Assert.Equal("adot-tracing-prod", prod.String("groupName"));
        Assert.Contains("service(\"adot-tracing-prod-api/prod\")", prod.String("filterExpression"));
        Assert.Equal(true, prod.Object("insightsConfiguration")["insightsEnabled"]);
        var dev = (await StackRun.RunAsync("dev")).Mocks.Single("aws-native:xray:Group");
        Assert.Equal(false, dev.Object("insightsConfiguration")["insightsEnabled"]);
    }

    [Fact]
    public async Task NoTransactionSearchUnlessEnabled()
    {
        var off = await StackRun.RunAsync("prod");
        Assert.Empty(off.Mocks.OfType("aws-native:xray:TransactionSearchConfig"));
        Assert.Empty(off.Mocks.OfType("aws-native:logs:ResourcePolicy"));

        var on = await StackRun.RunAsync("prod", new Dictionary<string, string> { ["transactionSearch"] = """{"enabled":true,"indexingPercentage":2}""" });
        Assert.Equal(2.0, on.Mocks.Single("aws-native:xray:TransactionSearchConfig").Input("indexingPercentage"));
        Assert.Contains("xray.amazonaws.com", on.Mocks.Single("aws-native:logs:ResourcePolicy").String("policyDocument"));
    }
}
