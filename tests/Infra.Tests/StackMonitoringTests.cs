using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using Infra.Components;
using Infra.Core.Monitoring;
using Pulumi.Utilities;

namespace Infra.Tests;

/// <summary>StackMonitoring alone: the topic, every alarm wired to it, the SLOs, metric filters and the dashboard, as the spec says.</summary>
[Collection(PulumiCollection.Name)]
public class StackMonitoringTests
{
    private const string TopicArn = $"arn:aws:sns:{StackMocks.Region}:{StackMocks.Account}:adot-tracing-prod-alerts";

    private static MonitoringSpec Spec(string stack = "prod", params (string Key, string Value)[] config) => Blueprints.For(stack, StackMocks.Region, config).Monitoring;

    private static Task<ComponentRun<StackMonitoring>> Run(MonitoringSpec spec) =>
        ComponentRun<StackMonitoring>.RunAsync(options => new StackMonitoring("monitoring", new StackMonitoringArgs
        {
            Spec = spec,
            Tags = new Dictionary<string, string> { ["stack"] = "test" },
        }, options));

    private static Registered AlarmNamed(ComponentRun<StackMonitoring> run, string name) =>
        Assert.Single(run.Mocks.OfType("aws-native:cloudwatch:Alarm"), alarm => alarm.String("alarmName") == name);

    private static ImmutableDictionary<string, object> Map(object value) => Assert.IsAssignableFrom<ImmutableDictionary<string, object>>(value);

    private static IReadOnlyList<object> List(object value) => Assert.IsType<ImmutableArray<object>>(value);

    [Fact]
    public async Task TheTopicCarriesTheConfiguredSubscriptions()
    {
        var spec = Spec("prod", ("alerts", """{"subscriptions":[{"protocol":"email","endpoint":"oncall@example.com"},{"protocol":"https","endpoint":"https://hooks.example.com/x"}]}"""));
        var run = await Run(spec);
        var topic = run.Mocks.Single("aws-native:sns:Topic");
        Assert.Equal("adot-tracing-prod-alerts", topic.String("topicName"));
        var subscriptions = topic.List("subscription").Select(Map).Select(item => ((string)item["protocol"], (string)item["endpoint"]));
        Assert.Equal([("email", "oncall@example.com"), ("https", "https://hooks.example.com/x")], subscriptions);
        Assert.Equal(TopicArn, await OutputUtilities.GetValueAsync(run.Component.AlertTopicArn));
    }

    [Fact]
    public async Task EveryAlarmNotifiesTheTopicWhenItFiresAndWhenItClears()
    {
        var spec = Spec();
        var run = await Run(spec);
        var alarms = run.Mocks.OfType("aws-native:cloudwatch:Alarm");
        Assert.Equal(spec.Alarms.Select(alarm => alarm.Name).Order(), alarms.Select(alarm => alarm.String("alarmName")!).Order());
        Assert.All(alarms, alarm =>
        {
            Assert.Equal([TopicArn], alarm.Strings("alarmActions"));
            Assert.Equal([TopicArn], alarm.Strings("okActions"));
            Assert.Equal(true, alarm.Input("actionsEnabled"));
        });
    }

    [Fact]
    public async Task ASingleMetricAlarmCarriesEveryFieldOfItsSpec()
    {
        var spec = Spec();
        var alarm = spec.Alarms.Single(alarm => alarm.Key == "queue-oldest-message-age");
        var registered = AlarmNamed(await Run(spec), alarm.Name);
        Assert.Equal("AWS/SQS", registered.String("namespace"));
        Assert.Equal("ApproximateAgeOfOldestMessage", registered.String("metricName"));
        Assert.Equal("Maximum", registered.String("statistic"));
        Assert.Null(registered.Input("extendedStatistic"));
        Assert.Equal(60.0, registered.Input("period"));
        Assert.Equal(alarm.Threshold, registered.Input("threshold"));
        Assert.Equal((double)alarm.EvaluationPeriods, registered.Input("evaluationPeriods"));
        Assert.Equal((double)alarm.DatapointsToAlarm, registered.Input("datapointsToAlarm"));
        Assert.Equal("GreaterThanThreshold", registered.String("comparisonOperator"));
        Assert.Equal("notBreaching", registered.String("treatMissingData"));
        Assert.Equal(alarm.Meaning, registered.String("alarmDescription"));
        var dimension = Map(Assert.Single(registered.List("dimensions")));
        Assert.Equal(("QueueName", "adot-tracing-prod-questions"), ((string)dimension["name"], (string)dimension["value"]));
        Assert.Null(registered.Input("metrics"));
    }

