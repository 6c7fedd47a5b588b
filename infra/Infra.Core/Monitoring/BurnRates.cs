namespace Infra.Core.Monitoring;

/// <summary>
/// Burn-rate arithmetic. Application Signals defines an SLO's burn rate over a look-back window as
/// error rate / (100 % - attainment goal)
/// (https://docs.aws.amazon.com/applicationsignals/latest/APIReference/API_BurnRateConfiguration.html,
/// https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch-ServiceLevelObjectives.html#CloudWatch-ServiceLevelObjectives-burn),
/// so with every request (or period) bad it reaches its highest value, 1 / (1 - goal). An alarm whose threshold is
/// not below that can never fire.
/// </summary>
internal static class BurnRates
{
    /// <summary>The highest burn rate an SLO with this goal (in percent, below 100) can report: all of the window bad.</summary>
    public static double Max(double goalPercent) => 100 / (100 - goalPercent);

    /// <summary>
    /// The burn rate at which the policy's share of the budget is gone within the long window (SRE workbook, "Alerting on
    /// SLOs", https://sre.google/workbook/alerting-on-slos/): share × interval hours / window hours, e.g. 2 % of a 30-day
    /// budget in 1 hour is 14.4, of a 7-day budget 3.36. Rounded to four decimals, the precision the plan shows.
    /// </summary>
    public static double Threshold(BurnRatePolicy policy, int intervalDays) =>
        Math.Round(policy.BudgetFraction * intervalDays * 24 * 60 / policy.LongWindowMinutes, 4);

    /// <summary>Whether an alarm at <paramref name="threshold"/> (burn rate at or above) can go off for an SLO with this goal.</summary>
    public static bool CanFire(double threshold, double goalPercent) => threshold < Max(goalPercent);
}
