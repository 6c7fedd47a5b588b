using Infra.Core.Monitoring;
using Infra.Core.Settings;
using Pulumi;
using CloudWatch = Pulumi.AwsNative.CloudWatch;
using Logs = Pulumi.AwsNative.Logs;
using Signals = Pulumi.AwsNative.ApplicationSignals;
using Sns = Pulumi.AwsNative.Sns;

namespace Infra.Components;

public sealed class StackMonitoringArgs
{
    public required MonitoringSpec Spec { get; init; }

    public required IReadOnlyDictionary<string, string> Tags { get; init; }

    /// <summary>Secret texts (from the stack's secret config): a subscription endpoint holding one (a webhook URL with a
    /// token) is passed as a secret. Default: none.</summary>
    public SecretValues Secrets { get; init; } = SecretValues.None;
}

/// <summary>
/// How a stack is watched: its SNS alert topic with the configured subscriptions, the Application Signals SLOs of its
/// critical routes, the metric filters that derive metrics from its logs, every alarm (actions and OK actions to the
/// topic) and one CloudWatch dashboard. Resources that produce the watched metrics should exist first: give this
/// component a DependsOn on them.
/// </summary>
public sealed class StackMonitoring : ComponentResource
{
    public StackMonitoring(string name, StackMonitoringArgs args, ComponentResourceOptions? options = null)
        : base("adot-tracing:monitoring:StackMonitoring", name, options)
    {
        var child = new CustomResourceOptions { Parent = this };
        var spec = args.Spec;
        var tags = Inputs.Tags(args.Tags);

        var topic = new Sns.Topic($"{name}-alerts", new Sns.TopicArgs
        {
            TopicName = spec.TopicName,
            Subscription = spec.Subscriptions
                .Select(subscription => new Sns.Inputs.TopicSubscriptionArgs { Protocol = subscription.Protocol, Endpoint = Inputs.Text(subscription.Endpoint, args.Secrets) })
                .ToList(),
            Tags = tags,
        }, child);

        var slos = new Dictionary<string, Signals.ServiceLevelObjective>(StringComparer.Ordinal);
        foreach (var slo in spec.Slos)
        {
            slos[slo.Name] = new Signals.ServiceLevelObjective($"{name}-slo-{slo.Key}", Slo(slo, tags), child);
        }

        foreach (var filter in spec.MetricFilters)
        {
            _ = new Logs.MetricFilter($"{name}-{filter.Key}", new Logs.MetricFilterArgs
            {
                FilterName = filter.FilterName,
                LogGroupName = filter.LogGroupName,
                FilterPattern = filter.FilterPattern,
                MetricTransformations =
                {
                    new Logs.Inputs.MetricFilterMetricTransformationArgs
                    {
                        MetricNamespace = filter.MetricNamespace,
                        MetricName = filter.MetricName,
                        MetricValue = filter.MetricValue,
                        Unit = Inputs.Enum<Logs.MetricFilterMetricTransformationUnit>(filter.Unit),
                    },
                },
            }, child);
        }

        var alarmNames = new List<Output<string>>();
        foreach (var alarm in spec.Alarms)
        {
            // A burn-rate alarm watches the metric its SLO publishes: created after the SLO, deleted before it.
            var watched = alarm.Queries
                .SelectMany(query => query.Metric?.Dimensions ?? [])
                .Where(dimension => dimension.Name == "SloName" && slos.ContainsKey(dimension.Value))
                .Select(dimension => (Resource)slos[dimension.Value])
                .Distinct()
                .ToList();
            var alarmOptions = new CustomResourceOptions { Parent = this, DependsOn = watched };
            var resource = new CloudWatch.Alarm($"{name}-{alarm.Key}", Alarm(alarm, topic.TopicArn, tags), alarmOptions);
            alarmNames.Add(resource.AlarmName.Apply(alarmName => alarmName ?? alarm.Name));
        }

        var dashboard = new CloudWatch.Dashboard($"{name}-dashboard", new CloudWatch.DashboardArgs
        {
            DashboardName = spec.Dashboard.Name,
            DashboardBody = spec.Dashboard.Body.ToJsonString(),
            Tags = tags,
        }, child);

        AlertTopicArn = topic.TopicArn;
        AlarmNames = Output.All(alarmNames);
        DashboardName = dashboard.DashboardName.Apply(dashboardName => dashboardName ?? spec.Dashboard.Name);
        DashboardUrl = DashboardName.Apply(_ => spec.Dashboard.Url);
        RegisterOutputs(new Dictionary<string, object?>
        {
            ["alertTopicArn"] = AlertTopicArn,
            ["dashboardName"] = DashboardName,
            ["dashboardUrl"] = DashboardUrl,
        });
    }

    [Output] public Output<string> AlertTopicArn { get; private set; }

    [Output] public Output<System.Collections.Immutable.ImmutableArray<string>> AlarmNames { get; private set; }

    [Output] public Output<string> DashboardName { get; private set; }

    [Output] public Output<string> DashboardUrl { get; private set; }