    [Fact]
    public async Task APercentileGoesInTheExtendedStatistic()
    {
        // PutMetricAlarm takes Statistic (SampleCount, Average, Sum, Minimum, Maximum) or ExtendedStatistic (p0.0 to p100).
        // https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html
        var spec = Spec();
        var registered = AlarmNamed(await Run(spec), spec.Alarms.Single(alarm => alarm.Key == "api-p99-latency").Name);
        Assert.Equal("p99", registered.String("extendedStatistic"));
        Assert.Null(registered.Input("statistic"));
    }

    [Fact]
    public async Task ABurnRateAlarmIsMetricMathOverItsSlosBurnRatesAndFollowsItsSlo()
    {
        var spec = Spec();
        var alarm = spec.Alarms.First(alarm => alarm.Key.EndsWith("-burn-rate", StringComparison.Ordinal));
        var run = await Run(spec);
        var registered = AlarmNamed(run, alarm.Name);
        Assert.Null(registered.Input("metricName"));
        var queries = registered.List("metrics").Select(Map).ToList();
        Assert.Equal(alarm.Queries.Select(query => query.Id), queries.Select(query => (string)query["id"]));
        var expression = Assert.Single(queries, query => query.ContainsKey("expression"));
        Assert.Equal(true, expression["returnData"]);
        var stats = queries.Where(query => query.ContainsKey("metricStat")).Select(query => Map(query["metricStat"])).ToList();
        Assert.Equal(2, stats.Count);
        Assert.All(stats, stat =>
        {
            var metric = Map(stat["metric"]);
            Assert.Equal(("AWS/ApplicationSignals", "BurnRate"), ((string)metric["namespace"], (string)metric["metricName"]));
            Assert.Equal("Maximum", stat["stat"]);
        });

        var slo = spec.Slos.Single(slo => alarm.Key == $"slo-{slo.Key}-burn-rate");
        var dependsOn = await ComponentRun<StackMonitoring>.DependsOnAsync(run.Child<Pulumi.AwsNative.CloudWatch.Alarm>(alarm.Key));
        Assert.Equal([$"monitoring-slo-{slo.Key}"], dependsOn.Select(resource => resource.GetResourceName()));
    }

    [Fact]
    public async Task TheAvailabilitySloIsRequestBasedOnCountAndFiveXx()
    {
        var spec = Spec();
        var slo = spec.Slos.Single(slo => slo.Kind == SloKind.Availability);
        var run = await Run(spec);
        var registered = Assert.Single(run.Mocks.OfType("aws-native:applicationsignals:ServiceLevelObjective"), resource => resource.String("name") == slo.Name);
        Assert.Null(registered.Input("sli"));
        var metric = Map(registered.Object("requestBasedSli")["requestBasedSliMetric"]);
        var total = Map(Map(Map(Assert.Single(List(metric["totalRequestCountMetric"])))["metricStat"])["metric"]);
        var bad = Map(Map(Map(Assert.Single(List(Map(metric["monitoredRequestCountMetric"])["badCountMetric"])))["metricStat"])["metric"]);
        Assert.Equal(("AWS/ApiGateway", "Count"), ((string)total["namespace"], (string)total["metricName"]));
        Assert.Equal(("AWS/ApiGateway", "5XXError"), ((string)bad["namespace"], (string)bad["metricName"]));
        Assert.Equal(4, List(bad["dimensions"]).Count);

        var goal = registered.Object("goal");
        Assert.Equal(slo.AttainmentGoal, goal["attainmentGoal"]);
        Assert.Equal(slo.WarningThreshold, goal["warningThreshold"]);
        var rolling = Map(Map(goal["interval"])["rollingInterval"]);
        Assert.Equal(((double)slo.IntervalDuration, "DAY"), ((double)rolling["duration"], (string)rolling["durationUnit"]));
        Assert.Equal(slo.BurnRateWindowsMinutes.Select(minutes => (double)minutes),
            registered.List("burnRateConfigurations").Select(Map).Select(configuration => (double)configuration["lookBackWindowMinutes"]));
    }

