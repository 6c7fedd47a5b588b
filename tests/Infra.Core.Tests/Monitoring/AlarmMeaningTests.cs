using Infra.Core.Monitoring;

namespace Infra.Core.Tests.Monitoring;

/// <summary>
/// The words an alarm is sent with (its AlarmDescription) and an SLO's description are what the person paged reads
/// first: each says what went wrong, by how much, over which window, and where to look (docs/operating.md, "Alarms": what
/// each means"). Checked whole for prod, and where the environment changes them.
/// </summary>
public class AlarmMeaningTests
{
    private static string Meaning(MonitoringSpec monitoring, string key) => Assert.Single(monitoring.Alarms, alarm => alarm.Key == key).Meaning;

    [Theory]
    [InlineData("slo-post-chat-availability-burn-rate",
        "SLO adot-tracing-prod-post-chat-availability (POST /chat) is burning its error budget: over both the last 60 and 5 minutes, at 14.4x or more the rate "
        + "that would use exactly the whole budget, so 2% of the 30-day budget is gone within 60 minutes. "
        + "The route answers with 5XX errors: check the API 5XX and function error alarms and the traces of failing requests.")]
    [InlineData("slo-post-chat-latency-burn-rate",
        "SLO adot-tracing-prod-post-chat-latency (POST /chat) is burning its error budget: over both the last 60 and 5 minutes, at 14.4x or more the rate "
        + "that would use exactly the whole budget, so 2% of the 30-day budget is gone within 60 minutes. "
        + "The route is slow: check the p99 latency alarm, cold starts (init duration) and the traces of slow requests.")]
    [InlineData("api-5xx",
        "More than 1% of the requests to adot-tracing-prod-api/prod got a 5XX answer in 3 of the last 5 minutes: the API or a function behind it fails. "
        + "Check the function error alarms, then the API's access log and the traces with faults.")]
    [InlineData("api-p99-latency",
        "The slowest 1% of requests to adot-tracing-prod-api/prod took longer than 3000 ms in 3 of the last 5 minutes. "
        + "Check the functions' duration and init duration, and the slow traces in X-Ray.")]
    [InlineData("chatbot-errors",
        "adot-tracing-prod-chatbot failed 1 or more invocations in 5 minutes (the handler raised, timed out or ran out of memory). "
        + "Read its log group for the errors and open the traces with faults.")]
    [InlineData("sqs-consumer-throttles",
        "Lambda refused 1 or more invocations of adot-tracing-prod-sqs-consumer in 5 minutes for lack of concurrency. "
        + "Check the account's concurrency quota and the functions using it; callers see 5XX (API) or retries (queue).")]
    [InlineData("chatbot-init-duration",
        "A cold start of adot-tracing-prod-chatbot spent more than 3000 ms in its INIT phase (5 minutes, longest). "
        + "INIT is billed and delays the first request: check the layer's instrumentation and what the handler imports.")]
    [InlineData("queue-oldest-message-age",
        "A message has waited more than 300 s in adot-tracing-prod-questions: the consumer is failing, throttled or too slow. "
        + "Check the consumer's error and throttle alarms.")]
    [InlineData("dlq-depth",
        "1 or more messages are in the dead-letter queue adot-tracing-prod-questions-dlq: the consumer failed them 5 times. "
        + "Read the consumer's log for why, fix it, then redrive the messages to the queue.")]
    [InlineData("collector-cpu",
        "The collector tasks used more than 80% of their CPU for 5 of the last 5 minutes: spans may queue up or be dropped. Raise collector.cpu or add hosts.")]
    [InlineData("collector-memory",
        "The collector tasks used more than 80% of their memory for 5 of the last 5 minutes: a task near its limit is killed and restarted. Raise collector.memory.")]
    [InlineData("collector-running-tasks",
        "Fewer than 2 collector tasks ran for 3 minutes: traces sent to the missing collectors are lost. "
        + "Check the service's events and stopped tasks (failed health check, no capacity, bad config). No data counts as none running.")]
    public void EachProdAlarmSaysWhatItMeansAndWhereToLook(string key, string meaning) =>
        Assert.Equal(meaning, Meaning(TestStacks.Blueprint("prod").Monitoring, key));

    [Fact]
    public void TheWordsFollowTheEnvironmentsThresholds()
    {
        var staging = TestStacks.Blueprint("staging").Monitoring;
        Assert.StartsWith("More than 2% of the requests to adot-tracing-staging-api/staging got a 5XX answer", Meaning(staging, "api-5xx"), StringComparison.Ordinal);
        Assert.Contains("at 3.36x or more the rate that would use exactly the whole budget, so 2% of the 7-day budget is gone within 60 minutes.",
            Meaning(staging, "slo-post-chat-availability-burn-rate"), StringComparison.Ordinal);
    }

