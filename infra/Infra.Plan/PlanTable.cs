using System.Globalization;
using System.Text;
using Infra.Core.Blueprint;
using Infra.Core.Collector;
using Infra.Core.Settings;

namespace Infra.Plan;

/// <summary>The plan as readable text: one section per concept, tables where there are rows.</summary>
public static class PlanTable
{
    public static string Render(StackBlueprint blueprint, IReadOnlyList<string> warnings)
    {
        var text = new StringBuilder();
        var settings = blueprint.Settings;
        text.AppendLine(CultureInfo.InvariantCulture, $"Stack {settings.StackName} ({settings.Environment.Wire()}) in {settings.Region}, account {blueprint.Aws.AccountId}");
        text.AppendLine();

        Section(text, "IAM");
        text.AppendLine(CultureInfo.InvariantCulture, $"mode: {settings.IamMode.Wire()}");
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
            Table(text, ["role / policy", "grants"], iamRows);
        }

        Section(text, "Collector");
        if (blueprint.Collector is { } collector)
        {
            var container = collector.Task.Container;
            Table(text, ["setting", "value"],
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
            text.AppendLine("disabled (collector.enabled: false)");
        }

        Section(text, "Functions");
        Table(text, ["function", "runtime", "tracing", "layer", "wrapper"],
            blueprint.Functions.Select(function => (IReadOnlyList<string>)
            [
                function.FunctionName, $"{function.Runtime} {function.ArchitectureName}", function.TracingMode,
                string.Join(" ", function.Layers), function.Environment["AWS_LAMBDA_EXEC_WRAPPER"],
            ]).ToList());

        Section(text, "API");
        var api = blueprint.Api;
        text.AppendLine(CultureInfo.InvariantCulture, $"{api.Name}, stage {api.StageName}, X-Ray tracing {(api.TracingEnabled ? "on" : "off")}, throttling {api.Throttling.RateLimit}/s burst {api.Throttling.BurstLimit}");
        Table(text, ["method", "path", "target"], api.Routes.Select(route => (IReadOnlyList<string>)[route.Method, route.Path, route.Target]).ToList());

        Section(text, "Queue");
        var queue = blueprint.Queue;
        text.AppendLine(CultureInfo.InvariantCulture, $"{queue.Name} → {queue.DeadLetterName} after {queue.MaxReceiveCount} receives; visibility {queue.VisibilityTimeoutSeconds}s; {blueprint.Chatbot.FunctionName} → {blueprint.Consumer.FunctionName} (batch {queue.BatchSize}, ReportBatchItemFailures)");

        Section(text, "Sampling");
        Table(text, ["rule", "priority", "path", "method", "reservoir/s", "rate", "boost"],
            blueprint.Sampling.Rules.Select(rule => (IReadOnlyList<string>)
            [
                rule.RuleName, Number(rule.Priority), rule.UrlPath, rule.HttpMethod, Number(rule.ReservoirSize), Percent(rule.FixedRate),
                rule.Boost is { } boost ? $"≤{Percent(boost.MaxRate)}, {boost.CooldownWindowMinutes} min" : "",
            ]).ToList());
        text.AppendLine(CultureInfo.InvariantCulture, $"service: {api.XRayServiceName}; group {blueprint.Sampling.Group.Name} (insights {(blueprint.Sampling.Group.InsightsEnabled ? "on" : "off")}); transaction search {(blueprint.Sampling.TransactionSearch.Enabled ? "on" : "off")}");

        Section(text, "Cost (traces recorded)");
        var cost = blueprint.Cost;
        var rows = cost.Routes.Zip(cost.DefaultRuleRoutes).Select(pair => (IReadOnlyList<string>)
        [
            pair.First.Route, Number(pair.First.RequestsPerSecond), pair.First.MatchedRule, Number(pair.First.TracesPerSecond), Number(pair.Second.TracesPerSecond),
        ]).ToList();
        rows.Add(["total", Number(cost.RequestsPerSecond), "", Number(cost.TracesPerSecond), Number(cost.DefaultRule.TracesPerSecond)]);
        rows.Add(["traces/month", "", "", Number(Math.Round(cost.TracesPerMonth)), Number(Math.Round(cost.DefaultRule.TracesPerMonth))]);
        rows.Add(["$/month", "", "", Money(cost.MonthlyUsd), Money(cost.DefaultRule.MonthlyUsd)]);
        Table(text, ["route", "req/s", "rule", "traces/s", "default rule"], rows);

        if (warnings.Count > 0)
        {
            Section(text, "Warnings");
            foreach (var warning in warnings)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"- {warning}");
            }
        }

        return text.ToString();
    }

    private static string ShortArn(string arn) => arn[(arn.LastIndexOf('/') + 1)..];

    private static void Section(StringBuilder text, string title)
    {
        text.AppendLine();
        text.AppendLine(title);
        text.AppendLine(new string('-', title.Length));
    }

    private static void Table(StringBuilder text, IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var widths = headers.Select((header, column) => Math.Max(header.Length, rows.Count == 0 ? 0 : rows.Max(row => row[column].Length))).ToList();
        text.AppendLine(string.Join("  ", headers.Select((header, column) => header.PadRight(widths[column]))).TrimEnd());
        text.AppendLine(string.Join("  ", widths.Select(width => new string('─', width))));
        foreach (var row in rows)
        {
            text.AppendLine(string.Join("  ", row.Select((cell, column) => cell.PadRight(widths[column]))).TrimEnd());
        }
    }

    private static string Number(double value) => value.ToString("#,0.####", CultureInfo.InvariantCulture);

    private static string Percent(double value) => (value * 100).ToString("0.##", CultureInfo.InvariantCulture) + " %";

    private static string Money(double value) => "$" + value.ToString("#,0.00", CultureInfo.InvariantCulture);
}
