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

        var profile = ProfileSpec.Of(settings);
        page.Heading("Profile");
        page.Line(Invariant($"{profile.Name.Wire()}{(profile.Overrides.Count == 0 ? "" : $", with the stack file's {string.Join(", ", profile.Overrides)}")}"));

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

        var signals = blueprint.ApplicationSignals;
        var reporting = signals.FunctionsEnabled ? $"on for {string.Join(", ", signals.Services)}" : "off";
        page.Line(Invariant($"Application Signals: {reporting}; account discovery {(signals.Discovery ? "owned by this stack" : "not in this stack")}"));

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

    private static string ShortArn(string arn) => arn[(arn.LastIndexOf('/') + 1)..];

    private static string Number(double value) => value.ToString("#,0.####", CultureInfo.InvariantCulture);

    private static string Percent(double value) => (value * 100).ToString("0.##", CultureInfo.InvariantCulture) + " %";

    private static string Money(double value) => "$" + value.ToString("#,0.00", CultureInfo.InvariantCulture);
}
