using System.Globalization;
using Infra.Core.Api;
using Infra.Core.Collector;
using Infra.Core.Lambda;
using Infra.Core.Messaging;
using Infra.Core.Naming;
using Infra.Core.Sampling;
using Infra.Core.Settings;

namespace Infra.Core.Monitoring;

/// <summary>
/// The stack's SLOs, alarms, alert topic and dashboard, from its settings, the environment's
/// <see cref="MonitoringPresets"/> and the resources the blueprint already decided (API, functions, queue, collector).
/// </summary>
internal static class MonitoringBuilder
{
    // Metric namespaces and names, as each service documents them:
    // API Gateway: https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-metrics-and-dimensions.html
    // Lambda: https://docs.aws.amazon.com/lambda/latest/dg/monitoring-metrics-types.html
    // SQS: https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-available-cloudwatch-metrics.html
    // ECS: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/available-metrics.html
    // Container Insights: https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Container-Insights-metrics-ECS.html
    // SLO burn rates: https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch-ServiceLevelObjectives.html#CloudWatch-ServiceLevelObjectives-burn
    public const string ApiGatewayNamespace = "AWS/ApiGateway";
    public const string LambdaNamespace = "AWS/Lambda";
    public const string SqsNamespace = "AWS/SQS";
    public const string EcsNamespace = "AWS/ECS";
    public const string ContainerInsightsNamespace = "ECS/ContainerInsights";
    public const string ApplicationSignalsNamespace = "AWS/ApplicationSignals";

    /// <summary>API Gateway, Lambda and SQS publish one data point a minute: the finest period their alarms can use.</summary>
    public const int MinutePeriod = 60;

    public const int FiveMinutePeriod = 300;

    /// <summary>The platform.report record a function writes at the end of each invocation; in the JSON log format its
    /// system log lines are these records (https://docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs-logformat.html),
    /// and initDurationMs is there after a cold start only.
    /// https://docs.aws.amazon.com/lambda/latest/dg/telemetry-schema-reference.html (platform.report, metrics.initDurationMs)
    /// Metric filter syntax for JSON log events: https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/FilterAndPatternSyntax.html</summary>
    public const string InitDurationFilterPattern = "{ $.type = \"platform.report\" && $.record.metrics.initDurationMs > 0 }";

    public const string InitDurationValue = "$.record.metrics.initDurationMs";

    public static MonitoringSpec Build(
        StackSettings settings,
        StackNames names,
        AwsContext aws,
        ApiSpec api,
        IReadOnlyList<FunctionSpec> functions,
        IReadOnlyList<QueueSpec> queues,
        CollectorSpec? collector)
    {
        var preset = MonitoringPresets.For(settings.Environment);
        var (slos, sloNote) = Slos(settings, names, aws, api);
        var filters = functions.Select(function => InitDurationFilter(function, names)).ToList();

        var alarms = new List<AlarmSpec>();
        alarms.AddRange(slos.Select(slo => BurnRateAlarm(slo, names, settings.Slo.BurnRate)));
        alarms.AddRange(ApiAlarms(api, names, preset.Alarms));
        foreach (var function in functions)
        {
            alarms.AddRange(FunctionAlarms(function, filters.Single(filter => filter.Key == InitDurationKey(function)), names, preset.Alarms));
        }

        // A stack's only queue keeps the plain alarm keys; with several, each key carries its queue's.
        alarms.AddRange(queues.SelectMany(queue => QueueAlarms(queue, queues.Count == 1 ? "" : $"{queue.Key}-", names, preset.Alarms)));
        if (collector is not null)
        {
            alarms.AddRange(CollectorAlarms(collector, names, preset.Alarms));
        }

        var dashboard = new DashboardSpec(names.Dashboard, DashboardBody.Build(alarms, aws), aws.DashboardUrl(names.Dashboard));
        return new MonitoringSpec(
            names.AlertTopic,
            settings.Alerts.Subscriptions.Select(subscription => new SubscriptionSpec(subscription.Protocol, subscription.Endpoint)).ToList(),
            slos, filters, alarms, dashboard, sloNote);
    }

