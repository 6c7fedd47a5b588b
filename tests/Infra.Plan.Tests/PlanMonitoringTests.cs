using System.Text.Json.Nodes;

namespace Infra.Plan.Tests;

/// <summary>The plan's Monitoring section and the monitoring key of scripts/plan --json.</summary>
public sealed class PlanMonitoringTests
{
    private static JsonNode Json(string stack)
    {
        var (code, stdout, stderr) = Plan.Committed(stack, "--json");
        Assert.True(code == PlanCommand.Ok, stderr);
        return JsonNode.Parse(stdout)!["monitoring"]!;
    }

    private static string Table(string stack)
    {
        var (code, stdout, stderr) = Plan.Committed(stack);
        Assert.True(code == PlanCommand.Ok, stderr);
        return stdout;
    }

    [Theory]
    // Burn rate = error rate / (1 - goal) (https://docs.aws.amazon.com/applicationsignals/latest/APIReference/API_BurnRateConfiguration.html),
    // so at most 1 / (1 - goal): dev's 90 % latency goal allows 10, and its alarm at 2 % of the 7-day budget in an hour
    // (0.02 × 168, https://sre.google/workbook/alerting-on-slos/) is 3.36.
    [InlineData("dev", "adot-tracing-dev-post-chat-latency", "≥ 3.36 (max 10)")]
    [InlineData("dev", "adot-tracing-dev-post-chat-availability", "≥ 3.36 (max 20)")]
    [InlineData("prod", "adot-tracing-prod-post-chat-latency", "≥ 14.4 (max 100)")]
    public void EachSloShowsWhereItsAlarmFiresAndTheHighestBurnRateItsGoalAllows(string stack, string slo, string alarmAt)
    {
        var line = Assert.Single(Table(stack).Split('\n'), line => line.Contains($" {slo} ", StringComparison.Ordinal));
        Assert.Contains($" {alarmAt} ", line, StringComparison.Ordinal);
    }

    [Fact]
    public void TheTableListsEveryAlarmWithItsMetricAndThreshold()
    {
        var alarms = Json("prod")["alarms"]!.AsArray();
        var lines = Table("prod").Split('\n');
        Assert.True(alarms.Count >= 15);
        foreach (var alarm in alarms)
        {
            Assert.Single(lines, line => line.Contains($" {(string)alarm!["name"]!} ", StringComparison.Ordinal));
        }

        // Alarms on one metric name it in the table; the burn-rate alarms (metric math) are checked below.
        var onOneMetric = alarms.Where(alarm => alarm!["metric"] is JsonObject).ToList();
        Assert.True(onOneMetric.Count >= 13);
        foreach (var alarm in onOneMetric)
        {
            var metric = alarm!["metric"]!;
            var line = Assert.Single(lines, line => line.Contains($" {(string)alarm["name"]!} ", StringComparison.Ordinal));
            Assert.Contains($"{metric["namespace"]} {metric["metricName"]}", line, StringComparison.Ordinal);
        }

        var fiveXx = Assert.Single(lines, line => line.Contains(" adot-tracing-prod-api-5xx ", StringComparison.Ordinal));
        Assert.Contains("> 0.01", fiveXx, StringComparison.Ordinal);
        Assert.Contains(lines, line => line.Contains(" adot-tracing-prod-slo-post-chat-availability-burn-rate ", StringComparison.Ordinal)
            && line.Contains("AWS/ApplicationSignals BurnRate", StringComparison.Ordinal) && line.Contains("≥ 14.4", StringComparison.Ordinal));
    }

    [Fact]
    public void TheTableListsTheSlosAndTheDashboard()
    {
        var table = Table("prod");
        Assert.Contains("Monitoring\n", table, StringComparison.Ordinal);
        Assert.Contains(table.Split('\n'), line => line.Contains("adot-tracing-prod-post-chat-availability", StringComparison.Ordinal) && line.Contains("99.9 %", StringComparison.Ordinal));
        Assert.Contains(table.Split('\n'), line => line.Contains("adot-tracing-prod-post-chat-latency", StringComparison.Ordinal) && line.Contains("Latency p99", StringComparison.Ordinal));
        Assert.Contains("dashboard: adot-tracing-prod https://console.aws.amazon.com/cloudwatch/home?region=us-west-2#dashboards/dashboard/adot-tracing-prod", table, StringComparison.Ordinal);
        Assert.Contains("alerts: SNS topic adot-tracing-prod-alerts, no subscriptions", table, StringComparison.Ordinal);
    }

    [Fact]
    public void MarkdownHasAMonitoringSection()
    {
        var (code, stdout, stderr) = Plan.Committed("dev", "--format", "markdown");
        Assert.True(code == PlanCommand.Ok, stderr);
        Assert.Contains("\n### Monitoring\n", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void TheJsonHoldsTheDashboardBodyCloudWatchReceives()
    {
        var dashboard = Json("staging")["dashboard"]!;
        Assert.Equal("adot-tracing-staging", (string)dashboard["name"]!);
        Assert.NotEmpty(dashboard["body"]!["widgets"]!.AsArray());
    }

    [Fact]
    public void ProdWithoutSubscriptionsPlansWithAWarning()
    {
        var (code, stdout, _) = Plan.Committed("prod", "--json");
        Assert.Equal(PlanCommand.Ok, code);
        var warnings = JsonNode.Parse(stdout)!["warnings"]!.AsArray().Select(warning => (string)warning!).ToList();
        Assert.Contains(warnings, warning => warning.StartsWith("adot-tracing:alerts.subscriptions", StringComparison.Ordinal));
    }
}
