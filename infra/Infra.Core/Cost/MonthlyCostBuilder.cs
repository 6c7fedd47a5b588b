using Infra.Core.Api;
using Infra.Core.Collector;
using Infra.Core.Lambda;
using Infra.Core.Messaging;
using Infra.Core.Sampling;
using Infra.Core.Settings;

namespace Infra.Core.Cost;

/// <summary>
/// The stack's alarms and dashboards, counted for their CloudWatch price: each alarm as one standard-resolution alarm
/// metric, each dashboard as one custom dashboard. The blueprint passes the counts of the alarm and dashboard specs it holds.
/// </summary>
internal sealed record MonitoringCounts(int Alarms, int Dashboards)
{
    /// <summary>A stack that defines no alarms or dashboards.</summary>
    public static readonly MonitoringCounts None = new(0, 0);
}

/// <summary>What the stack's blueprint uses in a month, and what the article's setup would at the same traffic.</summary>
internal static class MonthlyCostBuilder
{
    public const string StackSetup = "this stack";
    public const string ArticleSetup = "article";

    /// <summary>The group the article's task definition template logs the collector to, created by the awslogs driver
    /// (awslogs-create-group) without retention. aws-observability/aws-otel-collector v0.49.0,
    /// examples/ecs/aws-cloudwatch/ecs-ec2-sidecar.json.</summary>
    public const string ArticleCollectorLogGroup = "/ecs/ecs-aws-otel-sidecar-collector";

    public static MonthlyCost Build(
        StackSettings settings,
        CostEstimate traces,
        ApiSpec api,
        CollectorSpec? collector,
        IReadOnlyList<FunctionSpec> functions,
        IReadOnlyList<QueueSpec> queues,
        SamplingSpec sampling,
        MonitoringCounts monitoring)
    {
        var lambdaRoutes = api.Routes
            .Where(route => route.FunctionKey is not null)
            .Select(route => $"{route.Method} {route.Path}")
            .ToHashSet(StringComparer.Ordinal);
        var requestsPerMonth = traces.RequestsPerSecond * CostAssumptions.SecondsPerMonth;
        var invocations = FunctionInvocations.PerMonth(settings.Traffic, api.Routes, queues);

        double SpansPerMonth(IEnumerable<RouteCost> routes) => routes.Sum(route => route.TracesPerSecond
            * (lambdaRoutes.Contains(route.Route) ? CostAssumptions.SpansPerLambdaTrace : CostAssumptions.SpansPerOtherTrace))
            * CostAssumptions.SecondsPerMonth;

        var functionLogs = functions.Select(function =>
            {
                var (perMonth, per) = invocations.Of(function.Key);
                return new LogGroupUsage(
                    function.LogGroupName,
                    Gb(perMonth * CostAssumptions.FunctionLogBytesPerInvocation),
                    function.LogRetentionDays,
                    $"{per} × {CostAssumptions.FunctionLogBytesPerInvocation:0} B");
            })
            .ToList();

        var stackLogs = new List<LogGroupUsage>
        {
            new(api.AccessLogs.LogGroupName, Gb(requestsPerMonth * CostAssumptions.AccessLogBytesPerRequest), api.AccessLogs.RetentionDays,
                $"every request × {CostAssumptions.AccessLogBytesPerRequest:0} B"),
        };
        stackLogs.AddRange(functionLogs);
        if (collector is not null)
        {
            stackLogs.Add(CollectorLogs(collector.LogGroupName, collector.AutoScaling.DesiredCapacity, collector.LogRetentionDays));
        }

        // One signal per inbound request and one per outbound call of each instrumented function.
        var signals = functions.Sum(function => invocations.Of(function.Key).PerMonth * (1 + function.OutboundCalls));
        var stackSpans = SpansPerMonth(traces.Routes);
        var stack = new SetupUsage(
            StackSetup,
            "the stack's sampling rules at its traffic",
            traces.TracesPerMonth,
            sampling.Group.InsightsEnabled,
            sampling.TransactionSearch.Enabled,
            sampling.TransactionSearch.IndexingPercentage,
            stackSpans,
            Gb(stackSpans * CostAssumptions.BytesPerSpan),
            // The distro layers report to Application Signals; the legacy layers do not.
            settings.Lambda.Flavor == LayerFlavor.Distro,
            signals,
            collector?.LaunchTemplate.InstanceType,
            collector?.AutoScaling.DesiredCapacity ?? 0,
            collector?.LaunchTemplate.RootVolumeSizeGiB ?? 0,
            stackLogs,
            monitoring.Alarms,
            monitoring.Dashboards);

        // The article: legacy layers, AWS's default sampling rule, one t2.medium host, no Insights, no Transaction
        // Search (so its spans are billed with the traces recorded, not on their own), no access logs, no alarms or
        // dashboard; Lambda and the collector's awslogs driver create log groups that never expire.
        var article = new SetupUsage(
            ArticleSetup,
            "X-Ray's default rule: 1 request/s and 5 % of the rest",
            traces.DefaultRule.TracesPerMonth,
            InsightsEnabled: false,
            TransactionSearchEnabled: false,
            IndexingPercentage: 0,
            SpansPerMonth: 0,
            SpanGbPerMonth: 0,
            ApplicationSignalsEnabled: false,
            SignalsPerMonth: 0,
            CostAssumptions.ArticleInstanceType,
            CostAssumptions.ArticleHosts,
            CostAssumptions.ArticleRootVolumeGiB,
            [
                .. functionLogs.Select(group => group with { RetentionDays = null }),
                CollectorLogs(ArticleCollectorLogGroup, CostAssumptions.ArticleHosts, null),
            ],
            Alarms: 0,
            Dashboards: 0);

        var stackCost = MonthlyCostModel.Price(stack, settings.Region);
        var articleCost = MonthlyCostModel.Price(article, settings.Region);
        var used = stackCost.Lines.Concat(articleCost.Lines).Select(line => line.PriceKey).ToHashSet(StringComparer.Ordinal);
        var prices = used.Select(key => Prices.Find(key, settings.Region)).OrderBy(price => price.Key, StringComparer.Ordinal).ToList();
        return new MonthlyCost(settings.Region, RegionNote(settings.Region, prices), stackCost, articleCost, prices, CostAssumptions.All);
    }

