using Infra.Core.Sampling;
using Infra.Core.Settings;

namespace Infra.Core.Cost;

public sealed record RouteCost(string Route, double RequestsPerSecond, double TracesPerSecond, string MatchedRule);

public sealed record RuleTotals(double TracesPerSecond, double TracesPerMonth, double MonthlyUsd);

/// <summary>What the stack's rules record at the given traffic, next to what AWS's default rule would.</summary>
public sealed record CostEstimate(
    IReadOnlyList<RouteCost> Routes,
    double RequestsPerSecond,
    double TracesPerSecond,
    double TracesPerMonth,
    double MonthlyUsd,
    RuleTotals DefaultRule,
    IReadOnlyList<RouteCost> DefaultRuleRoutes);

/// <summary>
/// Simulates X-Ray's first-match rule evaluation in priority order. Per rule: traces/s = min(rate, reservoir)
/// + fixedRate × max(0, rate − reservoir), where rate is the sum over the routes the rule matches and the
/// reservoir (per second) is shared among them in proportion to their traffic.
/// </summary>
internal static class CostEstimator
{
    /// <summary>The Default rule: the first request each second and 5 % of the rest.
    /// https://docs.aws.amazon.com/xray/latest/devguide/xray-console-sampling.html (read 2026-11-25)</summary>
    public const int DefaultReservoir = 1;

    public const double DefaultFixedRate = 0.05;

    /// <summary>$5.00 per million traces recorded, after 100,000 free each month. https://aws.amazon.com/xray/pricing/ (read 2026-11-25)</summary>
    public const double UsdPerMillionTraces = 5.0;

    public const double FreeTracesPerMonth = 100_000;

    public const double SecondsPerMonth = 30 * 24 * 3600;

    public const string DefaultRuleName = "Default";

    /// <param name="apiServiceName">The X-Ray service name of the stack's API stage, which receives the traffic.</param>
    public static CostEstimate Estimate(IReadOnlyList<SamplingRuleSpec> rules, IReadOnlyList<RouteTraffic> traffic, string apiServiceName)
    {
        var ordered = rules.OrderBy(rule => rule.Priority).ThenBy(rule => rule.RuleName, StringComparer.Ordinal).ToList();
        var assignment = traffic
            .Select(route => (route, rule: ordered.FirstOrDefault(rule => rule.Matches(apiServiceName, route.Method, route.Path))))
            .ToList();
        var routes = Apply(assignment.Select(pair => (pair.route,
            pair.rule is null ? DefaultRuleName : pair.rule.RuleName,
            pair.rule?.ReservoirSize ?? DefaultReservoir,
            pair.rule?.FixedRate ?? DefaultFixedRate)).ToList());
        var defaultRoutes = Apply(traffic.Select(route => (route, DefaultRuleName, DefaultReservoir, DefaultFixedRate)).ToList());

        var traces = routes.Sum(route => route.TracesPerSecond);
        var defaultTraces = defaultRoutes.Sum(route => route.TracesPerSecond);
        return new CostEstimate(
            routes,
            traffic.Sum(route => route.RequestsPerSecond),
            traces,
            traces * SecondsPerMonth,
            MonthlyUsd(traces),
            new RuleTotals(defaultTraces, defaultTraces * SecondsPerMonth, MonthlyUsd(defaultTraces)),
            defaultRoutes);
    }

    public static double MonthlyUsd(double tracesPerSecond) =>
        Math.Max(0, (tracesPerSecond * SecondsPerMonth) - FreeTracesPerMonth) / 1_000_000 * UsdPerMillionTraces;

    private static IReadOnlyList<RouteCost> Apply(IReadOnlyList<(RouteTraffic Route, string Rule, int Reservoir, double FixedRate)> assigned)
    {
        var totals = assigned.GroupBy(item => item.Rule).ToDictionary(group => group.Key, group => group.Sum(item => item.Route.RequestsPerSecond));
        return assigned.Select(item =>
        {
            var ruleRate = totals[item.Rule];
            var share = ruleRate > 0 ? item.Route.RequestsPerSecond / ruleRate : 0;
            var reservoir = item.Reservoir * share;
            var traces = Math.Min(item.Route.RequestsPerSecond, reservoir) + (item.FixedRate * Math.Max(0, item.Route.RequestsPerSecond - reservoir));
            return new RouteCost(item.Route.Route, item.Route.RequestsPerSecond, traces, item.Rule);
        }).ToList();
    }
}
