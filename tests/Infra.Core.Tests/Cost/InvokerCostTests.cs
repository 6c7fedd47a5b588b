using CsCheck;
using Infra.Core.Api;
using Infra.Core.Cost;
using Infra.Core.Settings;

namespace Infra.Core.Tests.Cost;

/// <summary>
/// Functions are priced by what invokes them: a function behind a route gets that route's traffic; a queue's consumer gets
/// its producer's invocations, one message each. Nothing depends on which function is which.
/// </summary>
public class InvokerCostTests
{
    private const double Month = 2_592_000;

    private static IReadOnlyDictionary<string, double> Invocations(IReadOnlyList<RouteSpec> routes, IReadOnlyList<RouteTraffic> traffic, params QueueLink[] queues) =>
        MonthlyCostBuilder.InvocationsPerMonth(routes, traffic, queues);

    [Fact]
    public void AFunctionBehindARouteGetsThatRoutesTrafficOnly()
    {
        // a: POST /a at 2/s and GET /a at 3/s, both routes to a: 5 × 2,592,000. GET /b (mock) and POST /x (no route) invoke nothing.
        var result = Invocations(
            [RouteSpec.Lambda("POST", "/a", "a"), RouteSpec.Lambda("GET", "/a", "a"), RouteSpec.Mock("GET", "/b")],
            [new("POST", "/a", 2), new("GET", "/a", 3), new("GET", "/b", 7), new("POST", "/x", 11)]);
        Assert.Equal(5 * Month, result["a"], 6);
        Assert.Single(result);
    }

    [Fact]
    public void AQueuesConsumerGetsItsProducersInvocationsDownAChain()
    {
        // a ← 4/s; a → q1 → b → q2 → c: each gets 4 × 2,592,000; d consumes from nobody's queue but its own route at 1/s.
        var result = Invocations(
            [RouteSpec.Lambda("POST", "/a", "a"), RouteSpec.Lambda("POST", "/d", "d")],
            [new("POST", "/a", 4), new("POST", "/d", 1)],
            new QueueLink("a", "b"), new QueueLink("b", "c"));
        Assert.Equal(4 * Month, result["b"], 6);
        Assert.Equal(4 * Month, result["c"], 6);
        Assert.Equal(1 * Month, result["d"], 6);
    }

    [Fact]
    public void AConsumerOfTwoProducersGetsBoth()
    {
        var result = Invocations(
            [RouteSpec.Lambda("POST", "/a", "a"), RouteSpec.Lambda("POST", "/b", "b")],
            [new("POST", "/a", 4), new("POST", "/b", 6)],
            new QueueLink("a", "c"), new QueueLink("b", "c"));
        Assert.Equal(10 * Month, result["c"], 6);
    }

    [Fact]
    public void ACycleOfQueuesEnds()
    {
        var result = Invocations([RouteSpec.Lambda("POST", "/a", "a")], [new("POST", "/a", 1)], new QueueLink("a", "b"), new QueueLink("b", "a"));
        Assert.True(double.IsFinite(result["a"]) && double.IsFinite(result["b"]));
    }

    [Fact]
    public void InvocationsAreLinearInTraffic() =>
        // Any rate on a route to a, queued to b: b's invocations are a's, and both are the rate × a month.
        Gen.Double[0, 1_000_000].Sample(rate =>
        {
            var result = Invocations([RouteSpec.Lambda("POST", "/a", "a")], [new("POST", "/a", rate)], new QueueLink("a", "b"));
            Assert.Equal(rate * Month, result["a"], 3);
            Assert.Equal(result["a"], result["b"]);
        });

    [Fact]
    public void TheCostModelNamesNoFunctionOfTheSampleApp()
    {
        // Issue 19: the blueprint's functions are a generic list; the cost model must not know the sample app's keys.
        var folder = Path.Combine(ProjectRoot.Find(AppContext.BaseDirectory), "infra", "Infra.Core", "Cost");
        Assert.All(Directory.GetFiles(folder, "*.cs"), file => Assert.DoesNotContain("SampleApp", File.ReadAllText(file), StringComparison.Ordinal));
    }

    [Fact]
    public void TheScaledTotalsIncludeTheStacksOwnAndGrowWithTraffic()
    {
        var cost = TestStacks.Blueprint("prod").MonthlyCost;
        Assert.Equal([0.1, 1, 10], cost.Scales.Select(scale => scale.Factor));
        var own = Assert.Single(cost.Scales, scale => scale.Factor == 1);
        Assert.Equal((cost.Stack.PricedUsd, cost.Article.PricedUsd, 95.0), (own.StackUsd, own.ArticleUsd, own.RequestsPerSecond));
        Assert.True(cost.Scales[0].StackUsd < own.StackUsd && own.StackUsd < cost.Scales[2].StackUsd);
        Assert.Equal(950, cost.Scales[2].RequestsPerSecond, 6);
    }

    [Fact]
    public void TheCostSaysWhereItsTrafficCameFrom()
    {
        Assert.Equal(TrafficSource.Preset, TestStacks.Blueprint("prod").MonthlyCost.TrafficSource);
        Assert.Equal(TrafficSource.StackFile, TestStacks.Blueprint("prod", ("traffic", """{"POST /chat":1}""")).MonthlyCost.TrafficSource);
        Assert.Equal(DeploymentEnvironment.Staging, TestStacks.Blueprint("staging").MonthlyCost.Environment);
    }
}
