using Infra.Core.Monitoring;

namespace Infra.Core.Tests.Monitoring;

/// <summary>
/// Burn-rate thresholds that do not come out even are rounded to four decimals, the precision the plan and the
/// alarm's description show. burn rate = budget share × interval / long window
/// (https://sre.google/workbook/alerting-on-slos/).
/// </summary>
public class BurnRateThresholdTests
{
    [Theory]
    // 10 % of a 1-day budget within 7 minutes: 0.1 × 1440 / 7 = 20.571428…
    [InlineData(7, 0.10, 1, 20.5714)]
    // 1 % of a 7-day budget within 9 minutes: 0.01 × 10080 / 9 = 11.2
    [InlineData(9, 0.01, 7, 11.2)]
    // 5 % of a 30-day budget within 7 minutes: 0.05 × 43200 / 7 = 308.571428…
    [InlineData(7, 0.05, 30, 308.5714)]
    public void UnevenThresholdsAreRoundedToFourDecimals(int longWindow, double fraction, int intervalDays, double expected) =>
        Assert.Equal(expected, MonitoringBuilder.BurnRateThreshold(new BurnRatePolicy(longWindow, 1, fraction), intervalDays));
}
