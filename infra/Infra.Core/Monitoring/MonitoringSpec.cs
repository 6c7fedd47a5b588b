using System.Text.Json.Nodes;

namespace Infra.Core.Monitoring;

public sealed record MetricDimension(string Name, string Value);

/// <summary>One CloudWatch metric with the statistic and period it is read with.</summary>
/// <param name="Statistic">A statistic (Sum, Average, Maximum, Minimum, SampleCount) or a percentile (p99).</param>
public sealed record MetricSpec(string Namespace, string MetricName, IReadOnlyList<MetricDimension> Dimensions, string Statistic, int PeriodSeconds)
{
    /// <summary>Percentiles go in an alarm's ExtendedStatistic, the others in Statistic.</summary>
    public bool IsPercentile => Statistic.StartsWith('p');
}

/// <summary>A query of a metric-math alarm: a metric (<see cref="Metric"/>) or an expression over other queries' ids.</summary>
public sealed record MetricQuery(string Id, string Label, MetricSpec? Metric, string? Expression, bool ReturnData);

/// <summary>
/// A CloudWatch alarm on one metric (<see cref="Metric"/>) or on metric math (<see cref="Queries"/>); either way its
/// actions and OK actions go to the stack's alert topic.
/// </summary>
/// <param name="Key">Unique within the stack; names the resource.</param>
/// <param name="Meaning">What the alarm going off means and where to look first: the alarm's description.</param>
/// <param name="ComparisonOperator">As PutMetricAlarm takes it (GreaterThanThreshold, LessThanThreshold, ...).</param>
/// <param name="TreatMissingData">breaching, notBreaching, ignore or missing.</param>
public sealed record AlarmSpec(
    string Key,
    string Name,
    string Meaning,
    MetricSpec? Metric,
    IReadOnlyList<MetricQuery> Queries,
    string ComparisonOperator,
    double Threshold,
    int EvaluationPeriods,
    int DatapointsToAlarm,
    string TreatMissingData)
{
    /// <summary>How the plan names what the alarm watches.</summary>
    public string Watches => Metric is { } metric
        ? $"{metric.Namespace} {metric.MetricName} {metric.Statistic}"
        : string.Join(", ", Queries.Where(query => query.Metric is not null).Select(query => $"{query.Metric!.Namespace} {query.Metric.MetricName} {query.Metric.Statistic}").Distinct())
            + $" ({string.Join(", ", Queries.Where(query => query.Metric is not null).Select(query => query.Label))}): "
            + string.Join(", ", Queries.Where(query => query.ReturnData).Select(query => query.Expression ?? query.Id));
}

/// <summary>Turns matching log events into a metric: how the stack measures what no AWS namespace publishes.</summary>
public sealed record MetricFilterSpec(
    string Key,
    string FilterName,
    string LogGroupName,
    string FilterPattern,
    string MetricNamespace,
    string MetricName,
    string MetricValue,
    string Unit);

public enum SloKind { Availability, Latency }

/// <summary>Request-based: good requests / all requests over the interval, here all minus the 5XX answers.</summary>
public sealed record RequestSliSpec(MetricSpec TotalRequests, MetricSpec BadRequests);

/// <summary>Period-based: the share of periods in which the metric meets the threshold.</summary>
/// <param name="ComparisonOperator">As the SLO resource takes it (LessThanOrEqualTo, GreaterThanOrEqualTo, ...).</param>
public sealed record PeriodSliSpec(MetricSpec Metric, string ComparisonOperator, double Threshold, int PeriodSeconds);

/// <summary>
/// An Application Signals SLO on one API route, measured from the stage's per-method API Gateway metrics, with a
/// rolling interval and the look-back windows Application Signals publishes burn rates for.
/// </summary>
/// <param name="AttainmentGoal">Percent of requests (availability) or periods (latency) that must be good.</param>
/// <param name="WarningThreshold">Percent of the error budget left below which the SLO is in WARNING.</param>
/// <param name="IntervalUnit">The rolling interval's unit as the SLO resource takes it (DAY).</param>
/// <param name="BurnRateAlarmThreshold">The burn rate at or above which the SLO's burn-rate alarm fires.</param>
/// <param name="MaxBurnRate">The highest burn rate the SLO can report, 1 / (1 - goal): the threshold stays below it.</param>
public sealed record SloSpec(
    string Key,
    string Name,
    string Description,
    SloKind Kind,
    string Method,
    string Path,
    double AttainmentGoal,
    double WarningThreshold,
    int IntervalDuration,
    string IntervalUnit,
    RequestSliSpec? RequestSli,
    PeriodSliSpec? PeriodSli,
    IReadOnlyList<int> BurnRateWindowsMinutes,
    double BurnRateAlarmThreshold,
    double MaxBurnRate)
{
    public string Route => $"{Method} {Path}";
}

public sealed record SubscriptionSpec(string Protocol, string Endpoint);

/// <param name="Body">The dashboard body in CloudWatch's dashboard body structure.</param>
/// <param name="Url">Where the dashboard opens in the console of the stack's partition and Region.</param>
public sealed record DashboardSpec(string Name, JsonObject Body, string Url);

/// <summary>Everything a stack is watched with: SLOs, alarms, the topic they notify, the dashboard.</summary>
/// <param name="SloNote">Why the stack has no SLOs, when it has none.</param>
public sealed record MonitoringSpec(
    string TopicName,
    IReadOnlyList<SubscriptionSpec> Subscriptions,
    IReadOnlyList<SloSpec> Slos,
    IReadOnlyList<MetricFilterSpec> MetricFilters,
    IReadOnlyList<AlarmSpec> Alarms,
    DashboardSpec Dashboard,
    string? SloNote);
