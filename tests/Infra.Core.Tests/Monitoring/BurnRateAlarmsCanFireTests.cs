using CsCheck;
using Infra.Core.Monitoring;
using Infra.Core.Settings;

namespace Infra.Core.Tests.Monitoring;

/// <summary>
/// Every burn-rate alarm can fire. Application Signals computes a burn rate as error rate / (100 % - attainment goal)
/// (https://docs.aws.amazon.com/applicationsignals/latest/APIReference/API_BurnRateConfiguration.html), so it is at most
/// 100 / (100 - goal), reached when every request (or period) in the window is bad; an alarm at or above that never
/// fires. Thresholds follow the SRE workbook's multiwindow rule (https://sre.google/workbook/alerting-on-slos/):
/// a share of the budget within the long window, share × interval hours ÷ window hours.
/// </summary>
public class BurnRateAlarmsCanFireTests
{
    private static double MaxBurnRate(double goalPercent) => 100 / (100 - goalPercent);

    private static IEnumerable<(SloSpec Slo, AlarmSpec Alarm)> BurnRateAlarms(MonitoringSpec monitoring) =>
        monitoring.Slos.Select(slo => (slo, monitoring.Alarms.Single(alarm => alarm.Key == $"slo-{slo.Key}-burn-rate")));

    [Theory]
    [InlineData("dev")]
    [InlineData("staging")]
    [InlineData("prod")]
    public void EveryPresetsBurnRateAlarmsCanFire(string stack)
    {
        var monitoring = TestStacks.Blueprint(stack).Monitoring;
        Assert.NotEmpty(monitoring.Slos);
        Assert.All(BurnRateAlarms(monitoring), pair => Assert.True(
            pair.Alarm.Threshold < MaxBurnRate(pair.Slo.AttainmentGoal),
            $"{pair.Alarm.Key}: threshold {pair.Alarm.Threshold} is not below the highest burn rate {MaxBurnRate(pair.Slo.AttainmentGoal)} of a {pair.Slo.AttainmentGoal} % goal"));
    }

    [Theory]
    // 2 % of the budget within one hour: 0.02 × 168 h / 1 h over 7 days, 0.02 × 720 h / 1 h over 30 days (the workbook's 14.4).
    [InlineData("dev", 3.36)]
    [InlineData("staging", 3.36)]
    [InlineData("prod", 14.4)]
    public void ThePresetsPageAtTwoPercentOfTheBudgetWithinAnHour(string stack, double threshold)
    {
        var monitoring = TestStacks.Blueprint(stack).Monitoring;
        Assert.All(BurnRateAlarms(monitoring), pair => Assert.Equal(threshold, pair.Alarm.Threshold, 6));
    }

    [Fact]
    public void ThePlanCarriesEachSlosThresholdAndTheHighestBurnRateItsGoalAllows()
    {
        var monitoring = TestStacks.Blueprint("dev").Monitoring;
        var latency = Assert.Single(monitoring.Slos, slo => slo.Kind == SloKind.Latency);
        // dev's latency goal is 90 %: at most 1 / (1 - 0.9) = 10.
        Assert.Equal(10, latency.MaxBurnRate, 6);
        Assert.Equal(3.36, latency.BurnRateAlarmThreshold, 6);
    }