    /// <summary>
    /// A foundation's monitoring: the collector's alarms (the same as an app stack that runs its own collector), its alert
    /// topic and a dashboard of them; no SLOs, which belong to the apps' APIs.
    /// </summary>
    public static MonitoringSpec Collector(StackSettings settings, StackNames names, AwsContext aws, CollectorSpec collector)
    {
        var alarms = CollectorAlarms(collector, names, MonitoringPresets.For(settings.Environment).Alarms).ToList();
        return new MonitoringSpec(
            names.AlertTopic,
            settings.Alerts.Subscriptions.Select(subscription => new SubscriptionSpec(subscription.Protocol, subscription.Endpoint)).ToList(),
            [], [], alarms, new DashboardSpec(names.Dashboard, DashboardBody.Build(alarms, aws), aws.DashboardUrl(names.Dashboard)),
            "A foundation has no SLOs: they belong to the apps' APIs.");
    }

    /// <summary>The API routes whose path matches one of sampling.criticalPaths (X-Ray's wildcards: * and ?).</summary>
    public static IReadOnlyList<RouteSpec> CriticalRoutes(StackSettings settings, ApiSpec api) =>
        api.Routes.Where(route => settings.Sampling.CriticalPaths.Any(pattern => XRayWildcard.Matches(pattern, route.Path))).ToList();

    /// <summary>The dimensions of one method's metrics on one stage (the stage has detailed metrics on every method).</summary>
    public static IReadOnlyList<MetricDimension> MethodDimensions(ApiSpec api, RouteSpec route) =>
    [
        new("ApiName", api.Name),
        new("Method", route.Method),
        new("Resource", route.Path),
        new("Stage", api.StageName),
    ];

    public static IReadOnlyList<MetricDimension> StageDimensions(ApiSpec api) => [new("ApiName", api.Name), new("Stage", api.StageName)];

    /// <summary>The burn rate at which the policy's share of the budget is gone within the long window (<see cref="BurnRates.Threshold"/>).</summary>
    public static double BurnRateThreshold(BurnRatePolicy policy, int intervalDays) => BurnRates.Threshold(policy, intervalDays);

    private static (IReadOnlyList<SloSpec> Slos, string? Note) Slos(StackSettings settings, StackNames names, AwsContext aws, ApiSpec api)
    {
        // The SLO ARN pattern has the aws and aws-us-gov partitions only.
        // https://docs.aws.amazon.com/applicationsignals/latest/APIReference/API_ServiceLevelObjective.html
        if (aws.Partition == "aws-cn")
        {
            return ([], $"Application Signals SLOs exist in the aws and aws-us-gov partitions only; {aws.Region} is in aws-cn.");
        }

        var routes = CriticalRoutes(settings, api);
        if (routes.Count == 0)
        {
            return ([], "no API route matches sampling.criticalPaths.");
        }

        var targets = settings.Slo.Targets;
        var policy = settings.Slo.BurnRate;
        // The settings keep the short window shorter than the long one, so this list is ordered and distinct.
        IReadOnlyList<int> windows = [policy.ShortWindowMinutes, policy.LongWindowMinutes];
        var threshold = BurnRates.Threshold(policy, targets.IntervalDays);
        var slos = new List<SloSpec>();
        foreach (var route in routes)
        {
            var slug = RouteSlug(route);
            var dimensions = MethodDimensions(api, route);
            var availabilityKey = $"{slug}-availability";
            slos.Add(new SloSpec(
                availabilityKey,
                names.Slo(availabilityKey),
                Invariant($"{route.Method} {route.Path}: {targets.AvailabilityGoalPercent}% of requests answered without a 5XX over {targets.IntervalDays} rolling days"),
                SloKind.Availability,
                route.Method,
                route.Path,
                targets.AvailabilityGoalPercent,
                targets.WarningThresholdPercent,
                targets.IntervalDays,
                "DAY",
                // Count's statistic is SampleCount, 5XXError's Sum (the API Gateway metrics page).
                new RequestSliSpec(
                    new MetricSpec(ApiGatewayNamespace, "Count", dimensions, "SampleCount", MinutePeriod),
                    new MetricSpec(ApiGatewayNamespace, "5XXError", dimensions, "Sum", MinutePeriod)),
                PeriodSli: null,
                windows,
                threshold,
                Math.Round(BurnRates.Max(targets.AvailabilityGoalPercent), 4)));

            var latencyKey = $"{slug}-latency";
            slos.Add(new SloSpec(
                latencyKey,
                names.Slo(latencyKey),
                Invariant($"{route.Method} {route.Path}: p99 latency at most {targets.LatencyThresholdMs} ms in {targets.LatencyGoalPercent}% of minutes over {targets.IntervalDays} rolling days"),
                SloKind.Latency,
                route.Method,
                route.Path,
                targets.LatencyGoalPercent,
                targets.WarningThresholdPercent,
                targets.IntervalDays,
                "DAY",
                RequestSli: null,
                new PeriodSliSpec(new MetricSpec(ApiGatewayNamespace, "Latency", dimensions, "p99", MinutePeriod), "LessThanOrEqualTo", targets.LatencyThresholdMs, MinutePeriod),
                windows,
                threshold,
                Math.Round(BurnRates.Max(targets.LatencyGoalPercent), 4)));
        }

        return (slos, null);
    }

