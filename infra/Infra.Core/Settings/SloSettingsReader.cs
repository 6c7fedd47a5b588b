using System.Globalization;
using Infra.Core.Monitoring;

namespace Infra.Core.Settings;

/// <summary>The SLOs every critical route gets, and the burn-rate alarm that pages on each.</summary>
public sealed record SloSettings(SloTargets Targets, BurnRatePolicy BurnRate);

/// <summary>
/// adot-tracing:slo — availabilityGoal, latencyGoal, latencyThresholdMs, intervalDays, warningThreshold,
/// burnRate {budgetPercent, longWindowMinutes, shortWindowMinutes}; each defaults to the environment's
/// <see cref="MonitoringPresets"/>. The burn-rate alarm's threshold is derived, never set: budgetPercent of the
/// interval's error budget within the long window (<see cref="BurnRates.Threshold"/>). A combination whose threshold
/// is not below the highest burn rate a goal allows (<see cref="BurnRates.Max"/>) is refused: that alarm could never fire.
/// </summary>
internal static class SloSettingsReader
{
    /// <summary>BurnRateConfiguration.LookBackWindowMinutes: 1 to 10080.
    /// https://docs.aws.amazon.com/applicationsignals/latest/APIReference/API_BurnRateConfiguration.html</summary>
    public const int MaxLookBackWindowMinutes = 10080;

    /// <summary>A year: RollingInterval.Duration has no upper bound in the API; longer intervals make little sense for paging.</summary>
    public const int MaxIntervalDays = 365;

    /// <summary>API Gateway's REST integration timeout can be raised well past its 29 s default, so a generous bound.</summary>
    public const double MaxLatencyThresholdMs = 300_000;

    public static SloSettings Read(ObjectReader reader, SloTargets targets, BurnRatePolicy policy, ErrorSink errors)
    {
        var availability = Goal(reader, "availabilityGoal", targets.AvailabilityGoalPercent, errors);
        var latency = Goal(reader, "latencyGoal", targets.LatencyGoalPercent, errors);
        var latencyMs = reader.Double("latencyThresholdMs", targets.LatencyThresholdMs, 1, MaxLatencyThresholdMs);
        var intervalDays = reader.Int("intervalDays", targets.IntervalDays, 1, MaxIntervalDays);
        var warning = reader.Double("warningThreshold", targets.WarningThresholdPercent, 0, 100);

        var burn = reader.Object("burnRate");
        var budgetPercent = burn.Double("budgetPercent", policy.BudgetFraction * 100, 0, 100);
        if (budgetPercent == 0)
        {
            errors.Add(burn.PathOf("budgetPercent"), "0 makes the threshold 0, so the alarm would fire at any burn rate; allowed: more than 0 up to 100.");
            budgetPercent = policy.BudgetFraction * 100;
        }

        var longWindow = burn.Int("longWindowMinutes", policy.LongWindowMinutes, 2, MaxLookBackWindowMinutes);
        var shortWindow = burn.Int("shortWindowMinutes", policy.ShortWindowMinutes, 1, MaxLookBackWindowMinutes - 1);
        if (shortWindow >= longWindow)
        {
            var key = burn.Has("shortWindowMinutes") || !burn.Has("longWindowMinutes") ? "shortWindowMinutes" : "longWindowMinutes";
            errors.Add(burn.PathOf(key), $"the short window ({shortWindow} min) must be shorter than the long one ({longWindow} min): "
                + "the short window confirms that a burn seen over the long window is still going on.");
            (shortWindow, longWindow) = (policy.ShortWindowMinutes, policy.LongWindowMinutes);
        }

        burn.Finish();
        reader.Finish();

        var read = new SloSettings(
            new SloTargets(availability, latency, latencyMs, intervalDays, warning),
            new BurnRatePolicy(longWindow, shortWindow, budgetPercent / 100));
        CheckAlarmsCanFire(read, reader, burn, errors);
        return read;
    }

    /// <summary>A goal is a percentage below 100: at 100 there is no error budget to burn.</summary>
    private static double Goal(ObjectReader reader, string name, double fallback, ErrorSink errors)
    {
        var goal = reader.Double(name, fallback, 0, 100);
        if (goal >= 100)
        {
            errors.Add(reader.PathOf(name), "100 leaves no error budget, so no burn rate (error rate / (100 % - goal)) exists; allowed: 0 to below 100.");
            return fallback;
        }

        return goal;
    }

    private static void CheckAlarmsCanFire(SloSettings slo, ObjectReader reader, ObjectReader burn, ErrorSink errors)
    {
        var (targets, policy) = (slo.Targets, slo.BurnRate);
        var threshold = BurnRates.Threshold(policy, targets.IntervalDays);
        foreach (var (name, goal) in new[] { ("availabilityGoal", targets.AvailabilityGoalPercent), ("latencyGoal", targets.LatencyGoalPercent) })
        {
            if (BurnRates.CanFire(threshold, goal))
            {
                continue;
            }

            var max = BurnRates.Max(goal);
            // The budget share whose threshold equals the maximum, and the goal whose maximum equals the threshold.
            var budgetLimit = max * policy.LongWindowMinutes / (targets.IntervalDays * 24 * 60) * 100;
            var goalLimit = 100 - (100 / threshold);
            // Blame the key the stack file set; a preset that broke the rule is blamed on the goal.
            var key = reader.Has(name) ? reader.PathOf(name)
                : burn.Has("budgetPercent") ? burn.PathOf("budgetPercent")
                : burn.Has("longWindowMinutes") ? burn.PathOf("longWindowMinutes")
                : reader.Has("intervalDays") ? reader.PathOf("intervalDays")
                : reader.PathOf(name);
            errors.Add(key,
                $"the burn-rate alarm of the {(name == "availabilityGoal" ? "availability" : "latency")} SLO would fire at a burn rate of {Number(threshold)} or more "
                + $"({Number(policy.BudgetFraction * 100)} % of the {targets.IntervalDays}-day error budget within {policy.LongWindowMinutes} minutes), "
                + $"but a goal of {Number(goal)} % caps the burn rate at {Number(max)} (1 / (1 - goal), all requests bad): the alarm could never fire. "
                + $"The threshold must stay below {Number(max)}: lower {burn.PathOf("budgetPercent")} below {Number(budgetLimit)}, "
                + $"or raise {reader.PathOf(name)} above {Number(goalLimit)}.");
        }
    }

    private static string Number(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
