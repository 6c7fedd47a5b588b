using System.Globalization;
using Infra.Core.Blueprint;
using Infra.Core.Sampling;
using Infra.Core.Settings;

namespace Infra.Core.Tests.Sampling;

/// <summary>
/// Issue 13 item 7: at the reference traffic the prod preset records at most 40 % of the traces X-Ray's default rule
/// would, and every critical route keeps at least one trace per second.
/// </summary>
public class SamplingEfficiencyTests
{
    // X-Ray's default rule: "By default, the X-Ray SDK records the first request each second, and five percent of
    // any additional requests." https://docs.aws.amazon.com/xray/latest/devguide/xray-console-sampling.html (read 2026-11-26)
    private const double DefaultReservoirPerSecond = 1;
    private const double DefaultFixedRate = 0.05;

    private const double MaxShareOfDefault = 0.40;

    /// <summary>What the default rule records for the stage's whole traffic: its reservoir, then 5 % of the rest.</summary>
    private static double DefaultRuleTraces(IEnumerable<RouteTraffic> traffic)
    {
        var total = traffic.Sum(route => route.RequestsPerSecond);
        return Math.Min(total, DefaultReservoirPerSecond) + (DefaultFixedRate * Math.Max(0, total - DefaultReservoirPerSecond));
    }

    /// <summary>
    /// What the stack's rules record, evaluated as X-Ray does: each request goes to the first matching rule by
    /// priority; a rule records up to its reservoir each second, then its fixed rate of the rest
    /// (https://docs.aws.amazon.com/xray/latest/devguide/xray-console-sampling.html, "Sampling rule options").
    /// </summary>
    private static Dictionary<string, double> TracesPerRule(StackBlueprint blueprint)
    {
        var perRule = new Dictionary<string, double>();
        foreach (var route in blueprint.Settings.Traffic)
        {
            var rule = blueprint.Sampling.Rules.OrderBy(rule => rule.Priority).First(rule => rule.Matches(blueprint.Api.XRayServiceName, route.Method, route.Path));
            perRule[rule.RuleName] = perRule.GetValueOrDefault(rule.RuleName) + route.RequestsPerSecond;
        }

        return perRule.ToDictionary(pair => pair.Key, pair =>
        {
            var rule = blueprint.Sampling.Rules.Single(rule => rule.RuleName == pair.Key);
            return Math.Min(pair.Value, rule.ReservoirSize) + (rule.FixedRate * Math.Max(0, pair.Value - rule.ReservoirSize));
        });
    }

    public static TheoryData<string, string, string> ProdTraffic => new()
    {
        // The preset's reference traffic and critical paths.
        { "preset", "", "" },
        // The critical paths and traffic Pulumi.prod.yaml declares.
        { "prod stack", """{"criticalPaths":["/chat*","/checkout*"]}""", """{"POST /chat":50,"POST /checkout":5,"GET /health":45,"GET /static/*":5}""" },
    };

    private static StackBlueprint Prod(string sampling, string traffic)
    {
        var values = new List<(string, string)>();
        if (sampling.Length > 0)
        {
            values.Add(("sampling", sampling));
        }

        if (traffic.Length > 0)
        {
            values.Add(("traffic", traffic));
        }

        return TestStacks.Blueprint("prod", [.. values]);
    }

    [Theory]
    [MemberData(nameof(ProdTraffic))]
    public void ProdRecordsAtMostFortyPercentOfTheDefaultRule(string label, string sampling, string traffic)
    {
        var blueprint = Prod(sampling, traffic);
        var recorded = TracesPerRule(blueprint).Values.Sum();
        var byDefault = DefaultRuleTraces(blueprint.Settings.Traffic);
        Assert.True(recorded <= MaxShareOfDefault * byDefault,
            string.Create(CultureInfo.InvariantCulture, $"{label}: {recorded:0.###} traces/s is {recorded / byDefault:P0} of the default rule's {byDefault:0.###}"));
        // The cost estimate the plan prints agrees with this evaluation.
        Assert.Equal(recorded, blueprint.Cost.TracesPerSecond, 9);
        Assert.Equal(byDefault, blueprint.Cost.DefaultRule.TracesPerSecond, 9);
    }

    [Theory]
    [MemberData(nameof(ProdTraffic))]
    public void EveryCriticalRouteKeepsOneTracePerSecond(string label, string sampling, string traffic)
    {
        var blueprint = Prod(sampling, traffic);
        var perRule = TracesPerRule(blueprint);
        var critical = blueprint.Sampling.Rules.Where(rule => rule.Kind == RuleKind.Critical).ToList();
        Assert.Equal(blueprint.Settings.Sampling.CriticalPaths.Count, critical.Count);
        foreach (var rule in critical)
        {
            var routes = blueprint.Settings.Traffic.Where(route => rule.Matches(blueprint.Api.XRayServiceName, route.Method, route.Path)).ToList();
            Assert.True(routes.Count > 0, $"{label}: no traffic for {rule.UrlPath}");
            Assert.True(perRule[rule.RuleName] >= 1, $"{label}: {rule.UrlPath} records {perRule[rule.RuleName]} traces/s");
        }
    }

    [Fact]
    public void DefaultRuleFigureIsAwsDocumentedDefault()
    {
        // 100 req/s: the first each second, then 5 % of the other 99: 1 + 4.95.
        Assert.Equal(5.95, DefaultRuleTraces([new RouteTraffic("GET", "/", 100)]), 9);
        // prod's preset, 95 req/s: 1 + 5 % of the other 94.
        Assert.Equal(5.70, TestStacks.Blueprint("prod").Cost.DefaultRule.TracesPerSecond, 9);
    }
}