    /// <summary>A route as a key SLO names can carry (letters, digits and hyphens): POST /chat → post-chat.</summary>
    public static string RouteSlug(RouteSpec route) =>
        System.Text.RegularExpressions.Regex.Replace($"{route.Method}-{route.Path}".ToLowerInvariant(), "[^a-z0-9]+", "-").Trim('-');

    private static AlarmSpec BurnRateAlarm(SloSpec slo, StackNames names, BurnRatePolicy policy)
    {
        var threshold = slo.BurnRateAlarmThreshold;
        MetricSpec BurnRate(int window) => new(
            ApplicationSignalsNamespace, "BurnRate",
            [new("SloName", slo.Name), new("BurnRateWindowMinutes", window.ToString(CultureInfo.InvariantCulture))],
            "Maximum", MinutePeriod);
        var key = $"slo-{slo.Key}-burn-rate";
        return new AlarmSpec(
            key,
            names.Alarm(key),
            Invariant($"SLO {slo.Name} ({slo.Route}) is burning its error budget: over both the last {policy.LongWindowMinutes} and {policy.ShortWindowMinutes} minutes, ")
                + Invariant($"at {threshold}x or more the rate that would use exactly the whole budget, so {policy.BudgetFraction * 100}% of the {slo.IntervalDuration}-day budget is gone within {policy.LongWindowMinutes} minutes. ")
                + (slo.Kind == SloKind.Availability ? "The route answers with 5XX errors: check the API 5XX and function error alarms and the traces of failing requests." : "The route is slow: check the p99 latency alarm, cold starts (init duration) and the traces of slow requests."),
            Metric: null,
            [
                new MetricQuery("long", Invariant($"burn rate {policy.LongWindowMinutes} min"), BurnRate(policy.LongWindowMinutes), null, ReturnData: false),
                new MetricQuery("short", Invariant($"burn rate {policy.ShortWindowMinutes} min"), BurnRate(policy.ShortWindowMinutes), null, ReturnData: false),
                // MIN over an array of time series is a time series of the lowest value at each point: above the threshold only when both are.
                // https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/using-metric-math.html
                new MetricQuery("burn", "burn rate, both windows", null, "MIN([long, short])", ReturnData: true),
            ],
            "GreaterThanOrEqualToThreshold",
            threshold,
            EvaluationPeriods: 1,
            DatapointsToAlarm: 1,
            TreatMissingData: "notBreaching");
    }

