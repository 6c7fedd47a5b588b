using System.Text.Json.Nodes;
using Infra.Core.Monitoring;

namespace Infra.Core.Tests.Monitoring;

/// <summary>
/// Every alarm watches the metric the service documents, with its documented dimensions:
/// API Gateway: https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-metrics-and-dimensions.html
/// Lambda (AWS/Lambda, FunctionName): https://docs.aws.amazon.com/lambda/latest/dg/monitoring-metrics-types.html
/// SQS (AWS/SQS, QueueName): https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-available-cloudwatch-metrics.html
/// ECS (AWS/ECS, ClusterName + ServiceName): https://docs.aws.amazon.com/AmazonECS/latest/developerguide/available-metrics.html
/// Container Insights (ECS/ContainerInsights, RunningTaskCount): https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Container-Insights-metrics-ECS.html
/// </summary>
public class AlarmTests
{
    private static AlarmSpec Alarm(MonitoringSpec monitoring, string key) => Assert.Single(monitoring.Alarms, alarm => alarm.Key == key);

    /// <summary>Namespace, metric, statistic and "Name=Value" dimensions in order.</summary>
    private static (string Namespace, string Name, string Statistic, string Dimensions) Watched(AlarmSpec alarm)
    {
        var metric = Assert.IsType<MetricSpec>(alarm.Metric);
        return (metric.Namespace, metric.MetricName, metric.Statistic, string.Join(" ", metric.Dimensions.Select(dimension => $"{dimension.Name}={dimension.Value}")));
    }

    [Fact]
    public void ApiFiveXxAlarmWatchesTheStagesErrorRate()
    {
        var alarm = Alarm(TestStacks.Blueprint("dev").Monitoring, "api-5xx");
        // The Average of 5XXError is the 5XX rate (errors / requests).
        Assert.Equal(("AWS/ApiGateway", "5XXError", "Average", "ApiName=adot-tracing-dev-api Stage=dev"), Watched(alarm));
        Assert.InRange(alarm.Threshold, 0, 1);
    }

    [Fact]
    public void ApiLatencyAlarmWatchesTheStagesP99()
    {
        var alarm = Alarm(TestStacks.Blueprint("prod").Monitoring, "api-p99-latency");
        Assert.Equal(("AWS/ApiGateway", "Latency", "p99", "ApiName=adot-tracing-prod-api Stage=prod"), Watched(alarm));
        Assert.True(alarm.Metric!.IsPercentile);
    }

    [Theory]
    [InlineData("chatbot")]
    [InlineData("sqs-consumer")]
    public void EachFunctionHasErrorAndThrottleAlarms(string function)
    {
        var monitoring = TestStacks.Blueprint("dev").Monitoring;
        var dimensions = $"FunctionName=adot-tracing-dev-{function}";
        Assert.Equal(("AWS/Lambda", "Errors", "Sum", dimensions), Watched(Alarm(monitoring, $"{function}-errors")));
        Assert.Equal(("AWS/Lambda", "Throttles", "Sum", dimensions), Watched(Alarm(monitoring, $"{function}-throttles")));
    }

    [Fact]
    public void QueueAlarmsWatchTheOldestMessageOfTheQueueAndTheDepthOfTheDeadLetterQueue()
    {
        var monitoring = TestStacks.Blueprint("prod").Monitoring;
        Assert.Equal(("AWS/SQS", "ApproximateAgeOfOldestMessage", "Maximum", "QueueName=adot-tracing-prod-questions"),
            Watched(Alarm(monitoring, "queue-oldest-message-age")));
        var dlq = Alarm(monitoring, "dlq-depth");
        Assert.Equal(("AWS/SQS", "ApproximateNumberOfMessagesVisible", "Maximum", "QueueName=adot-tracing-prod-questions-dlq"), Watched(dlq));
        // One message in the dead-letter queue is already worth a look.
        Assert.Equal(("GreaterThanOrEqualToThreshold", 1.0), (dlq.ComparisonOperator, dlq.Threshold));
    }

    [Fact]
    public void CollectorAlarmsWatchItsServiceCpuMemoryAndRunningTasks()
    {
        var monitoring = TestStacks.Blueprint("prod").Monitoring;
        const string service = "ClusterName=adot-tracing-prod-collector ServiceName=adot-tracing-prod-collector";
        Assert.Equal(("AWS/ECS", "CPUUtilization", "Average", service), Watched(Alarm(monitoring, "collector-cpu")));
        Assert.Equal(("AWS/ECS", "MemoryUtilization", "Average", service), Watched(Alarm(monitoring, "collector-memory")));
        var tasks = Alarm(monitoring, "collector-running-tasks");
        Assert.Equal(("ECS/ContainerInsights", "RunningTaskCount", "Minimum", service), Watched(tasks));
        // prod's daemon runs one task on each of its at least two hosts.
        Assert.Equal(("LessThanThreshold", 2.0, "breaching"), (tasks.ComparisonOperator, tasks.Threshold, tasks.TreatMissingData));
    }

    [Fact]
    public void AReplicaCollectorExpectsItsDesiredCount()
    {
        var monitoring = TestStacks.Blueprint("dev", ("collector", """{"schedulingStrategy":"REPLICA","desiredCount":3,"maxSize":3}""")).Monitoring;
        Assert.Equal(3.0, Alarm(monitoring, "collector-running-tasks").Threshold);
    }

    [Fact]
    public void WithoutACollectorThereAreNoCollectorAlarms()
    {
        var monitoring = TestStacks.Blueprint("dev", ("collector", """{"enabled":false}""")).Monitoring;
        Assert.DoesNotContain(monitoring.Alarms, alarm => alarm.Key.StartsWith("collector-", StringComparison.Ordinal));
        Assert.Contains(monitoring.Alarms, alarm => alarm.Key == "api-5xx");
    }

