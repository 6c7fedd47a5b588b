using Infra.Core.Settings;

namespace Infra.Core.Monitoring;

/// <summary>What each environment promises (SLOs), when it pages (alarm thresholds) and whom (alert subscriptions).</summary>
internal sealed record MonitoringPreset(SloTargets Slo, BurnRatePolicy BurnRate, AlarmThresholds Alarms, AlertSettings Alerts);

/// <summary>The goals of the SLOs on every critical route (the defaults of adot-tracing:slo).</summary>
/// <param name="AvailabilityGoalPercent">Share of requests answered without a 5XX over the interval.</param>
/// <param name="LatencyGoalPercent">Share of one-minute periods whose p99 latency stays at or under <paramref name="LatencyThresholdMs"/>.</param>
/// <param name="IntervalDays">The rolling interval both SLOs are measured over.</param>
/// <param name="WarningThresholdPercent">Application Signals reports WARNING when less than this share of the error budget is left.</param>
public sealed record SloTargets(
    double AvailabilityGoalPercent,
    double LatencyGoalPercent,
    double LatencyThresholdMs,
    int IntervalDays,
    double WarningThresholdPercent);

/// <summary>
/// Multiwindow burn-rate alerting (Google SRE workbook, "Alerting on SLOs", https://sre.google/workbook/alerting-on-slos/):
/// page when <paramref name="BudgetFraction"/> of the interval's error budget burns within the long window, and the
/// short window shows it is still burning. The alarm's threshold follows from it (<see cref="BurnRates.Threshold"/>).
/// </summary>
public sealed record BurnRatePolicy(int LongWindowMinutes, int ShortWindowMinutes, double BudgetFraction);

/// <summary>Alarm thresholds; the metrics, periods and comparisons they apply to are fixed in <see cref="MonitoringBuilder"/>.</summary>
/// <param name="Api5xxRate">Share of the stage's requests answered with a 5XX, per minute.</param>
/// <param name="ApiP99LatencyMs">The stage's p99 latency per minute.</param>
/// <param name="LambdaErrors">Invocations that failed, per function and 5 minutes.</param>
/// <param name="LambdaThrottles">Throttled invocation requests, per function and 5 minutes.</param>
/// <param name="LambdaInitDurationMs">The longest cold-start INIT phase per function and 5 minutes.</param>
/// <param name="QueueOldestMessageAgeSeconds">Age of the oldest message waiting in the questions queue.</param>
/// <param name="DeadLetterMessages">Messages visible in the dead-letter queue.</param>
/// <param name="CollectorCpuPercent">The collector service's CPU utilization (of what its tasks reserve).</param>
/// <param name="CollectorMemoryPercent">The collector service's memory utilization (of what its tasks reserve).</param>
internal sealed record AlarmThresholds(
    double Api5xxRate,
    double ApiP99LatencyMs,
    double LambdaErrors,
    double LambdaThrottles,
    double LambdaInitDurationMs,
    double QueueOldestMessageAgeSeconds,
    double DeadLetterMessages,
    double CollectorCpuPercent,
    double CollectorMemoryPercent);

internal static class MonitoringPresets
{
    public static MonitoringPreset For(DeploymentEnvironment environment) => environment switch
    {
        DeploymentEnvironment.Dev => Dev,
        DeploymentEnvironment.Staging => Staging,
        DeploymentEnvironment.Prod => Prod,
        _ => throw new ArgumentOutOfRangeException(nameof(environment), environment, null),
    };

    // Every environment pages on the SRE workbook's fast-burn rule, 2 % of the interval's budget within one hour confirmed
    // over 5 minutes (https://sre.google/workbook/alerting-on-slos/): a burn rate of 14.4 over 30 days, 3.36 over 7 days.
    // A share that is fixed, rather than a fixed burn rate, keeps the alarm able to fire at loose goals: a burn rate
    // cannot exceed 1 / (1 - goal), 10 at dev's 90 % latency goal.
    private const double FastBurnBudgetFraction = 0.02;

    // dev: loose goals over a week, alarms only for what is clearly broken, and nobody paged.
    private static readonly MonitoringPreset Dev = new(
        new SloTargets(AvailabilityGoalPercent: 95, LatencyGoalPercent: 90, LatencyThresholdMs: 5000, IntervalDays: 7, WarningThresholdPercent: 50),
        new BurnRatePolicy(LongWindowMinutes: 60, ShortWindowMinutes: 5, BudgetFraction: FastBurnBudgetFraction),
        new AlarmThresholds(
            Api5xxRate: 0.05, ApiP99LatencyMs: 8000,
            LambdaErrors: 5, LambdaThrottles: 5, LambdaInitDurationMs: 5000,
            QueueOldestMessageAgeSeconds: 1800, DeadLetterMessages: 1,
            CollectorCpuPercent: 90, CollectorMemoryPercent: 90),
        new AlertSettings([]));

    private static readonly MonitoringPreset Staging = new(
        new SloTargets(AvailabilityGoalPercent: 99, LatencyGoalPercent: 95, LatencyThresholdMs: 4000, IntervalDays: 7, WarningThresholdPercent: 50),
        new BurnRatePolicy(LongWindowMinutes: 60, ShortWindowMinutes: 5, BudgetFraction: FastBurnBudgetFraction),
        new AlarmThresholds(
            Api5xxRate: 0.02, ApiP99LatencyMs: 5000,
            LambdaErrors: 3, LambdaThrottles: 1, LambdaInitDurationMs: 4000,
            QueueOldestMessageAgeSeconds: 900, DeadLetterMessages: 1,
            CollectorCpuPercent: 85, CollectorMemoryPercent: 85),
        new AlertSettings([]));

    private static readonly MonitoringPreset Prod = new(
        new SloTargets(AvailabilityGoalPercent: 99.9, LatencyGoalPercent: 99, LatencyThresholdMs: 3000, IntervalDays: 30, WarningThresholdPercent: 30),
        new BurnRatePolicy(LongWindowMinutes: 60, ShortWindowMinutes: 5, BudgetFraction: FastBurnBudgetFraction),
        new AlarmThresholds(
            Api5xxRate: 0.01, ApiP99LatencyMs: 3000,
            LambdaErrors: 1, LambdaThrottles: 1, LambdaInitDurationMs: 3000,
            QueueOldestMessageAgeSeconds: 300, DeadLetterMessages: 1,
            CollectorCpuPercent: 80, CollectorMemoryPercent: 80),
        new AlertSettings([]));
}