    [Fact]
    public void AGoalThatCapsTheBurnRateBelowTheThresholdIsRefusedNamingItsMaximum()
    {
        // dev: 2 % of a 7-day budget in an hour is 3.36; a 50 % goal caps the burn rate at 2.
        var error = TestStacks.Single(TestStacks.Errors("dev", ("slo", """{"latencyGoal":50}""")), "adot-tracing:slo.latencyGoal");
        Assert.Contains(" 2 ", error.Message, StringComparison.Ordinal);
        Assert.Contains("3.36", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ABudgetShareWhoseThresholdNoGoalCanReachIsRefusedOnThatKey()
    {
        // The old dev alarm: 10 % of a 7-day budget within an hour is 16.8, above the 10 a 90 % goal allows.
        var errors = TestStacks.Errors("dev", ("slo", """{"burnRate":{"budgetPercent":10}}"""));
        var error = TestStacks.Single(errors, "adot-tracing:slo.burnRate.budgetPercent");
        Assert.Contains("16.8", error.Message, StringComparison.Ordinal);
        Assert.Contains("at 10 ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AThresholdJustBelowTheMaximumIsAccepted()
    {
        // 5 % of a 7-day budget in an hour is 8.4, below the 10 of dev's 90 % latency goal.
        var monitoring = TestStacks.Blueprint("dev", ("slo", """{"burnRate":{"budgetPercent":5}}""")).Monitoring;
        Assert.All(BurnRateAlarms(monitoring), pair => Assert.Equal(8.4, pair.Alarm.Threshold, 6));
    }

    [Fact]
    public void AThresholdEqualToTheMaximumIsRefused()
    {
        // A 50 % goal caps the burn rate at 2; all of a 1-day budget within 12 hours is 1 × 24 h / 12 h = 2, reached only
        // when every period is bad, and an alarm that needs that is no alarm.
        var errors = TestStacks.Errors("dev", ("slo", """{"intervalDays":1,"latencyGoal":50,"burnRate":{"budgetPercent":100,"longWindowMinutes":720}}"""));
        TestStacks.Single(errors, "adot-tracing:slo.latencyGoal");
    }

    [Theory]
    [InlineData("""{"availabilityGoal":100}""", "adot-tracing:slo.availabilityGoal")]
    [InlineData("""{"latencyGoal":101}""", "adot-tracing:slo.latencyGoal")]
    [InlineData("""{"burnRate":{"budgetPercent":0}}""", "adot-tracing:slo.burnRate.budgetPercent")]
    [InlineData("""{"burnRate":{"shortWindowMinutes":60}}""", "adot-tracing:slo.burnRate.shortWindowMinutes")]
    [InlineData("""{"burnRate":{"longWindowMinutes":10081}}""", "adot-tracing:slo.burnRate.longWindowMinutes")]
    [InlineData("""{"intervalDays":0}""", "adot-tracing:slo.intervalDays")]
    [InlineData("""{"goal":99}""", "adot-tracing:slo.goal")]
    public void OutOfRangeSloSettingsAreRefusedByKey(string slo, string key) =>
        TestStacks.Single(TestStacks.Errors("dev", ("slo", slo)), key);

    [Fact]
    public void SetGoalsReachTheSlos()
    {
        var monitoring = TestStacks.Blueprint("prod", ("slo", """{"availabilityGoal":99.5,"latencyGoal":98,"intervalDays":28}""")).Monitoring;
        Assert.Equal(99.5, Assert.Single(monitoring.Slos, slo => slo.Kind == SloKind.Availability).AttainmentGoal);
        Assert.Equal(98, Assert.Single(monitoring.Slos, slo => slo.Kind == SloKind.Latency).AttainmentGoal);
        // 2 % of a 28-day budget within an hour: 0.02 × 672 = 13.44.
        Assert.All(BurnRateAlarms(monitoring), pair => Assert.Equal(13.44, pair.Alarm.Threshold, 6));
    }

    /// <summary>
    /// For every preset and random goals, intervals, windows and budget shares: the stack is valid exactly when both
    /// alarms can fire, and then every threshold is below 1 / (1 - goal); otherwise an slo key is refused.
    /// </summary>
    [Fact]
    public void AStackIsValidExactlyWhenItsBurnRateAlarmsCanFire()
    {
        var gen =
            from stack in Gen.OneOf(Gen.Const("dev"), Gen.Const("staging"), Gen.Const("prod"))
            from availability in Gen.Double[0, 99.999]
            from latency in Gen.Double[0, 99.999]
            from days in Gen.Int[1, 90]
            from longWindow in Gen.Int[2, 10080]
            from shortWindow in Gen.Int[1, longWindow - 1]
            from budget in Gen.Double[0.01, 100]
            select (stack, availability, latency, days, longWindow, shortWindow, budget);
        gen.Sample(sample =>
        {
            var (stack, availability, latency, days, longWindow, shortWindow, budget) = sample;
            var json = new System.Text.Json.Nodes.JsonObject
            {
                ["availabilityGoal"] = availability,
                ["latencyGoal"] = latency,
                ["intervalDays"] = days,
                ["burnRate"] = new System.Text.Json.Nodes.JsonObject
                {
                    ["budgetPercent"] = budget,
                    ["longWindowMinutes"] = longWindow,
                    ["shortWindowMinutes"] = shortWindow,
                },
            }.ToJsonString();
            var result = TestStacks.Parse(stack, ("slo", json));
            // The workbook's threshold, to the plan's four decimals.
            var threshold = Math.Round(budget / 100 * days * 24 / (longWindow / 60.0), 4);
            var canFire = threshold < MaxBurnRate(availability) && threshold < MaxBurnRate(latency);
            if (!canFire)
            {
                return !result.IsValid && result.Errors.All(error => error.Key.StartsWith("adot-tracing:slo.", StringComparison.Ordinal));
            }

            if (!result.IsValid)
            {
                return false;
            }

            var settings = result.Settings!;
            var monitoring = Infra.Core.Blueprint.StackBlueprint.Create(settings, result.Declaration, Infra.Core.Naming.AwsContext.For(settings.Region, TestStacks.Account)).Monitoring;
            return monitoring.Slos.Count == 2
                && BurnRateAlarms(monitoring).All(pair => pair.Alarm.Threshold < MaxBurnRate(pair.Slo.AttainmentGoal));
        }, iter: 300);
    }
}
