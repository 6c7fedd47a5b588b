using System.Text.Json;
using System.Text.Json.Nodes;
using Infra.Core.Monitoring;

namespace Infra.Core.Tests.Monitoring;

/// <summary>
/// The dashboard body, parsed as CloudWatch reads it
/// (https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/CloudWatch-Dashboard-Body-Structure.html):
/// a widgets array; each widget has a type (metric, alarm, ...), x and y on a grid 24 columns wide, width and height,
/// and properties. A metric widget lists metrics as [Namespace, MetricName, DimensionName, DimensionValue, ...,
/// {rendering properties}] or [{expression, id, label}]; an alarm status widget lists alarm ARNs (at most 100).
/// </summary>
public class DashboardTests
{
    private static (MonitoringSpec Monitoring, JsonElement Body) Dashboard(string stack = "prod")
    {
        var monitoring = TestStacks.Blueprint(stack).Monitoring;
        // Parse the text CloudWatch receives, not the object tree.
        return (monitoring, JsonDocument.Parse(monitoring.Dashboard.Body.ToJsonString()).RootElement);
    }

    [Fact]
    public void TheAlarmStatusWidgetListsTheArnOfEveryAlarm()
    {
        var (monitoring, body) = Dashboard();
        var widget = Assert.Single(body.GetProperty("widgets").EnumerateArray(), widget => widget.GetProperty("type").GetString() == "alarm");
        var arns = widget.GetProperty("properties").GetProperty("alarms").EnumerateArray().Select(arn => arn.GetString()).ToList();
        // arn:${Partition}:cloudwatch:${Region}:${Account}:alarm:${AlarmName}
        // https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazoncloudwatch.html
        Assert.Equal(monitoring.Alarms.Select(alarm => $"arn:aws:cloudwatch:us-west-2:{TestStacks.Account}:alarm:{alarm.Name}"), arns);
        Assert.InRange(arns.Count, 1, 100);
    }

    [Fact]
    public void EachAlarmHasAMetricWidgetShowingItsMetricAndThreshold()
    {
        var (monitoring, body) = Dashboard();
        var metricWidgets = body.GetProperty("widgets").EnumerateArray().Where(widget => widget.GetProperty("type").GetString() == "metric").ToList();
        Assert.Equal(monitoring.Alarms.Count, metricWidgets.Count);
        foreach (var alarm in monitoring.Alarms.Where(alarm => alarm.Metric is not null))
        {
            var metric = alarm.Metric!;
            var expected = new List<string> { metric.Namespace, metric.MetricName };
            expected.AddRange(metric.Dimensions.SelectMany(dimension => new[] { dimension.Name, dimension.Value }));
            var widget = Assert.Single(metricWidgets, widget => widget.GetProperty("properties").GetProperty("title").GetString() == alarm.Key);
            var properties = widget.GetProperty("properties");
            var row = Assert.Single(properties.GetProperty("metrics").EnumerateArray().ToList());
            var items = row.EnumerateArray().ToList();
            Assert.Equal(expected, items.Take(items.Count - 1).Select(item => item.GetString()));
            Assert.Equal(metric.Statistic, items[^1].GetProperty("stat").GetString());
            Assert.Equal("us-west-2", properties.GetProperty("region").GetString());
            Assert.Equal(alarm.Threshold, properties.GetProperty("annotations").GetProperty("horizontal")[0].GetProperty("value").GetDouble());
        }
    }

