using System.Globalization;
using Infra.Core.Monitoring;

namespace Infra.Core.Tests.Monitoring;

/// <summary>
/// Every alarm of every environment as docs/operating.md's alarm table promises it (thresholds dev / staging / prod, how many
/// data points of how many periods, and how missing data counts), and the plan's wording of what each alarm watches.
/// The comparison operators and TreatMissingData values are PutMetricAlarm's:
/// https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html
/// </summary>
public class AlarmTableTests
{
    private static readonly Dictionary<string, string> Symbols = new()
    {
        ["GreaterThanThreshold"] = ">",
        ["GreaterThanOrEqualToThreshold"] = "≥",
        ["LessThanThreshold"] = "<",
        ["LessThanOrEqualToThreshold"] = "≤",
    };

    /// <summary>"&gt; 0.05 (3 of 5 × 60s) notBreaching": operator, threshold, datapoints of evaluation periods, period, missing data.</summary>
    private static string Rule(AlarmSpec alarm)
    {
        var period = alarm.Metric?.PeriodSeconds ?? alarm.Queries.Where(query => query.Metric is not null).Select(query => query.Metric!.PeriodSeconds).Distinct().Single();
        return string.Create(CultureInfo.InvariantCulture,
            $"{Symbols[alarm.ComparisonOperator]} {alarm.Threshold} ({alarm.DatapointsToAlarm} of {alarm.EvaluationPeriods} × {period}s) {alarm.TreatMissingData}");
    }

    [Theory]
    [InlineData("dev", "api-5xx", "> 0.05 (3 of 5 × 60s) notBreaching")]
    [InlineData("dev", "api-p99-latency", "> 8000 (3 of 5 × 60s) notBreaching")]
    [InlineData("dev", "chatbot-errors", "≥ 5 (1 of 1 × 300s) notBreaching")]
    [InlineData("dev", "chatbot-throttles", "≥ 5 (1 of 1 × 300s) notBreaching")]
    [InlineData("dev", "chatbot-init-duration", "> 5000 (1 of 1 × 300s) notBreaching")]
    [InlineData("dev", "sqs-consumer-errors", "≥ 5 (1 of 1 × 300s) notBreaching")]
    [InlineData("dev", "sqs-consumer-throttles", "≥ 5 (1 of 1 × 300s) notBreaching")]
    [InlineData("dev", "sqs-consumer-init-duration", "> 5000 (1 of 1 × 300s) notBreaching")]
    [InlineData("dev", "queue-oldest-message-age", "> 1800 (3 of 5 × 60s) notBreaching")]
    [InlineData("dev", "dlq-depth", "≥ 1 (1 of 1 × 60s) notBreaching")]
    [InlineData("dev", "collector-cpu", "> 90 (5 of 5 × 60s) notBreaching")]
    [InlineData("dev", "collector-memory", "> 90 (5 of 5 × 60s) notBreaching")]
    [InlineData("dev", "slo-post-chat-availability-burn-rate", "≥ 3.36 (1 of 1 × 60s) notBreaching")]
    [InlineData("dev", "slo-post-chat-latency-burn-rate", "≥ 3.36 (1 of 1 × 60s) notBreaching")]
    [InlineData("staging", "api-5xx", "> 0.02 (3 of 5 × 60s) notBreaching")]
    [InlineData("staging", "api-p99-latency", "> 5000 (3 of 5 × 60s) notBreaching")]
    [InlineData("staging", "chatbot-errors", "≥ 3 (1 of 1 × 300s) notBreaching")]
    [InlineData("staging", "chatbot-throttles", "≥ 1 (1 of 1 × 300s) notBreaching")]
    [InlineData("staging", "chatbot-init-duration", "> 4000 (1 of 1 × 300s) notBreaching")]
    [InlineData("staging", "queue-oldest-message-age", "> 900 (3 of 5 × 60s) notBreaching")]
    [InlineData("staging", "dlq-depth", "≥ 1 (1 of 1 × 60s) notBreaching")]
    [InlineData("staging", "collector-cpu", "> 85 (5 of 5 × 60s) notBreaching")]
    [InlineData("staging", "collector-memory", "> 85 (5 of 5 × 60s) notBreaching")]
    [InlineData("staging", "slo-post-chat-availability-burn-rate", "≥ 3.36 (1 of 1 × 60s) notBreaching")]
    [InlineData("prod", "api-5xx", "> 0.01 (3 of 5 × 60s) notBreaching")]
    [InlineData("prod", "api-p99-latency", "> 3000 (3 of 5 × 60s) notBreaching")]
    [InlineData("prod", "chatbot-errors", "≥ 1 (1 of 1 × 300s) notBreaching")]
    [InlineData("prod", "chatbot-throttles", "≥ 1 (1 of 1 × 300s) notBreaching")]
    [InlineData("prod", "chatbot-init-duration", "> 3000 (1 of 1 × 300s) notBreaching")]
    [InlineData("prod", "queue-oldest-message-age", "> 300 (3 of 5 × 60s) notBreaching")]
    [InlineData("prod", "dlq-depth", "≥ 1 (1 of 1 × 60s) notBreaching")]
    [InlineData("prod", "collector-cpu", "> 80 (5 of 5 × 60s) notBreaching")]
    [InlineData("prod", "collector-memory", "> 80 (5 of 5 × 60s) notBreaching")]
    [InlineData("prod", "collector-running-tasks", "< 2 (3 of 3 × 60s) breaching")]
    [InlineData("prod", "slo-post-chat-availability-burn-rate", "≥ 14.4 (1 of 1 × 60s) notBreaching")]
    [InlineData("prod", "slo-post-chat-latency-burn-rate", "≥ 14.4 (1 of 1 × 60s) notBreaching")]
    public void EachAlarmFiresAsTheReadmeTableSays(string stack, string key, string rule) =>
        Assert.Equal(rule, Rule(Assert.Single(TestStacks.Blueprint(stack).Monitoring.Alarms, alarm => alarm.Key == key)));

