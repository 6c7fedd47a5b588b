using System.Globalization;
using Infra.Core.Blueprint;
using Infra.Core.Collector;
using Infra.Core.Settings;
using static System.FormattableString;

namespace Infra.Plan;

/// <summary>The plan for people: one section per concept, tables where there are rows (text or Markdown, see <see cref="PlanPage"/>).</summary>
internal static class PlanTable
{
    public static void Write(StackBlueprint blueprint, IReadOnlyList<string> warnings, PlanPage page)
    {
        var settings = blueprint.Settings;
        page.Title(Invariant($"Stack {settings.StackName} ({settings.Environment.Wire()}) in {settings.Region}, account {blueprint.Aws.AccountId}"));

        page.Heading("IAM");
        page.Line(Invariant($"mode: {settings.IamMode.Wire()}"));
        if (blueprint.CollectorIam is { } iam)
        {
            var iamRows = new List<IReadOnlyList<string>>();
            foreach (var statement in iam.CollectorPolicy.Document.Statements)
            {
                var resources = statement.Resources.Count == 1 ? statement.Resources[0] : $"{statement.Resources.Count} ARNs";
                var condition = statement.Conditions is { Count: > 0 } conditions ? $" if {string.Join(", ", conditions.Select(c => c.Key))}" : "";
                iamRows.Add([iamRows.Count == 0 ? iam.CollectorPolicy.Name : "", $"{string.Join(" ", statement.Actions)} on {resources}{condition}"]);
            }

            iamRows.Add([iam.TaskRole.Name, "the policy above"]);
            iamRows.Add([iam.ExecutionRole.Name, string.Join(", ", iam.ExecutionRole.ManagedPolicyArns.Select(ShortArn).Concat(iam.ExecutionRole.InlinePolicies.Select(policy => $"inline {policy.Name}")))]);
            iamRows.Add([iam.InstanceRole.Name, string.Join(", ", iam.InstanceRole.ManagedPolicyArns.Select(ShortArn))]);
            page.Table(["role / policy", "grants"], iamRows);
        }

        page.Heading("Collector");
        if (blueprint.Collector is { } collector)
        {
            var container = collector.Task.Container;
            page.Table(["setting", "value"],
            [
                ["cluster", collector.ClusterName],
                ["hosts", $"{collector.LaunchTemplate.InstanceType} × {collector.AutoScaling.MinSize}..{collector.AutoScaling.MaxSize} (desired {collector.AutoScaling.DesiredCapacity}), {collector.AutoScaling.VpcId ?? "default VPC"}"],
                ["image", container.Image],
                ["task", $"{collector.Task.Family}: cpu {collector.Task.Cpu}, memory {collector.Task.Memory}, {collector.Task.NetworkMode}"],
                ["ports", string.Join(", ", container.PortMappings.Select(port => $"{port.ContainerPort}/{port.Protocol}"))],
                ["service", $"{collector.Service.SchedulingStrategy.Wire()}{(collector.Service.DesiredCount is { } count ? $" × {count}" : "")}"],
                ["config", collector.Config.Source == CollectorConfigSource.Bundled ? $"bundled {collector.Config.BundledPath}" : $"custom, SSM {collector.Config.ParameterName} → {CollectorBuilder.ConfigContentVariable}"],
                ["logs", $"{collector.LogGroupName} ({collector.LogRetentionDays} days)"],
            ]);
        }
        else
        {
            page.Line("disabled (collector.enabled: false)");
        }

        page.Heading("Functions");
        page.Table(["function", "runtime", "tracing", "layer", "wrapper"],
            blueprint.Functions.Select(function => (IReadOnlyList<string>)
            [
                function.FunctionName, $"{function.Runtime} {function.ArchitectureName}", function.TracingMode,
                string.Join(" ", function.Layers), function.Environment["AWS_LAMBDA_EXEC_WRAPPER"],
            ]).ToList());

        page.Heading("API");
        var api = blueprint.Api;
        page.Line(Invariant($"{api.Name}, stage {api.StageName}, X-Ray tracing {(api.TracingEnabled ? "on" : "off")}, throttling {api.Throttling.RateLimit}/s burst {api.Throttling.BurstLimit}"));
        page.Table(["method", "path", "target"], api.Routes.Select(route => (IReadOnlyList<string>)[route.Method, route.Path, route.Target]).ToList());

        page.Heading("Queue");
        var queue = blueprint.Queue;
        page.Line(Invariant($"{queue.Name} → {queue.DeadLetterName} after {queue.MaxReceiveCount} receives; visibility {queue.VisibilityTimeoutSeconds}s; {blueprint.Chatbot.FunctionName} → {blueprint.Consumer.FunctionName} (batch {queue.BatchSize}, {string.Join(", ", queue.FunctionResponseTypes)})"));

        page.Heading("Sampling");
        page.Table(["rule", "priority", "path", "method", "reservoir/s", "rate", "boost"],
            blueprint.Sampling.Rules.Select(rule => (IReadOnlyList<string>)
            [
                rule.RuleName, Number(rule.Priority), rule.UrlPath, rule.HttpMethod, Number(rule.ReservoirSize), Percent(rule.FixedRate),
                rule.Boost is { } boost ? $"≤{Percent(boost.MaxRate)}, {boost.CooldownWindowMinutes} min" : "",
            ]).ToList());
        page.Line(Invariant($"service: {api.XRayServiceName}; group {blueprint.Sampling.Group.Name} (insights {(blueprint.Sampling.Group.InsightsEnabled ? "on" : "off")}); transaction search {(blueprint.Sampling.TransactionSearch.Enabled ? "on" : "off")}"));

        WriteMonitoring(blueprint, page);

        page.Heading("Cost (traces recorded)");
        var cost = blueprint.Cost;
        var rows = cost.Routes.Zip(cost.DefaultRuleRoutes).Select(pair => (IReadOnlyList<string>)
        [
            pair.First.Route, Number(pair.First.RequestsPerSecond), pair.First.MatchedRule, Number(pair.First.TracesPerSecond), Number(pair.Second.TracesPerSecond),
        ]).ToList();
        rows.Add(["total", Number(cost.RequestsPerSecond), "", Number(cost.TracesPerSecond), Number(cost.DefaultRule.TracesPerSecond)]);
        rows.Add(["traces/month", "", "", Number(Math.Round(cost.TracesPerMonth)), Number(Math.Round(cost.DefaultRule.TracesPerMonth))]);
        rows.Add(["$/month", "", "", Money(cost.MonthlyUsd), Money(cost.DefaultRule.MonthlyUsd)]);
        page.Table(["route", "req/s", "rule", "traces/s", "default rule"], rows);

        if (warnings.Count > 0)
        {
            page.Heading("Warnings");
            page.Bullets(warnings);
        }
    }