    private static IEnumerable<AlarmSpec> ApiAlarms(ApiSpec api, StackNames names, AlarmThresholds thresholds)
    {
        var dimensions = StageDimensions(api);
        yield return new AlarmSpec(
            "api-5xx", names.Alarm("api-5xx"),
            Invariant($"More than {thresholds.Api5xxRate * 100}% of the requests to {api.Name}/{api.StageName} got a 5XX answer in 3 of the last 5 minutes: the API or a function behind it fails. ")
                + "Check the function error alarms, then the API's access log and the traces with faults.",
            // The Average of 5XXError is the share of requests answered with a 5XX.
            new MetricSpec(ApiGatewayNamespace, "5XXError", dimensions, "Average", MinutePeriod), [],
            "GreaterThanThreshold", thresholds.Api5xxRate, EvaluationPeriods: 5, DatapointsToAlarm: 3, "notBreaching");
        yield return new AlarmSpec(
            "api-p99-latency", names.Alarm("api-p99-latency"),
            Invariant($"The slowest 1% of requests to {api.Name}/{api.StageName} took longer than {thresholds.ApiP99LatencyMs} ms in 3 of the last 5 minutes. ")
                + "Check the functions' duration and init duration, and the slow traces in X-Ray.",
            new MetricSpec(ApiGatewayNamespace, "Latency", dimensions, "p99", MinutePeriod), [],
            "GreaterThanThreshold", thresholds.ApiP99LatencyMs, EvaluationPeriods: 5, DatapointsToAlarm: 3, "notBreaching");
    }

    private static string InitDurationKey(FunctionSpec function) => $"{function.Key}-init-duration";

    private static MetricFilterSpec InitDurationFilter(FunctionSpec function, StackNames names) => new(
        InitDurationKey(function),
        names.MetricFilter(InitDurationKey(function)),
        function.LogGroupName,
        InitDurationFilterPattern,
        names.MetricNamespace,
        $"InitDuration-{function.Key}",
        InitDurationValue,
        "Milliseconds");

    private static IEnumerable<AlarmSpec> FunctionAlarms(FunctionSpec function, MetricFilterSpec initDuration, StackNames names, AlarmThresholds thresholds)
    {
        IReadOnlyList<MetricDimension> dimensions = [new("FunctionName", function.FunctionName)];
        yield return new AlarmSpec(
            $"{function.Key}-errors", names.Alarm($"{function.Key}-errors"),
            Invariant($"{function.FunctionName} failed {thresholds.LambdaErrors} or more invocations in 5 minutes (the handler raised, timed out or ran out of memory). ")
                + "Read its log group for the errors and open the traces with faults.",
            new MetricSpec(LambdaNamespace, "Errors", dimensions, "Sum", FiveMinutePeriod), [],
            "GreaterThanOrEqualToThreshold", thresholds.LambdaErrors, EvaluationPeriods: 1, DatapointsToAlarm: 1, "notBreaching");
        yield return new AlarmSpec(
            $"{function.Key}-throttles", names.Alarm($"{function.Key}-throttles"),
            Invariant($"Lambda refused {thresholds.LambdaThrottles} or more invocations of {function.FunctionName} in 5 minutes for lack of concurrency. ")
                + "Check the account's concurrency quota and the functions using it; callers see 5XX (API) or retries (queue).",
            new MetricSpec(LambdaNamespace, "Throttles", dimensions, "Sum", FiveMinutePeriod), [],
            "GreaterThanOrEqualToThreshold", thresholds.LambdaThrottles, EvaluationPeriods: 1, DatapointsToAlarm: 1, "notBreaching");
        yield return new AlarmSpec(
            initDuration.Key, names.Alarm(initDuration.Key),
            Invariant($"A cold start of {function.FunctionName} spent more than {thresholds.LambdaInitDurationMs} ms in its INIT phase (5 minutes, longest). ")
                + "INIT is billed and delays the first request: check the layer's instrumentation and what the handler imports.",
            new MetricSpec(initDuration.MetricNamespace, initDuration.MetricName, [], "Maximum", FiveMinutePeriod), [],
            "GreaterThanThreshold", thresholds.LambdaInitDurationMs, EvaluationPeriods: 1, DatapointsToAlarm: 1, "notBreaching");
    }