    [Fact]
    public void AlarmsComeInTheOrderOfTheReadmeTableAndNameTheStack()
    {
        var alarms = TestStacks.Blueprint("prod").Monitoring.Alarms;
        Assert.Equal(
            [
                "slo-post-chat-availability-burn-rate", "slo-post-chat-latency-burn-rate", "api-5xx", "api-p99-latency",
                "chatbot-errors", "chatbot-throttles", "chatbot-init-duration",
                "sqs-consumer-errors", "sqs-consumer-throttles", "sqs-consumer-init-duration",
                "queue-oldest-message-age", "dlq-depth", "collector-cpu", "collector-memory", "collector-running-tasks",
            ],
            alarms.Select(alarm => alarm.Key));
        Assert.All(alarms, alarm => Assert.Equal($"adot-tracing-prod-{alarm.Key}", alarm.Name));
    }

    [Theory]
    // The plan's alarm table (docs/operating.md and `scripts/plan prod`).
    [InlineData("slo-post-chat-availability-burn-rate", "AWS/ApplicationSignals BurnRate Maximum (burn rate 60 min, burn rate 5 min): MIN([long, short])")]
    [InlineData("api-5xx", "AWS/ApiGateway 5XXError Average")]
    [InlineData("api-p99-latency", "AWS/ApiGateway Latency p99")]
    [InlineData("chatbot-init-duration", "adot-tracing/prod InitDuration-chatbot Maximum")]
    [InlineData("dlq-depth", "AWS/SQS ApproximateNumberOfMessagesVisible Maximum")]
    public void ThePlanNamesWhatEachAlarmWatches(string key, string watches) =>
        Assert.Equal(watches, Assert.Single(TestStacks.Blueprint("prod").Monitoring.Alarms, alarm => alarm.Key == key).Watches);

    [Fact]
    public void AMetricMathAlarmListsEachMetricOnceAndTheIdsOfWhatItReturns()
    {
        var metric = new MetricSpec("AWS/Lambda", "Errors", [], "Sum", 60);
        var alarm = new AlarmSpec("k", "n", "m", Metric: null,
            [
                new MetricQuery("a", "errors a", metric, null, ReturnData: false),
                new MetricQuery("b", "errors b", metric, null, ReturnData: true),
                new MetricQuery("total", "sum", null, "a + b", ReturnData: true),
                new MetricQuery("unused", "unused", null, "a * 2", ReturnData: false),
            ],
            "GreaterThanThreshold", 1, 1, 1, "notBreaching");
        Assert.Equal("AWS/Lambda Errors Sum (errors a, errors b): b, a + b", alarm.Watches);
    }

    [Theory]
    // PutMetricAlarm: Statistic is SampleCount | Average | Sum | Minimum | Maximum; a percentile (p0.0 to p100) goes in
    // ExtendedStatistic instead.
    [InlineData("p99", true)]
    [InlineData("p50", true)]
    [InlineData("Average", false)]
    [InlineData("SampleCount", false)]
    [InlineData("Maximum", false)]
    public void OnlyPercentilesAreExtendedStatistics(string statistic, bool percentile) =>
        Assert.Equal(percentile, new MetricSpec("AWS/ApiGateway", "Latency", [], statistic, 60).IsPercentile);
}
