using Infra.Core.Api;
using Infra.Core.Collector;
using Infra.Core.Lambda;
using Infra.Core.Monitoring;
using Infra.Core.Sampling;
using Infra.Core.Settings;

namespace Infra.Core.Cost;

/// <summary>A queue between two of the stack's functions: each producer invocation sends one message its consumer receives,
/// in batches of up to <paramref name="BatchSize"/> gathered for up to <paramref name="BatchingWindowSeconds"/>.</summary>
public sealed record QueueLink(string ProducerKey, string ConsumerKey, int BatchSize = 10, int BatchingWindowSeconds = 0)
{
    /// <summary>
    /// Messages per consumer invocation at a steady rate. Without a batching window a batch is taken to hold one message
    /// (an upper bound on invocations). With one, Lambda's pollers (five at first, fewer at low traffic) each gather what
    /// arrives in the window, up to the batch size: rate × window ÷ pollers, at least one.
    /// https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-scaling.html
    /// </summary>
    public double MessagesPerInvocation(double messagesPerSecond) => BatchingWindowSeconds == 0
        ? 1
        : Math.Clamp(messagesPerSecond * BatchingWindowSeconds / CostAssumptions.ConcurrentSqsBatches, 1, BatchSize);
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

    /// <summary>The actions Lambda's SQS poller uses on the consumer's behalf: not calls the function makes per invocation.
    /// https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-configure.html</summary>
    private static readonly HashSet<string> QueuePollerActions =
        ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes", "sqs:ChangeMessageVisibility"];

    public static MonthlyCost Build(
        StackSettings settings,
        ApiSpec api,
        CollectorSpec? collector,
        IReadOnlyList<FunctionSpec> functions,
        IReadOnlyList<QueueLink> queues,
        SamplingSpec sampling,
        MonitoringSpec monitoring)
    {
        var (stack, article, signals) = Usage(settings, settings.Traffic, api, collector, functions, queues, sampling, monitoring);
        var stackCost = MonthlyCostModel.Price(stack, settings.Region);
        var articleCost = MonthlyCostModel.Price(article, settings.Region);
        var scales = CostAssumptions.TrafficFactors.Select(factor =>
        {
            var traffic = settings.Traffic.Select(route => route with { RequestsPerSecond = route.RequestsPerSecond * factor }).ToList();
            var (scaledStack, scaledArticle, _) = Usage(settings, traffic, api, collector, functions, queues, sampling, monitoring);
            return new TrafficScale(factor, Math.Round(traffic.Sum(route => route.RequestsPerSecond), 6),
                MonthlyCostModel.Price(scaledStack, settings.Region).PricedUsd, MonthlyCostModel.Price(scaledArticle, settings.Region).PricedUsd);
        }).ToList();

        // A line that counts nothing needs no price: a stack without a collector prices no hosts.
        var prices = stackCost.Lines.Concat(articleCost.Lines)
            .Select(line => (line.Quantity, Price: Prices.Find(line.PriceKey, settings.Region)))
            .Where(line => line.Quantity > 0 || line.Price.UsdPerUnit is not null)
            .Select(line => line.Price)
            .DistinctBy(price => price.Key, StringComparer.Ordinal)
            .OrderBy(price => price.Key, StringComparer.Ordinal)
            .ToList();
        var signalsUsd = MonthlyCostModel.ApplicationSignalsUsd(signals, settings.Region);
        return new MonthlyCost(
            settings.Region,
            RegionNote(settings.Region, prices),
            settings.Environment,
            settings.TrafficSource,
            settings.Traffic.Sum(route => route.RequestsPerSecond),
            stackCost,
            articleCost,
            new ApplicationSignalsCost(stack.ApplicationSignalsEnabled, Math.Round(signals, 6), signalsUsd,
                stack.ApplicationSignalsEnabled && !stack.TransactionSearchEnabled),
            scales,
            prices,
            CostAssumptions.All);
    }

    /// <summary>
    /// Invocations a month of each function, from what invokes it: a function behind a route gets that route's traffic, a
    /// queue's consumer its producer's invocations (one message each). A function nothing invokes gets none.
    /// </summary>
    public static IReadOnlyDictionary<string, double> InvocationsPerMonth(
        IReadOnlyList<RouteSpec> routes, IReadOnlyList<RouteTraffic> traffic, IReadOnlyList<QueueLink> queues)
    {
        var direct = routes.Where(route => route.FunctionKey is not null)
            .GroupBy(route => route.FunctionKey!, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Sum(RequestsPerSecond) * CostAssumptions.SecondsPerMonth, StringComparer.Ordinal);
        var keys = direct.Keys.Concat(queues.SelectMany(queue => new[] { queue.ProducerKey, queue.ConsumerKey })).Distinct(StringComparer.Ordinal);
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        double Of(string key, HashSet<string> visiting)
        {
            if (result.TryGetValue(key, out var known))
            {
                return known;
            }

            // A cycle of queues adds nothing more than one pass: each message is counted once.
            if (!visiting.Add(key))
            {
                return 0;
            }

            var invocations = direct.GetValueOrDefault(key)
                + queues.Where(queue => queue.ConsumerKey == key).Sum(queue =>
                {
                    var messages = Of(queue.ProducerKey, visiting) * CostAssumptions.ConsumerInvocationsPerProducerInvocation;
                    return messages / queue.MessagesPerInvocation(messages / CostAssumptions.SecondsPerMonth);
                });
            visiting.Remove(key);
            return result[key] = invocations;
        }

        foreach (var key in keys)
        {
            Of(key, new HashSet<string>(StringComparer.Ordinal));
        }

        return result;

        double RequestsPerSecond(RouteSpec route) => traffic
            .Where(entry => entry.Method == route.Method && entry.Path == route.Path)
            .Sum(entry => entry.RequestsPerSecond);
    }