    [Fact]
    public void ABurnRateWidgetPlotsTheExpressionItsAlarmEvaluates()
    {
        var (monitoring, body) = Dashboard();
        var alarm = monitoring.Alarms.First(alarm => alarm.Key.EndsWith("-burn-rate", StringComparison.Ordinal));
        var widget = body.GetProperty("widgets").EnumerateArray().Single(widget =>
            widget.GetProperty("type").GetString() == "metric" && widget.GetProperty("properties").GetProperty("title").GetString() == alarm.Key);
        var rows = widget.GetProperty("properties").GetProperty("metrics").EnumerateArray().ToList();
        Assert.Equal(3, rows.Count);
        var expression = rows.Single(row => row[0].ValueKind == JsonValueKind.Object);
        Assert.Equal(alarm.Queries.Single(query => query.ReturnData).Expression, expression[0].GetProperty("expression").GetString());
        Assert.All(rows.Where(row => row[0].ValueKind == JsonValueKind.String), row =>
        {
            Assert.Equal("AWS/ApplicationSignals", row[0].GetString());
            Assert.Equal("BurnRate", row[1].GetString());
        });
    }

    [Fact]
    public void WidgetsStayOnTheGridAndNeverOverlap()
    {
        var (_, body) = Dashboard();
        var boxes = body.GetProperty("widgets").EnumerateArray()
            .Select(widget => (X: widget.GetProperty("x").GetInt32(), Y: widget.GetProperty("y").GetInt32(), W: widget.GetProperty("width").GetInt32(), H: widget.GetProperty("height").GetInt32()))
            .ToList();
        Assert.True(boxes.Count > 10);
        Assert.All(boxes, box => Assert.True(box.X >= 0 && box.W >= 1 && box.X + box.W <= 24 && box.Y >= 0 && box.H >= 1, box.ToString()));
        for (var i = 0; i < boxes.Count; i++)
        {
            for (var j = i + 1; j < boxes.Count; j++)
            {
                var (a, b) = (boxes[i], boxes[j]);
                var overlap = a.X < b.X + b.W && b.X < a.X + a.W && a.Y < b.Y + b.H && b.Y < a.Y + a.H;
                Assert.False(overlap, $"widgets {i} and {j} overlap");
            }
        }
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("a-twenty-char-stack1")]
    public void TheDashboardNameIsOneCloudWatchAccepts(string stack)
    {
        // DashboardName: up to 255 characters; letters, digits, "-" and "_".
        // https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutDashboard.html
        var name = TestStacks.Blueprint(stack, ("environment", "dev")).Monitoring.Dashboard.Name;
        Assert.Matches("^[A-Za-z0-9_-]{1,255}$", name);
        Assert.Contains(stack, name, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("us-west-2", "https://console.aws.amazon.com/cloudwatch/home?region=us-west-2#dashboards/dashboard/adot-tracing-dev")]
    [InlineData("cn-north-1", "https://console.amazonaws.cn/cloudwatch/home?region=cn-north-1#dashboards/dashboard/adot-tracing-dev")]
    [InlineData("us-gov-west-1", "https://console.amazonaws-us-gov.com/cloudwatch/home?region=us-gov-west-1#dashboards/dashboard/adot-tracing-dev")]
    public void TheDashboardUrlOpensTheConsoleOfThePartition(string region, string url) =>
        // Console hosts: console.aws.amazon.com; console.amazonaws.cn in China
        // (https://docs.amazonaws.cn/en_us/apigateway/latest/developerguide/metrics_dimensions_view_in_cloud_watch.html);
        // console.amazonaws-us-gov.com in AWS GovCloud (US) (https://docs.aws.amazon.com/govcloud-us/latest/UserGuide/getting-started-sign-in.html).
        Assert.Equal(url, Infra.Core.Naming.AwsContext.For(region).DashboardUrl("adot-tracing-dev"));

    [Fact]
    public void AChinaStacksDashboardOpensInTheChinaConsole()
    {
        var blueprint = TestStacks.Blueprint("dev", ("aws:region", "cn-north-1"), ("aws-native:region", "cn-north-1"), ("lambda", """{"flavor":"distro"}"""));
        Assert.StartsWith("https://console.amazonaws.cn/cloudwatch/home?region=cn-north-1#", blueprint.Monitoring.Dashboard.Url, StringComparison.Ordinal);
    }
}
