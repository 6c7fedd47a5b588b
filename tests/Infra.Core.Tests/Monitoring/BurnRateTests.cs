using Infra.Core.Monitoring;

namespace Infra.Core.Tests.Monitoring;

/// <summary>
/// Burn rates and their alarms. Application Signals publishes each SLO's burn rate for each configured look-back
/// window as the metric BurnRate in the AWS/ApplicationSignals namespace with the dimensions SloName and
/// BurnRateWindowMinutes, and computes it as error rate / (100 % - attainment goal)
/// (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch-ServiceLevelObjectives.html#CloudWatch-ServiceLevelObjectives-burn,
/// https://docs.aws.amazon.com/applicationsignals/latest/APIReference/API_BurnRateConfiguration.html).
/// </summary>
public class BurnRateTests
{
    [Theory]
    // The SRE workbook's multiwindow table for a 30-day SLO (https://sre.google/workbook/alerting-on-slos/):
    // 2 % of the budget in 1 hour is a burn rate of 14.4, 5 % in 6 hours 6, 10 % in 3 days 1.
    [InlineData(60, 0.02, 30, 14.4)]
    [InlineData(360, 0.05, 30, 6)]
    [InlineData(4320, 0.10, 30, 1)]
    public void TheThresholdIsTheBurnRateThatSpendsTheBudgetShareWithinTheLongWindow(int longWindow, double fraction, int intervalDays, double expected) =>
        Assert.Equal(expected, MonitoringBuilder.BurnRateThreshold(new BurnRatePolicy(longWindow, longWindow / 12, fraction), intervalDays), 6);

    [Fact]
    public void EachSloHasABurnRateAlarmOnBothOfItsWindows()
    {
        var monitoring = TestStacks.Blueprint("prod").Monitoring;
        Assert.Equal(2, monitoring.Slos.Count);
        foreach (var slo in monitoring.Slos)
        {
            var alarm = Assert.Single(monitoring.Alarms, alarm => alarm.Key == $"slo-{slo.Key}-burn-rate");
            Assert.Null(alarm.Metric);
            var metrics = alarm.Queries.Where(query => query.Metric is not null).Select(query => query.Metric!).ToList();
            Assert.Equal(2, metrics.Count);
            Assert.All(metrics, metric =>
            {
                Assert.Equal("AWS/ApplicationSignals", metric.Namespace);
                Assert.Equal("BurnRate", metric.MetricName);
                Assert.Equal(["SloName", "BurnRateWindowMinutes"], metric.Dimensions.Select(dimension => dimension.Name));
                Assert.Equal(slo.Name, metric.Dimensions[0].Value);
            });
            Assert.Equal(slo.BurnRateWindowsMinutes.Select(minutes => minutes.ToString(System.Globalization.CultureInfo.InvariantCulture)).Order(),
                metrics.Select(metric => metric.Dimensions[1].Value).Order());
        }
    }

    [Fact]
    public void TheAlarmFiresOnlyWhenBothWindowsBurnFastEnough()
    {
        var alarm = TestStacks.Blueprint("prod").Monitoring.Alarms.First(alarm => alarm.Key.EndsWith("-burn-rate", StringComparison.Ordinal));
        // One query returns data (what the alarm evaluates): the lower of the two burn rates at each point.
        var evaluated = Assert.Single(alarm.Queries, query => query.ReturnData);
        var ids = alarm.Queries.Where(query => query.Metric is not null).Select(query => query.Id).ToList();
        Assert.Equal($"MIN([{string.Join(", ", ids)}])", evaluated.Expression);
        Assert.Equal("GreaterThanOrEqualToThreshold", alarm.ComparisonOperator);
        // prod: 2 % of a 30-day budget within the hour.
        Assert.Equal(14.4, alarm.Threshold, 6);
    }

    [Fact]
    public void MetricQueryIdsStartWithALowerCaseLetter()
    {
        // MetricDataQuery Id: starts with a lowercase letter; letters, digits and underscores.
        // https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_MetricDataQuery.html
        var queries = TestStacks.Blueprint("dev").Monitoring.Alarms.SelectMany(alarm => alarm.Queries).ToList();
        Assert.NotEmpty(queries);
        Assert.All(queries, query => Assert.Matches("^[a-z][A-Za-z0-9_]*$", query.Id));
    }
}
