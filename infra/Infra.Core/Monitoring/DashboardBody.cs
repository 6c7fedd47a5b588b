using System.Text.Json.Nodes;
using Infra.Core.Naming;

namespace Infra.Core.Monitoring;

/// <summary>
/// The dashboard body in CloudWatch's dashboard body structure
/// (https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/CloudWatch-Dashboard-Body-Structure.html):
/// an alarm status widget across the top, then one metric widget per alarm, two to a row of the 24-column grid. A
/// metric-math alarm's widget shows each metric it reads next to the expression it evaluates.
/// </summary>
internal static class DashboardBody
{
    public const int GridWidth = 24;
    public const int WidgetWidth = 12;
    public const int WidgetHeight = 6;

    /// <summary>An alarm status widget lists at most 100 alarms.</summary>
    public const int AlarmsPerStatusWidget = 100;

    public static JsonObject Build(IReadOnlyList<AlarmSpec> alarms, AwsContext aws)
    {
        var widgets = new JsonArray();
        var y = 0;
        foreach (var chunk in alarms.Chunk(AlarmsPerStatusWidget))
        {
            widgets.Add(new JsonObject
            {
                ["type"] = "alarm",
                ["x"] = 0,
                ["y"] = y,
                ["width"] = GridWidth,
                ["height"] = WidgetHeight,
                ["properties"] = new JsonObject
                {
                    ["title"] = "Alarms",
                    ["alarms"] = new JsonArray(chunk.Select(alarm => (JsonNode)JsonValue.Create(aws.AlarmArn(alarm.Name))).ToArray()),
                },
            });
            y += WidgetHeight;
        }

        for (var i = 0; i < alarms.Count; i++)
        {
            widgets.Add(MetricWidget(alarms[i], aws, x: i % 2 * WidgetWidth, y: y + i / 2 * WidgetHeight));
        }

        return new JsonObject { ["widgets"] = widgets };
    }

    private static JsonObject MetricWidget(AlarmSpec alarm, AwsContext aws, int x, int y)
    {
        var metrics = new JsonArray();
        var period = alarm.Metric?.PeriodSeconds ?? alarm.Queries.Select(query => query.Metric?.PeriodSeconds ?? 0).Max();
        if (alarm.Metric is { } metric)
        {
            metrics.Add(MetricRow(metric, new JsonObject { ["stat"] = metric.Statistic }));
        }

        foreach (var query in alarm.Queries)
        {
            metrics.Add(query.Metric is { } queried
                ? MetricRow(queried, new JsonObject { ["id"] = query.Id, ["label"] = query.Label, ["stat"] = queried.Statistic })
                : new JsonArray(new JsonObject { ["expression"] = query.Expression, ["id"] = query.Id, ["label"] = query.Label }));
        }

        return new JsonObject
        {
            ["type"] = "metric",
            ["x"] = x,
            ["y"] = y,
            ["width"] = WidgetWidth,
            ["height"] = WidgetHeight,
            ["properties"] = new JsonObject
            {
                ["title"] = alarm.Key,
                ["view"] = "timeSeries",
                ["region"] = aws.Region,
                ["period"] = period,
                ["metrics"] = metrics,
                ["annotations"] = new JsonObject
                {
                    ["horizontal"] = new JsonArray(new JsonObject { ["label"] = "alarm threshold", ["value"] = alarm.Threshold }),
                },
            },
        };
    }

    /// <summary>[Namespace, MetricName, dimension name, dimension value, ..., rendering properties].</summary>
    private static JsonArray MetricRow(MetricSpec metric, JsonObject options)
    {
        var row = new JsonArray(metric.Namespace, metric.MetricName);
        foreach (var dimension in metric.Dimensions)
        {
            row.Add(dimension.Name);
            row.Add(dimension.Value);
        }

        row.Add(options);
        return row;
    }
}