    [Fact]
    public async Task TheLatencySloIsPeriodBasedOnTheP99()
    {
        var spec = Spec();
        var slo = spec.Slos.Single(slo => slo.Kind == SloKind.Latency);
        var run = await Run(spec);
        var registered = Assert.Single(run.Mocks.OfType("aws-native:applicationsignals:ServiceLevelObjective"), resource => resource.String("name") == slo.Name);
        Assert.Null(registered.Input("requestBasedSli"));
        var sli = registered.Object("sli");
        Assert.Equal("LessThanOrEqualTo", sli["comparisonOperator"]);
        Assert.Equal(slo.PeriodSli!.Threshold, sli["metricThreshold"]);
        var sliMetric = Map(sli["sliMetric"]);
        Assert.Equal(60.0, sliMetric["periodSeconds"]);
        var stat = Map(Map(Assert.Single(List(sliMetric["metricDataQueries"])))["metricStat"]);
        Assert.Equal(("p99", 60.0), ((string)stat["stat"], (double)stat["period"]));
        Assert.Equal("Latency", Map(stat["metric"])["metricName"]);
    }

    [Fact]
    public async Task EachMetricFilterReadsItsLogGroupIntoItsMetric()
    {
        var spec = Spec();
        var run = await Run(spec);
        var filters = run.Mocks.OfType("aws-native:logs:MetricFilter");
        Assert.Equal(spec.MetricFilters.Count, filters.Count);
        foreach (var filter in spec.MetricFilters)
        {
            var registered = Assert.Single(filters, candidate => candidate.String("filterName") == filter.FilterName);
            Assert.Equal(filter.LogGroupName, registered.String("logGroupName"));
            Assert.Equal(filter.FilterPattern, registered.String("filterPattern"));
            var transformation = Map(Assert.Single(registered.List("metricTransformations")));
            Assert.Equal(filter.MetricNamespace, transformation["metricNamespace"]);
            Assert.Equal(filter.MetricName, transformation["metricName"]);
            Assert.Equal(filter.MetricValue, transformation["metricValue"]);
            Assert.Equal("Milliseconds", transformation["unit"]);
        }
    }

    [Fact]
    public async Task TheDashboardBodyIsTheSpecsJsonAndItsUrlAnOutput()
    {
        var spec = Spec();
        var run = await Run(spec);
        var dashboard = run.Mocks.Single("aws-native:cloudwatch:Dashboard");
        Assert.Equal("adot-tracing-prod", dashboard.String("dashboardName"));
        var body = JsonNode.Parse(dashboard.String("dashboardBody")!)!;
        Assert.True(JsonNode.DeepEquals(spec.Dashboard.Body, body));
        Assert.Equal(spec.Dashboard.Url, await OutputUtilities.GetValueAsync(run.Component.DashboardUrl));
        Assert.Contains(run.Mocks.OutputsRegistered, urn => urn.EndsWith("StackMonitoring::monitoring", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ASpecWithoutSlosRegistersNoneAndNoBurnRateAlarm()
    {
        var spec = Spec("dev", ("sampling", """{"criticalPaths":["/nothing*"]}"""));
        var run = await Run(spec);
        Assert.Empty(run.Mocks.OfType("aws-native:applicationsignals:ServiceLevelObjective"));
        Assert.Equal(spec.Alarms.Count, run.Mocks.OfType("aws-native:cloudwatch:Alarm").Count);
        Assert.DoesNotContain(run.Mocks.OfType("aws-native:cloudwatch:Alarm"), alarm => alarm.Input("metrics") is not null);
    }
}