    private static IEnumerable<AlarmSpec> QueueAlarms(QueueSpec queue, string keyPrefix, StackNames names, AlarmThresholds thresholds)
    {
        var age = $"{keyPrefix}queue-oldest-message-age";
        var deadLetters = $"{keyPrefix}dlq-depth";
        yield return new AlarmSpec(
            age, names.Alarm(age),
            Invariant($"A message has waited more than {thresholds.QueueOldestMessageAgeSeconds} s in {queue.Name}: the consumer is failing, throttled or too slow. ")
                + "Check the consumer's error and throttle alarms.",
            new MetricSpec(SqsNamespace, "ApproximateAgeOfOldestMessage", [new("QueueName", queue.Name)], "Maximum", MinutePeriod), [],
            "GreaterThanThreshold", thresholds.QueueOldestMessageAgeSeconds, EvaluationPeriods: 5, DatapointsToAlarm: 3, "notBreaching");
        yield return new AlarmSpec(
            deadLetters, names.Alarm(deadLetters),
            Invariant($"{thresholds.DeadLetterMessages} or more messages are in the dead-letter queue {queue.DeadLetterName}: the consumer failed them {queue.MaxReceiveCount} times. ")
                + "Read the consumer's log for why, fix it, then redrive the messages to the queue.",
            new MetricSpec(SqsNamespace, "ApproximateNumberOfMessagesVisible", [new("QueueName", queue.DeadLetterName)], "Maximum", MinutePeriod), [],
            "GreaterThanOrEqualToThreshold", thresholds.DeadLetterMessages, EvaluationPeriods: 1, DatapointsToAlarm: 1, "notBreaching");
    }

    private static IEnumerable<AlarmSpec> CollectorAlarms(CollectorSpec collector, StackNames names, AlarmThresholds thresholds)
    {
        IReadOnlyList<MetricDimension> dimensions = [new("ClusterName", collector.ClusterName), new("ServiceName", collector.Service.Name)];
        yield return new AlarmSpec(
            "collector-cpu", names.Alarm("collector-cpu"),
            Invariant($"The collector tasks used more than {thresholds.CollectorCpuPercent}% of their CPU for 5 of the last 5 minutes: spans may queue up or be dropped. ")
                + "Raise collector.cpu or add hosts.",
            new MetricSpec(EcsNamespace, "CPUUtilization", dimensions, "Average", MinutePeriod), [],
            "GreaterThanThreshold", thresholds.CollectorCpuPercent, EvaluationPeriods: 5, DatapointsToAlarm: 5, "notBreaching");
        yield return new AlarmSpec(
            "collector-memory", names.Alarm("collector-memory"),
            Invariant($"The collector tasks used more than {thresholds.CollectorMemoryPercent}% of their memory for 5 of the last 5 minutes: a task near its limit is killed and restarted. ")
                + "Raise collector.memory.",
            new MetricSpec(EcsNamespace, "MemoryUtilization", dimensions, "Average", MinutePeriod), [],
            "GreaterThanThreshold", thresholds.CollectorMemoryPercent, EvaluationPeriods: 5, DatapointsToAlarm: 5, "notBreaching");

        // A daemon runs one task per host, at least one per host of the group's minimum; a replica service its desired count.
        var expected = collector.Service.DesiredCount ?? collector.AutoScaling.MinSize;
        yield return new AlarmSpec(
            "collector-running-tasks", names.Alarm("collector-running-tasks"),
            Invariant($"Fewer than {expected} collector tasks ran for 3 minutes: traces sent to the missing collectors are lost. ")
                + "Check the service's events and stopped tasks (failed health check, no capacity, bad config). No data counts as none running.",
            new MetricSpec(ContainerInsightsNamespace, "RunningTaskCount", dimensions, "Minimum", MinutePeriod), [],
            "LessThanThreshold", expected, EvaluationPeriods: 3, DatapointsToAlarm: 3, "breaching");
    }

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
