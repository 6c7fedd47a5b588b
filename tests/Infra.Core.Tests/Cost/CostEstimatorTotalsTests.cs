using Infra.Core.Cost;
using Infra.Core.Sampling;
using Infra.Core.Settings;

namespace Infra.Core.Tests.Cost;

/// <summary>
/// The month totals of the traces estimate, next to AWS's default rule (the first request each second and 5 % of the
/// rest, https://docs.aws.amazon.com/xray/latest/devguide/xray-console-sampling.html) and X-Ray's price ($5.00 per
/// million traces recorded after 100,000 free, https://aws.amazon.com/de/xray/pricing/), worked out by hand.
/// </summary>
public class CostEstimatorTotalsTests
{
    private static SamplingRuleSpec Rule(string name, int priority, string path, int reservoir, double rate) =>
        new(name, name, RuleKind.Custom, priority, rate, reservoir, "svc", SamplingBuilder.ServiceType, "*", "*", path, "*", null);

    private static readonly RouteTraffic[] Traffic =
        [new RouteTraffic("POST", "/chat", 50), new RouteTraffic("GET", "/health", 45), new RouteTraffic("GET", "/other", 5)];

    [Fact]
    public void TheMonthHasTheRulesTracesAndTheirPrice()
    {
        // chat: 2 + 0.1 × 48 = 6.8/s, health: 0, other: AWS's default 1 + 0.05 × 4 = 1.2/s. 8/s × 2,592,000 s = 20,736,000
        // traces; (20,736,000 − 100,000) × $5 / 1,000,000 = $103.18.
        var estimate = CostEstimator.Estimate([Rule("chat", 10, "/chat*", 2, 0.1), Rule("health", 20, "/health", 0, 0)], Traffic, "svc");
        Assert.Equal(100, estimate.RequestsPerSecond, 9);
        Assert.Equal(20_736_000, estimate.TracesPerMonth, 3);
        Assert.Equal(103.18, estimate.MonthlyUsd, 9);
    }

    [Fact]
    public void TheDefaultRuleSharesItsReservoirOverAllRoutes()
    {
        // 100 req/s under one rule: reservoir 1 shared 50/45/5 %: /chat 0.5 + 0.05 × 49.5 = 2.975, /health 0.45 + 0.05 × 44.55
        // = 2.6775, /other 0.05 + 0.05 × 4.95 = 0.2975; 5.95/s × 2,592,000 s = 15,422,400 traces; (15,422,400 − 100,000) × $5/M = $76.612.
        var estimate = CostEstimator.Estimate([], Traffic, "svc");
        Assert.Equal([2.975, 2.6775, 0.2975], estimate.DefaultRuleRoutes.Select(route => Math.Round(route.TracesPerSecond, 9)));
        Assert.All(estimate.DefaultRuleRoutes, route => Assert.Equal(CostEstimator.DefaultRuleName, route.MatchedRule));
        Assert.Equal(15_422_400, estimate.DefaultRule.TracesPerMonth, 3);
        Assert.Equal(76.612, estimate.DefaultRule.MonthlyUsd, 9);
        Assert.Equal(estimate.DefaultRule.TracesPerSecond, estimate.TracesPerSecond, 9);
    }

    [Fact]
    public void ARuleWithNoTrafficRecordsNothing()
    {
        var estimate = CostEstimator.Estimate([Rule("idle", 1, "/idle", 1, 0.5)], [new RouteTraffic("GET", "/idle", 0)], "svc");
        Assert.Equal(0, Assert.Single(estimate.Routes).TracesPerSecond);
        Assert.Equal(0, estimate.MonthlyUsd);
    }

    [Fact]
    public void BelowTheFreeTierTheMonthCostsNothingNotLess()
    {
        // 0.03 traces/s × 2,592,000 s = 77,760 traces, under the 100,000 free.
        Assert.Equal(0, CostEstimator.MonthlyUsd(0.03));
        // Just over it: 0.04 × 2,592,000 = 103,680; 3,680 × $5/M = $0.0184.
        Assert.Equal(0.0184, CostEstimator.MonthlyUsd(0.04), 9);
    }

    [Fact]
    public void AMonthIs2592000Seconds() =>
        Assert.Equal(30 * 24 * 3600, CostEstimator.SecondsPerMonth);
}