    /// <summary>Services a function calls per invocation, from its role's statements; the queue it consumes from is Lambda's poller's.</summary>
    public static int OutboundServices(FunctionSpec function) => function.Role.InlinePolicies
        .SelectMany(policy => policy.Document.Statements)
        .SelectMany(statement => statement.Actions)
        // X-Ray is the tracing itself, not a call the function's code makes.
        .Where(action => !action.StartsWith("xray:", StringComparison.Ordinal) && !QueuePollerActions.Contains(action))
        .Select(action => action[..action.IndexOf(':')])
        .Distinct(StringComparer.Ordinal)
        .Count();

    /// <summary>
    /// A foundation's month: the collector hosts of its VPC, their volumes and logs, and Container Insights. The spans
    /// Transaction Search ingests are priced with the app whose traffic sends them.
    /// </summary>
    public static SetupCost Foundation(CollectorSpec? collector, MonitoringSpec? monitoring, string region)
    {
        var logs = new List<LogGroupUsage>();
        var metrics = new List<MetricUsage>();
        if (collector is not null)
        {
            AddCollector(collector, logs, metrics);
        }

        var usage = new SetupUsage("foundation", "none: the apps' traces are priced with each app", 0, false, false, 0, 0, 0, false, 0,
            collector?.LaunchTemplate.InstanceType, collector?.AutoScaling.DesiredCapacity ?? 0, collector?.LaunchTemplate.RootVolumeSizeGiB ?? 0,
            logs, Alarms: monitoring is null ? 0 : AlarmMetrics(monitoring.Alarms), Dashboards: monitoring is null ? 0 : 1, metrics);
        return MonthlyCostModel.Price(usage, region);
    }

    /// <summary>What a collector logs and publishes, wherever it runs: its own log group, and with Container Insights the
    /// cluster's metrics and performance events.</summary>
    private static void AddCollector(CollectorSpec collector, List<LogGroupUsage> logs, List<MetricUsage> metrics)
    {
        logs.Add(CollectorLogs(collector.LogGroupName, collector.AutoScaling.DesiredCapacity, collector.LogRetentionDays));
        if (collector.ContainerInsights == "enabled")
        {
            metrics.Add(new MetricUsage("Container Insights", CostAssumptions.ContainerInsightsMetricsPerCluster));
            // One event a minute per cluster, service, and per host its task and the container instance.
            var events = 2 + (2 * collector.AutoScaling.DesiredCapacity);
            logs.Add(new LogGroupUsage($"/aws/ecs/containerinsights/{collector.ClusterName}/performance",
                Gb(events * CostAssumptions.ContainerInsightsEventBytes * CostAssumptions.MinutesPerMonth), null,
                $"{events} events a minute × {CostAssumptions.ContainerInsightsEventBytes:0} B"));
        }
    }

    /// <summary>Alarm metrics: a single-metric alarm is one; a metric-math alarm one per metric it reads.</summary>
    public static int AlarmMetrics(IReadOnlyList<AlarmSpec> alarms) =>
        alarms.Sum(alarm => alarm.Metric is not null ? 1 : alarm.Queries.Count(query => query.Metric is not null));