    /// <summary>Which Region's prices the lines use: the one the source names, or none named.</summary>
    public static string RegionNote(string region, IReadOnlyList<Price> prices)
    {
        var priced = prices.Where(price => price.UsdPerUnit is not null).ToList();
        var own = priced.Where(price => price.Region == region).Select(price => price.Key).ToList();
        var regionless = priced.Where(price => price.Region is null).Select(price => price.Key).ToList();
        var other = priced.Where(price => price.Region is not null && price.Region != region).Select(price => $"{price.Key} ({price.Region})").ToList();
        var parts = new List<string>();
        if (own.Count > 0)
        {
            parts.Add($"{region} prices: {string.Join(", ", own)}.");
        }

        if (regionless.Count > 0)
        {
            parts.Add($"No Region named by the source, applied as stated: {string.Join(", ", regionless)}.");
        }

        if (other.Count > 0)
        {
            parts.Add($"Priced for another Region, none found for {region}: {string.Join(", ", other)}.");
        }

        return parts.Count == 0 ? $"No price found for {region}." : string.Join(" ", parts);
    }

    private static LogGroupUsage CollectorLogs(string name, int hosts, int? retentionDays) => new(
        name,
        Gb(hosts * CostAssumptions.CollectorLogBytesPerHostPerDay * CostAssumptions.DaysPerMonth),
        retentionDays,
        $"{hosts} host(s) × {CostAssumptions.CollectorLogBytesPerHostPerDay / 1e6:0.##} MB a day");

    private static double Gb(double bytes) => bytes / CostAssumptions.BytesPerGb;
}