    [Fact]
    public void ProdAlarmsSoonerThanDev()
    {
        var dev = TestStacks.Blueprint("dev").Monitoring;
        var prod = TestStacks.Blueprint("prod").Monitoring;
        foreach (var key in new[] { "api-5xx", "api-p99-latency", "chatbot-errors", "queue-oldest-message-age", "collector-cpu" })
        {
            Assert.True(Alarm(prod, key).Threshold < Alarm(dev, key).Threshold, key);
        }
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("staging")]
    [InlineData("prod")]
    public void AlarmsFitPutMetricAlarmsLimits(string stack)
    {
        // AlarmName 1-255 characters, AlarmDescription 0-1024, DatapointsToAlarm ≤ EvaluationPeriods, and the
        // comparison operators and TreatMissingData values PutMetricAlarm accepts.
        // https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html
        string[] operators = ["GreaterThanOrEqualToThreshold", "GreaterThanThreshold", "LessThanThreshold", "LessThanOrEqualToThreshold"];
        string[] missing = ["breaching", "notBreaching", "ignore", "missing"];
        var alarms = TestStacks.Blueprint(stack).Monitoring.Alarms;
        Assert.True(alarms.Count >= 13, $"{alarms.Count} alarms");
        Assert.Equal(alarms.Count, alarms.Select(alarm => alarm.Name).Distinct().Count());
        Assert.All(alarms, alarm =>
        {
            Assert.InRange(alarm.Name.Length, 1, 255);
            Assert.InRange(alarm.Meaning.Length, 1, 1024);
            Assert.InRange(alarm.DatapointsToAlarm, 1, alarm.EvaluationPeriods);
            Assert.Contains(alarm.ComparisonOperator, operators);
            Assert.Contains(alarm.TreatMissingData, missing);
            Assert.True(alarm.Metric is null != (alarm.Queries.Count == 0), $"{alarm.Key}: a metric or queries, not both");
        });
    }
}

/// <summary>
/// Lambda publishes no INIT duration metric; the stack derives one from each function's platform.report log record
/// (JSON log format): https://docs.aws.amazon.com/lambda/latest/dg/telemetry-schema-reference.html
/// </summary>
public class InitDurationTests
{
    /// <summary>A platform.report event of a cold start, in the shape the telemetry schema reference documents.</summary>
    private const string ColdStartReport = """
        {
          "time": "2022-10-12T00:01:15.000Z",
          "type": "platform.report",
          "record": {
            "requestId": "6d68ca91-49c9-448d-89b8-7ca3e6dc66aa",
            "metrics": {
              "durationMs": 1234.5,
              "billedDurationMs": 1235,
              "memorySizeMB": 512,
              "maxMemoryUsedMB": 97,
              "initDurationMs": 1022.3
            },
            "status": "success"
          }
        }
        """;

    [Theory]
    [InlineData("chatbot")]
    [InlineData("sqs-consumer")]
    public void EachFunctionsLogGroupFeedsAnInitDurationMetricItsAlarmWatches(string function)
    {
        var blueprint = TestStacks.Blueprint("dev");
        var spec = blueprint.Functions.Single(candidate => candidate.Key == function);
        var filter = Assert.Single(blueprint.Monitoring.MetricFilters, filter => filter.LogGroupName == spec.LogGroupName);

        // The filter reads JSON fields, so the function must log in the JSON format.
        Assert.Equal("JSON", spec.LogFormat);
        var alarm = Assert.Single(blueprint.Monitoring.Alarms, alarm => alarm.Key == $"{function}-init-duration");
        Assert.Equal((filter.MetricNamespace, filter.MetricName), (alarm.Metric!.Namespace, alarm.Metric.MetricName));
        Assert.Equal("Milliseconds", filter.Unit);
    }

    [Fact]
    public void TheMetricValueIsTheReportsInitDuration()
    {
        var filter = TestStacks.Blueprint("dev").Monitoring.MetricFilters[0];
        // Metric filter syntax: a JSON selector starts with $. and names fields with dots.
        // https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/FilterAndPatternSyntax.html
        Assert.Equal(1022.3, Select(JsonNode.Parse(ColdStartReport)!, filter.MetricValue)!.GetValue<double>());
        Assert.Contains("$.type = \"platform.report\"", filter.FilterPattern, StringComparison.Ordinal);
        Assert.Contains($"{filter.MetricValue} > 0", filter.FilterPattern, StringComparison.Ordinal);
        Assert.Equal("platform.report", Select(JsonNode.Parse(ColdStartReport)!, "$.type")!.GetValue<string>());
    }

    [Fact]
    public void MetricFilterNamesAndNamespacesStayWithinCloudWatchLimits()
    {
        // filterName 1-512 characters; a metric namespace 1-255 and a metric name 1-255.
        // https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutMetricFilter.html
        var filters = TestStacks.Blueprint("a-twenty-char-stack1", ("environment", "prod")).Monitoring.MetricFilters;
        Assert.Equal(2, filters.Count);
        Assert.All(filters, filter =>
        {
            Assert.InRange(filter.FilterName.Length, 1, 512);
            Assert.InRange(filter.MetricNamespace.Length, 1, 255);
            Assert.InRange(filter.MetricName.Length, 1, 255);
        });
        Assert.Equal(2, filters.Select(filter => filter.MetricName).Distinct().Count());
    }

    private static JsonNode? Select(JsonNode root, string selector)
    {
        Assert.StartsWith("$.", selector, StringComparison.Ordinal);
        var node = root;
        foreach (var part in selector[2..].Split('.'))
        {
            node = node?[part];
        }

        return node;
    }
}