    private static (SetupUsage Stack, SetupUsage Article, double Signals) Usage(
        StackSettings settings,
        IReadOnlyList<RouteTraffic> traffic,
        ApiSpec api,
        CollectorSpec? collector,
        IReadOnlyList<FunctionSpec> functions,
        IReadOnlyList<QueueLink> queues,
        SamplingSpec sampling,
        MonitoringSpec monitoring)
    {
        var traces = CostEstimator.Estimate(sampling.Rules, traffic, api.XRayServiceName);
        var requestsPerMonth = traffic.Sum(route => route.RequestsPerSecond) * CostAssumptions.SecondsPerMonth;
        var invocations = InvocationsPerMonth(api.Routes, traffic, queues);
        double InvocationsOf(FunctionSpec function) => invocations.GetValueOrDefault(function.Key);

        // The article's consumer is set up in the console, with Lambda's default batching window of 0.
        var articleInvocations = InvocationsPerMonth(api.Routes, traffic, queues.Select(queue => queue with { BatchingWindowSeconds = 0 }).ToList());
        double ArticleInvocationsOf(FunctionSpec function) => articleInvocations.GetValueOrDefault(function.Key);

        // Spans per trace of a route: the API stage, and each function the request reaches (its own, then down its queues).
        var reached = api.Routes.ToDictionary(route => $"{route.Method} {route.Path}", route => Reached(route.FunctionKey, queues), StringComparer.Ordinal);
        double SpansPerMonth(IEnumerable<RouteCost> routes) => routes.Sum(route => route.TracesPerSecond
            * (reached.TryGetValue(route.Route, out var count) && count > 0
                ? CostAssumptions.SpansPerOtherTrace + (CostAssumptions.SpansPerFunctionInTrace * count)
                : CostAssumptions.SpansPerOtherTrace))
            * CostAssumptions.SecondsPerMonth;

        var applicationBytes = CostAssumptions.JsonApplicationBytesPerInvocation;
        var functionLogs = functions.Select(function => new LogGroupUsage(
                function.LogGroupName,
                Gb(InvocationsOf(function) * (CostAssumptions.JsonSystemBytesPerInvocation + (KeepsInfo(function) ? applicationBytes : 0))),
                function.LogRetentionDays,
                $"{InvocationsOf(function):0} invocations × {CostAssumptions.JsonSystemBytesPerInvocation + (KeepsInfo(function) ? applicationBytes : 0):0} B (JSON, application level {function.ApplicationLogLevel})"))
            .ToList();

        var accessBytes = CostAssumptions.AccessLogBytesPerRequest(api.AccessLogs.Format);
        var stackLogs = new List<LogGroupUsage>
        {
            new(api.AccessLogs.LogGroupName, Gb(requestsPerMonth * accessBytes), api.AccessLogs.RetentionDays,
                $"every request × {accessBytes:0} B", api.AccessLogs.LogGroupClass),
        };
        stackLogs.AddRange(functionLogs);
        var metrics = new List<MetricUsage>();
        if (api.MetricsEnabled)
        {
            metrics.Add(new MetricUsage($"API detailed metrics ({api.Routes.Count} methods × {CostAssumptions.DetailedMetricsPerApiMethod})",
                api.Routes.Count * CostAssumptions.DetailedMetricsPerApiMethod));
        }

        if (monitoring.MetricFilters.Count > 0)
        {
            metrics.Add(new MetricUsage("log metric filters", monitoring.MetricFilters.Count));
        }

        if (collector is not null)
        {
            AddCollector(collector, stackLogs, metrics);
        }

        var signals = functions.Sum(function => InvocationsOf(function) * (CostAssumptions.SignalsPerInboundRequest + OutboundServices(function)));
        var sloSignals = monitoring.Slos.Sum(slo => CostAssumptions.SignalsPerSloPeriod * CostAssumptions.SecondsPerMonth
            / (slo.RequestSli?.TotalRequests.PeriodSeconds ?? slo.PeriodSli?.PeriodSeconds ?? 60));
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
            settings.ApplicationSignals.Enabled,
            signals,
            collector?.LaunchTemplate.InstanceType,
            collector?.AutoScaling.DesiredCapacity ?? 0,
            collector?.LaunchTemplate.RootVolumeSizeGiB ?? 0,
            stackLogs,
            AlarmMetrics(monitoring.Alarms),
            Dashboards: 1,
            metrics,
            sloSignals);

        // The article: legacy layers, AWS's default sampling rule, one t2.medium host, no Insights, no Transaction
        // Search (so its spans are billed with the traces recorded, not on their own), no access logs, no alarms or
        // dashboard; Text logs; Lambda and the collector's awslogs driver create log groups that never expire.
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
                .. functions.Select(function => new LogGroupUsage(function.LogGroupName, Gb(ArticleInvocationsOf(function) * CostAssumptions.TextBytesPerInvocation), null,
                    $"{ArticleInvocationsOf(function):0} invocations × {CostAssumptions.TextBytesPerInvocation:0} B (Text)")),
                CollectorLogs(ArticleCollectorLogGroup, CostAssumptions.ArticleHosts, null),
            ],
            Alarms: 0,
            Dashboards: 0);
        return (stack, article, signals);
    }

    /// <summary>Functions reached by a request to a route: its own, then every consumer down its queues.</summary>
    private static int Reached(string? functionKey, IReadOnlyList<QueueLink> queues)
    {
        if (functionKey is null)
        {
            return 0;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal) { functionKey };
        var frontier = new Queue<string>([functionKey]);
        while (frontier.TryDequeue(out var key))
        {
            foreach (var consumer in queues.Where(queue => queue.ProducerKey == key).Select(queue => queue.ConsumerKey))
            {
                if (seen.Add(consumer))
                {
                    frontier.Enqueue(consumer);
                }
            }
        }

        return seen.Count;
    }

    /// <summary>Lambda's application levels, most detailed first; a level keeps the handler's INFO lines when it is INFO or finer.
    /// https://docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs-log-level.html</summary>
    private static readonly IReadOnlyList<string> ApplicationLevels = ["TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL"];

    public static bool KeepsInfo(FunctionSpec function) =>
        ApplicationLevels.Take(3).Contains(function.ApplicationLogLevel, StringComparer.Ordinal);

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