    private static void WriteMonitoring(StackBlueprint blueprint, PlanPage page)
    {
        var monitoring = blueprint.Monitoring;
        page.Heading("Monitoring");
        var subscribers = monitoring.Subscriptions.Count == 0
            ? "no subscriptions (alarms notify nobody)"
            : string.Join(", ", monitoring.Subscriptions.Select(subscription => $"{subscription.Protocol}:{subscription.Endpoint}"));
        page.Line(Invariant($"alerts: SNS topic {monitoring.TopicName}, {subscribers}"));
        page.Line(Invariant($"dashboard: {monitoring.Dashboard.Name} {monitoring.Dashboard.Url}"));
        if (monitoring.Slos.Count > 0)
        {
            page.Table(["SLO", "route", "SLI", "goal", "interval", "burn-rate windows"],
                monitoring.Slos.Select(slo => (IReadOnlyList<string>)
                [
                    slo.Name, slo.Route,
                    slo.RequestSli is { } request
                        ? $"requests without {request.BadRequests.MetricName} / {request.TotalRequests.MetricName}"
                        : $"{slo.PeriodSli!.Metric.MetricName} {slo.PeriodSli.Metric.Statistic} {Comparison(slo.PeriodSli.ComparisonOperator)} {Number(slo.PeriodSli.Threshold)} ms per {slo.PeriodSli.PeriodSeconds}s",
                    Number(slo.AttainmentGoal) + " %", Invariant($"{slo.IntervalDuration} {slo.IntervalUnit.ToLowerInvariant()}s rolling"),
                    string.Join(", ", slo.BurnRateWindowsMinutes.Select(minutes => $"{minutes} min")),
                ]).ToList());
        }
        else
        {
            page.Line($"no SLOs: {monitoring.SloNote}");
        }

        page.Table(["alarm", "metric", "threshold"],
            monitoring.Alarms.Select(alarm => (IReadOnlyList<string>)
            [
                alarm.Name, alarm.Watches,
                Invariant($"{Comparison(alarm.ComparisonOperator)} {Number(alarm.Threshold)} ({alarm.DatapointsToAlarm} of {alarm.EvaluationPeriods} × {alarm.Metric?.PeriodSeconds ?? alarm.Queries.Max(query => query.Metric?.PeriodSeconds ?? 0)}s)"),
            ]).ToList());
    }

    private static string Comparison(string comparisonOperator) => comparisonOperator switch
    {
        "GreaterThanThreshold" or "GreaterThan" => ">",
        "GreaterThanOrEqualToThreshold" or "GreaterThanOrEqualTo" => "≥",
        "LessThanThreshold" or "LessThan" => "<",
        "LessThanOrEqualToThreshold" or "LessThanOrEqualTo" => "≤",
        _ => comparisonOperator,
    };

    private static string ShortArn(string arn) => arn[(arn.LastIndexOf('/') + 1)..];

    private static string Number(double value) => value.ToString("#,0.####", CultureInfo.InvariantCulture);

    private static string Percent(double value) => (value * 100).ToString("0.##", CultureInfo.InvariantCulture) + " %";

    private static string Money(double value) => "$" + value.ToString("#,0.00", CultureInfo.InvariantCulture);
}
