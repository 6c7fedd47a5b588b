using System.Text.Json;
using Infra.Core.Monitoring;
using Infra.Core.Naming;

namespace Infra.Core.Tests.Monitoring;

/// <summary>
/// The dashboard body field by field, parsed from the text CloudWatch receives. Dashboard body structure
/// (https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/CloudWatch-Dashboard-Body-Structure.html):
/// widgets sit on a grid 24 columns wide; an alarm status widget ("type": "alarm") lists up to 100 alarm ARNs in
/// "alarms"; a metric widget ("type": "metric") has "view" (timeSeries), "region", "period", "metrics" and
/// "annotations" ({"horizontal": [{"label", "value"}]}); a row of "metrics" is [Namespace, MetricName, dimension
/// names and values..., {rendering properties: "stat", "id", "label"}] or [{"expression", "id", "label"}].
/// </summary>
public class DashboardLayoutTests
{
    private static readonly AwsContext Aws = AwsContext.For("eu-west-1", "123456789012");

    private static AlarmSpec MetricAlarm(int index, int period = 60) => new(
        $"alarm-{index}", $"stack-alarm-{index}", "meaning",
        new MetricSpec("AWS/SQS", "ApproximateAgeOfOldestMessage", [new("QueueName", "q")], "Maximum", period), [],
        "GreaterThanThreshold", 300, 5, 3, "notBreaching");

    private static JsonElement Body(IReadOnlyList<AlarmSpec> alarms) =>
        JsonDocument.Parse(DashboardBody.Build(alarms, Aws).ToJsonString()).RootElement;

    private static List<JsonElement> Widgets(JsonElement body) => body.GetProperty("widgets").EnumerateArray().ToList();

    private static (int X, int Y, int Width, int Height) Box(JsonElement widget) =>
        (widget.GetProperty("x").GetInt32(), widget.GetProperty("y").GetInt32(), widget.GetProperty("width").GetInt32(), widget.GetProperty("height").GetInt32());

    [Fact]
    public void MoreThanOneHundredAlarmsGetASecondStatusWidgetBelowTheFirst()
    {
        var alarms = Enumerable.Range(1, 101).Select(index => MetricAlarm(index)).ToList();
        var widgets = Widgets(Body(alarms));
        Assert.Equal(2 + 101, widgets.Count);

        var (first, second) = (widgets[0], widgets[1]);
        Assert.Equal(("alarm", "alarm"), (first.GetProperty("type").GetString(), second.GetProperty("type").GetString()));
        Assert.Equal((0, 0, 24, 6), Box(first));
        Assert.Equal((0, 6, 24, 6), Box(second));
        Assert.Equal("Alarms", first.GetProperty("properties").GetProperty("title").GetString());
        var firstArns = first.GetProperty("properties").GetProperty("alarms").EnumerateArray().Select(arn => arn.GetString()).ToList();
        Assert.Equal(100, firstArns.Count);
        Assert.Equal("arn:aws:cloudwatch:eu-west-1:123456789012:alarm:stack-alarm-1", firstArns[0]);
        Assert.Equal(["arn:aws:cloudwatch:eu-west-1:123456789012:alarm:stack-alarm-101"],
            second.GetProperty("properties").GetProperty("alarms").EnumerateArray().Select(arn => arn.GetString()));

        // Metric widgets start below the status widgets, two to a row of the 24-column grid.
        Assert.Equal((0, 12, 12, 6), Box(widgets[2]));
        Assert.Equal((12, 12, 12, 6), Box(widgets[3]));
        Assert.Equal((0, 18, 12, 6), Box(widgets[4]));
        Assert.Equal((0, 12 + 50 * 6, 12, 6), Box(widgets[^1]));
    }

    [Fact]
    public void AMetricWidgetShowsTheAlarmsMetricStatisticPeriodAndThreshold()
    {
        var widget = Widgets(Body([MetricAlarm(1, period: 300)]))[1];
        Assert.Equal("metric", widget.GetProperty("type").GetString());
        Assert.Equal((0, 6, 12, 6), Box(widget));
        var properties = widget.GetProperty("properties");
        Assert.Equal("alarm-1", properties.GetProperty("title").GetString());
        Assert.Equal("timeSeries", properties.GetProperty("view").GetString());
        Assert.Equal("eu-west-1", properties.GetProperty("region").GetString());
        Assert.Equal(300, properties.GetProperty("period").GetInt32());
        Assert.Equal(
            """[["AWS/SQS","ApproximateAgeOfOldestMessage","QueueName","q",{"stat":"Maximum"}]]""",
            properties.GetProperty("metrics").GetRawText());
        Assert.Equal("""{"horizontal":[{"label":"alarm threshold","value":300}]}""", properties.GetProperty("annotations").GetRawText());
    }

    [Fact]
    public void AMetricMathWidgetPlotsEachQueryWithItsIdAndLabelOverTheLongestPeriod()
    {
        var alarm = new AlarmSpec("burn", "stack-burn", "meaning", Metric: null,
            [
                new MetricQuery("long", "burn rate 60 min", new MetricSpec("AWS/ApplicationSignals", "BurnRate", [new("SloName", "s"), new("BurnRateWindowMinutes", "60")], "Maximum", 60), null, ReturnData: false),
                new MetricQuery("short", "burn rate 5 min", new MetricSpec("AWS/ApplicationSignals", "BurnRate", [new("SloName", "s")], "Average", 300), null, ReturnData: false),
                new MetricQuery("burn", "both windows", null, "MIN([long, short])", ReturnData: true),
            ],
            "GreaterThanOrEqualToThreshold", 14.4, 1, 1, "notBreaching");
        var properties = Widgets(Body([alarm]))[1].GetProperty("properties");
        Assert.Equal(300, properties.GetProperty("period").GetInt32());
        Assert.Equal(
            """[["AWS/ApplicationSignals","BurnRate","SloName","s","BurnRateWindowMinutes","60",{"id":"long","label":"burn rate 60 min","stat":"Maximum"}],"""
            + """["AWS/ApplicationSignals","BurnRate","SloName","s",{"id":"short","label":"burn rate 5 min","stat":"Average"}],"""
            + """[{"expression":"MIN([long, short])","id":"burn","label":"both windows"}]]""",
            properties.GetProperty("metrics").GetRawText());
        Assert.Equal(14.4, properties.GetProperty("annotations").GetProperty("horizontal")[0].GetProperty("value").GetDouble());
    }

    [Fact]
    public void NoAlarmsMeansNoWidgets() => Assert.Equal("""{"widgets":[]}""", DashboardBody.Build([], Aws).ToJsonString());
}
