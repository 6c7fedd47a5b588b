using Infra.Core.Cost;
using Infra.Core.Sampling;
using Infra.Core.Settings;

namespace Infra.Core.Tests.Sampling;

public class CostEstimatorTests
{
    private static SamplingRuleSpec Rule(string name, int priority, string path, int reservoir, double rate, string method = "*") =>
        new(name, name, RuleKind.Custom, priority, rate, reservoir, "svc", SamplingBuilder.ServiceType, "*", method, path, "*", null);

    [Fact]
    public void HandWorkedExample()
    {
        // /chat: 50 req/s on reservoir 2 + 10 %: 2 + 0.1 × 48 = 6.8 traces/s.
        // /health: 45 req/s on reservoir 0 + 0 %: 0. /other: 5 req/s, no rule, so AWS's default: 1 + 0.05 × 4 = 1.2.
        var rules = new[] { Rule("chat", 10, "/chat*", 2, 0.1), Rule("health", 20, "/health", 0, 0) };
        var traffic = new[] { new RouteTraffic("POST", "/chat", 50), new RouteTraffic("GET", "/health", 45), new RouteTraffic("GET", "/other", 5) };
        var estimate = CostEstimator.Estimate(rules, traffic, "svc");
        Assert.Equal([6.8, 0, 1.2], estimate.Routes.Select(route => Math.Round(route.TracesPerSecond, 6)));
        Assert.Equal(["chat", "health", CostEstimator.DefaultRuleName], estimate.Routes.Select(route => route.MatchedRule));
        Assert.Equal(8.0, estimate.TracesPerSecond, 6);
        // Default rule over all 100 req/s: 1 + 0.05 × 99 = 5.95.
        Assert.Equal(5.95, estimate.DefaultRule.TracesPerSecond, 6);
        // 8 traces/s × 2,592,000 s = 20,736,000; minus 100,000 free = 20,636,000 × $5/M = $103.18.
        Assert.Equal(103.18, estimate.MonthlyUsd, 2);
    }

    [Fact]
    public void FirstMatchByPriorityWins()
    {
        var rules = new[] { Rule("broad", 50, "*", 0, 0.5), Rule("narrow", 10, "/chat", 1, 1.0) };
        var estimate = CostEstimator.Estimate(rules, [new RouteTraffic("POST", "/chat", 10)], "svc");
        Assert.Equal("narrow", Assert.Single(estimate.Routes).MatchedRule);
        Assert.Equal(10, estimate.TracesPerSecond, 6);
    }

    [Fact]
    public void ReservoirIsSharedAcrossRoutesOfOneRule()
    {
        var rules = new[] { Rule("all", 1, "*", 1, 0) };
        var estimate = CostEstimator.Estimate(rules, [new RouteTraffic("GET", "/a", 3), new RouteTraffic("GET", "/b", 1)], "svc");
        Assert.Equal(1.0, estimate.TracesPerSecond, 6);
        Assert.Equal([0.75, 0.25], estimate.Routes.Select(route => Math.Round(route.TracesPerSecond, 6)));
    }

    [Fact]
    public void FreeTierCostsNothing() => Assert.Equal(0, CostEstimator.MonthlyUsd(0.01));

    [Fact]
    public void ProdAtReferenceTrafficRecordsAtMostHalfOfTheDefaultRuleAndKeepsCriticalPaths()
    {
        var blueprint = TestStacks.Blueprint("prod");
        var cost = blueprint.Cost;
        Assert.True(cost.TracesPerSecond <= cost.DefaultRule.TracesPerSecond / 2, $"{cost.TracesPerSecond} vs default {cost.DefaultRule.TracesPerSecond}");
        var critical = blueprint.Sampling.Rules.Where(rule => rule.Kind == RuleKind.Critical).Select(rule => rule.RuleName).ToHashSet();
        var criticalRoutes = cost.Routes.Where(route => critical.Contains(route.MatchedRule)).ToList();
        Assert.NotEmpty(criticalRoutes);
        Assert.All(criticalRoutes, route => Assert.True(route.TracesPerSecond >= 1, $"{route.Route}: {route.TracesPerSecond}"));
    }

    [Fact]
    public void DevAtItsPresetTrafficRecordsEveryRequest()
    {
        var cost = TestStacks.Blueprint("dev").Cost;
        Assert.Equal(cost.RequestsPerSecond, cost.TracesPerSecond, 9);
        Assert.Equal(0.4, cost.RequestsPerSecond, 9);
    }
}