    [Fact]
    public void BurnRateQueriesAreLabelledWithTheirWindows()
    {
        var alarm = Assert.Single(TestStacks.Blueprint("prod").Monitoring.Alarms, alarm => alarm.Key == "slo-post-chat-latency-burn-rate");
        Assert.Equal(
            [("long", "burn rate 60 min", false, null), ("short", "burn rate 5 min", false, null), ("burn", "burn rate, both windows", true, "MIN([long, short])")],
            alarm.Queries.Select(query => (query.Id, query.Label, query.ReturnData, query.Expression)));
        Assert.Equal(["60", "5"], alarm.Queries.Take(2).Select(query => query.Metric!.Dimensions[1].Value));
        Assert.All(alarm.Queries.Take(2), query => Assert.Equal(("Maximum", 60), (query.Metric!.Statistic, query.Metric.PeriodSeconds)));
    }

    [Fact]
    public void SlosDescribeTheirPromiseAndPublishBurnRatesForBothWindowsShortestFirst()
    {
        var slos = TestStacks.Blueprint("prod").Monitoring.Slos;
        Assert.Equal(
            [
                ("post-chat-availability", "adot-tracing-prod-post-chat-availability", "POST /chat: 99.9% of requests answered without a 5XX over 30 rolling days"),
                ("post-chat-latency", "adot-tracing-prod-post-chat-latency", "POST /chat: p99 latency at most 3000 ms in 99% of minutes over 30 rolling days"),
            ],
            slos.Select(slo => (slo.Key, slo.Name, slo.Description)));
        Assert.All(slos, slo =>
        {
            Assert.Equal([5, 60], slo.BurnRateWindowsMinutes);
            // docs/operating.md: WARNING when less than 30 % of the budget is left in prod.
            Assert.Equal(30, slo.WarningThreshold);
            Assert.Equal(("POST", "/chat"), (slo.Method, slo.Path));
        });
        Assert.Null(TestStacks.Blueprint("prod").Monitoring.SloNote);
    }

    [Fact]
    public void WithoutSlosThePlanSaysWhy()
    {
        Assert.Equal("no API route matches sampling.criticalPaths.",
            TestStacks.Blueprint("dev", ("sampling", """{"criticalPaths":["/nothing*"]}""")).Monitoring.SloNote);
        Assert.Equal("Application Signals SLOs exist in the aws and aws-us-gov partitions only; cn-north-1 is in aws-cn.",
            TestStacks.Blueprint("dev", ("aws:region", "cn-north-1"), ("aws-native:region", "cn-north-1"), ("lambda", """{"flavor":"distro"}""")).Monitoring.SloNote);
    }

    [Fact]
    public void AGovCloudStackHasSlos()
    {
        // The SLO ARN pattern has the aws-us-gov partition (API_ServiceLevelObjective); only aws-cn goes without.
        var blueprint = TestStacks.Blueprint("dev");
        var monitoring = MonitoringBuilder.Build(blueprint.Settings, blueprint.Names, Infra.Core.Naming.AwsContext.For("us-gov-west-1", TestStacks.Account),
            blueprint.Api, blueprint.Functions, blueprint.Queues, blueprint.Collector);
        Assert.Equal(2, monitoring.Slos.Count);
        Assert.Null(monitoring.SloNote);
    }

    [Fact]
    public void EachFunctionsInitDurationFilterIsNamedForTheStackAndPublishesToItsNamespace()
    {
        var monitoring = TestStacks.Blueprint("prod").Monitoring;
        Assert.Equal(
            [
                ("chatbot-init-duration", "adot-tracing-prod-chatbot-init-duration", "/aws/lambda/adot-tracing-prod-chatbot", "adot-tracing/prod", "InitDuration-chatbot"),
                ("sqs-consumer-init-duration", "adot-tracing-prod-sqs-consumer-init-duration", "/aws/lambda/adot-tracing-prod-sqs-consumer", "adot-tracing/prod", "InitDuration-sqs-consumer"),
            ],
            monitoring.MetricFilters.Select(filter => (filter.Key, filter.FilterName, filter.LogGroupName, filter.MetricNamespace, filter.MetricName)));
        Assert.Equal(("adot-tracing-prod-alerts", "adot-tracing-prod"), (monitoring.TopicName, monitoring.Dashboard.Name));
    }
}