    private static CloudWatch.AlarmArgs Alarm(AlarmSpec alarm, Output<string> topicArn, InputList<Pulumi.AwsNative.Inputs.TagArgs> tags)
    {
        var args = new CloudWatch.AlarmArgs
        {
            AlarmName = alarm.Name,
            AlarmDescription = alarm.Meaning,
            ActionsEnabled = true,
            AlarmActions = { topicArn },
            OkActions = { topicArn },
            ComparisonOperator = alarm.ComparisonOperator,
            Threshold = alarm.Threshold,
            EvaluationPeriods = alarm.EvaluationPeriods,
            DatapointsToAlarm = alarm.DatapointsToAlarm,
            TreatMissingData = alarm.TreatMissingData,
            Tags = tags,
        };
        if (alarm.Metric is { } metric)
        {
            args.Namespace = metric.Namespace;
            args.MetricName = metric.MetricName;
            args.Dimensions = metric.Dimensions.Select(dimension => new CloudWatch.Inputs.AlarmDimensionArgs { Name = dimension.Name, Value = dimension.Value }).ToList();
            args.Period = metric.PeriodSeconds;
            if (metric.IsPercentile)
            {
                args.ExtendedStatistic = metric.Statistic;
            }
            else
            {
                args.Statistic = metric.Statistic;
            }
        }

        if (alarm.Queries.Count == 0)
        {
            return args;
        }

        args.Metrics = alarm.Queries.Select(AlarmQuery).ToList();
        return args;
    }

    private static CloudWatch.Inputs.AlarmMetricDataQueryArgs AlarmQuery(MetricQuery query)
    {
        var args = new CloudWatch.Inputs.AlarmMetricDataQueryArgs { Id = query.Id, Label = query.Label, ReturnData = query.ReturnData };
        if (query.Expression is { } expression)
        {
            args.Expression = expression;
        }

        if (query.Metric is { } metric)
        {
            args.MetricStat = new CloudWatch.Inputs.AlarmMetricStatArgs
            {
                Metric = new CloudWatch.Inputs.AlarmMetricArgs
                {
                    Namespace = metric.Namespace,
                    MetricName = metric.MetricName,
                    Dimensions = metric.Dimensions.Select(dimension => new CloudWatch.Inputs.AlarmDimensionArgs { Name = dimension.Name, Value = dimension.Value }).ToList(),
                },
                Period = metric.PeriodSeconds,
                Stat = metric.Statistic,
            };
        }

        return args;
    }

    private static Signals.ServiceLevelObjectiveArgs Slo(SloSpec slo, InputList<Pulumi.AwsNative.Inputs.TagArgs> tags)
    {
        var args = new Signals.ServiceLevelObjectiveArgs
        {
            Name = slo.Name,
            Description = slo.Description,
            Goal = new Signals.Inputs.ServiceLevelObjectiveGoalArgs
            {
                AttainmentGoal = slo.AttainmentGoal,
                WarningThreshold = slo.WarningThreshold,
                Interval = new Signals.Inputs.ServiceLevelObjectiveIntervalArgs
                {
                    RollingInterval = new Signals.Inputs.ServiceLevelObjectiveRollingIntervalArgs
                    {
                        Duration = slo.IntervalDuration,
                        DurationUnit = Inputs.Enum<Signals.ServiceLevelObjectiveDurationUnit>(slo.IntervalUnit),
                    },
                },
            },
            BurnRateConfigurations = slo.BurnRateWindowsMinutes
                .Select(minutes => new Signals.Inputs.ServiceLevelObjectiveBurnRateConfigurationArgs { LookBackWindowMinutes = minutes })
                .ToList(),
            Tags = tags,
        };
        if (slo.RequestSli is { } request)
        {
            args.RequestBasedSli = new Signals.Inputs.ServiceLevelObjectiveRequestBasedSliArgs
            {
                RequestBasedSliMetric = new Signals.Inputs.ServiceLevelObjectiveRequestBasedSliMetricArgs
                {
                    TotalRequestCountMetric = { Query("total", request.TotalRequests) },
                    MonitoredRequestCountMetric = new Signals.Inputs.ServiceLevelObjectiveMonitoredRequestCountMetricArgs
                    {
                        BadCountMetric = { Query("bad", request.BadRequests) },
                    },
                },
            };
        }

        if (slo.PeriodSli is { } period)
        {
            args.Sli = new Signals.Inputs.ServiceLevelObjectiveSliArgs
            {
                ComparisonOperator = Inputs.Enum<Signals.ServiceLevelObjectiveSliComparisonOperator>(period.ComparisonOperator),
                MetricThreshold = period.Threshold,
                SliMetric = new Signals.Inputs.ServiceLevelObjectiveSliMetricArgs
                {
                    MetricDataQueries = { Query("sli", period.Metric) },
                    PeriodSeconds = period.PeriodSeconds,
                },
            };
        }

        return args;
    }

    private static Signals.Inputs.ServiceLevelObjectiveMetricDataQueryArgs Query(string id, MetricSpec metric) => new()
    {
        Id = id,
        ReturnData = true,
        MetricStat = new Signals.Inputs.ServiceLevelObjectiveMetricStatArgs
        {
            Metric = new Signals.Inputs.ServiceLevelObjectiveMetricArgs
            {
                Namespace = metric.Namespace,
                MetricName = metric.MetricName,
                Dimensions = metric.Dimensions.Select(dimension => new Signals.Inputs.ServiceLevelObjectiveDimensionArgs { Name = dimension.Name, Value = dimension.Value }).ToList(),
            },
            Period = metric.PeriodSeconds,
            Stat = metric.Statistic,
        },
    };
}
