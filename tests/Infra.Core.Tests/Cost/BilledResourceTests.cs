using System.Reflection;
using Infra.Core.Blueprint;
using Infra.Core.Cost;
using Infra.Core.Settings;

namespace Infra.Core.Tests.Cost;

/// <summary>
/// Every spec the blueprint holds is either counted by a cost line or named here as free, with why. A spec added to the
/// blueprint (a new billed resource) fails <see cref="EverySpecTheBlueprintHoldsIsPricedOrNamedFree"/> until it is classified,
/// so no billed resource can go unpriced unnoticed. Prices: https://aws.amazon.com/cloudwatch/pricing/,
/// https://aws.amazon.com/xray/pricing/, https://aws.amazon.com/ec2/pricing/on-demand/, https://aws.amazon.com/ebs/pricing/.
/// </summary>
public class BilledResourceTests
{
    /// <summary>Spec type → the cost lines that count it, or "free: why".</summary>
    private static readonly IReadOnlyDictionary<string, string> Classified = new Dictionary<string, string>
    {
        ["StackSettings"] = "free: the settings the blueprint was built from",
        ["StackNames"] = "free: names",
        ["AppDeclaration"] = "free: what the app declared; its functions, queues and tables are priced through their specs",
        ["AwsContext"] = "free: account and Region",
        ["CollectorIamSpec"] = "free: IAM roles and policies cost nothing",
        ["RoleSpec"] = "free: IAM",
        ["PolicyDocument"] = "free: IAM",
        ["CollectorSpec"] = "collector.hosts, collector.root-volumes, logs (collector group), cloudwatch.custom-metrics and logs (Container Insights)",
        ["FunctionSpec"] = "logs (function groups); application-signals; Lambda's own compute is the application's, not observability",
        ["TableSpec"] = "free here: the app's tables are the application's, not observability",
        ["QueueSpec"] = "free here: the queue, its dead-letter queue and table are the application's, not observability",
        ["ApiSpec"] = "logs.ingestion-ia / logs.ingestion (access log), cloudwatch.custom-metrics (detailed metrics), xray.traces-recorded (stage tracing)",
        ["SamplingSpec"] = "xray.traces-recorded, xray.insights (group), transaction-search.*",
        ["ApplicationSignalsSpec"] = "application-signals (the functions' signals); discovery itself is free",
        ["CostEstimate"] = "free: an estimate",
        ["MonthlyCost"] = "free: an estimate",
        ["MonitoringSpec"] = "cloudwatch.alarms, cloudwatch.dashboards, application-signals.slos, cloudwatch.custom-metrics (metric filters); the SNS topic's notifications are the account's",
    };

    private static IEnumerable<Type> BlueprintSpecs() =>
        typeof(StackBlueprint).GetConstructors().Single().GetParameters().Select(parameter => parameter.ParameterType)
            .Select(type => type.IsGenericType ? type.GetGenericArguments().Last() : type)
            .Select(type => Nullable.GetUnderlyingType(type) ?? type)
            .Where(type => type.Namespace?.StartsWith("Infra.Core", StringComparison.Ordinal) == true)
            .Distinct();

    [Fact]
    public void EverySpecTheBlueprintHoldsIsPricedOrNamedFree() =>
        Assert.All(BlueprintSpecs(), type => Assert.True(Classified.ContainsKey(type.Name), $"{type.Name} is in the blueprint but neither priced nor named free"));

    [Fact]
    public void EveryLineTheClassificationNamesExists()
    {
        var keys = TestStacks.Blueprint("prod").MonthlyCost.Stack.Lines.Select(line => line.Key).ToHashSet();
        foreach (var key in new[] { "collector.hosts", "collector.root-volumes", "cloudwatch.custom-metrics", "logs.ingestion", "logs.ingestion-ia", "application-signals", "application-signals.slos", "xray.traces-recorded", "xray.insights", "cloudwatch.alarms", "cloudwatch.dashboards" })
        {
            Assert.Contains(key, keys);
        }
    }

    [Fact]
    public void EveryLogGroupTheStackCreatesIsPriced()
    {
        var blueprint = TestStacks.Blueprint("prod");
        var priced = blueprint.MonthlyCost.Stack.Lines.Single(line => line.Key == "logs.storage").Basis;
        var groups = blueprint.Functions.Select(function => function.LogGroupName).Append(blueprint.Api.AccessLogs.LogGroupName).Append(blueprint.Collector!.LogGroupName);
        Assert.All(groups, group => Assert.Contains(group + ":", priced));
    }

    [Fact]
    public void EveryAlarmMetricAndEveryMetricFilterIsCounted()
    {
        // prod's alarms: each single-metric alarm one alarm metric, each burn-rate alarm its two BurnRate metrics.
        var blueprint = TestStacks.Blueprint("prod");
        var expected = blueprint.Monitoring.Alarms.Sum(alarm => alarm.Metric is null ? 2 : 1);
        Assert.Equal(expected, blueprint.MonthlyCost.Stack.Lines.Single(line => line.Key == "cloudwatch.alarms").Quantity);
        Assert.Contains($"log metric filters: {blueprint.Monitoring.MetricFilters.Count}", blueprint.MonthlyCost.Stack.Lines.Single(line => line.Key == "cloudwatch.custom-metrics").Basis);
    }

    [Fact]
    public void NoGroupAMetricFilterReadsIsInfrequentAccess()
    {
        // Infrequent Access supports no metric filters or subscription filters:
        // https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/CloudWatch_Logs_Log_Classes.html
        foreach (var stack in new[] { "dev", "staging", "prod" })
        {
            var blueprint = TestStacks.Blueprint(stack);
            var filtered = blueprint.Monitoring.MetricFilters.Select(filter => filter.LogGroupName).ToHashSet();
            Assert.False(blueprint.Api.AccessLogs.LogGroupClass == LogGroupClass.InfrequentAccess && filtered.Contains(blueprint.Api.AccessLogs.LogGroupName), stack);
        }
    }
}

/// <summary>Application Signals for the functions is on in an environment's preset exactly where an SLO or alarm reads it.</summary>
public class ApplicationSignalsPresetTests
{
    [Theory]
    [InlineData("dev")]
    [InlineData("staging")]
    [InlineData("prod")]
    public void ThePresetTurnsItOnOnlyWhereAnSloOrAlarmReadsTheFunctionsSignals(string stack)
    {
        // An alarm reading AWS/ApplicationSignals metrics other than an SLO's own BurnRate, or an SLO on them, needs the
        // functions to report. https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch-ServiceLevelObjectives.html
        var blueprint = TestStacks.Blueprint(stack);
        var metrics = blueprint.Monitoring.Alarms
            .SelectMany(alarm => alarm.Queries.Select(query => query.Metric).Append(alarm.Metric))
            .Concat(blueprint.Monitoring.Slos.SelectMany(slo => new[] { slo.RequestSli?.TotalRequests, slo.RequestSli?.BadRequests, slo.PeriodSli?.Metric }))
            .OfType<Infra.Core.Monitoring.MetricSpec>();
        var needed = metrics.Any(metric => metric.Namespace == "AWS/ApplicationSignals" && metric.MetricName != "BurnRate");
        Assert.Equal(needed, blueprint.Settings.ApplicationSignals.Enabled);
    }
}
