using System.Globalization;
using Infra.Core.Blueprint;
using Infra.Core.Collector;
using Infra.Core.Cost;
using Infra.Core.Settings;
using static System.FormattableString;

namespace Infra.Plan;

/// <summary>The plan for people: one section per concept, tables where there are rows (text or Markdown, see <see cref="PlanPage"/>).</summary>
internal static class PlanTable
{
    public static void Write(StackBlueprint blueprint, IReadOnlyList<string> warnings, PlanPage page, FoundationView? foundation = null)
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
                ["host scaling", collector.AutoScaling.Scaling],
                ["image", container.Image],
                ["task", $"{collector.Task.Family}: cpu {collector.Task.Cpu}, memory {collector.Task.Memory}, {collector.Task.NetworkMode}"],
                ["ports", string.Join(", ", container.PortMappings.Select(port => $"{port.ContainerPort}/{port.Protocol}"))],
                ["service", $"{collector.Service.SchedulingStrategy.Wire()}{(collector.Service.DesiredCount is { } count ? $" × {count}" : "")}"],
                ["config", collector.Config.Source == CollectorConfigSource.Bundled ? $"bundled {collector.Config.BundledPath}" : $"custom, SSM {collector.Config.ParameterName} → {CollectorBuilder.ConfigContentVariable}"],
                ["trace export", TraceExportLine(collector.TraceExport)],
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
        foreach (var function in blueprint.Functions)
        {
            if (function.Instrumentation is { } instrumentation)
            {
                page.Line(Invariant($"{function.FunctionName} auto-instruments {string.Join(", ", instrumentation.Loaded)}; {instrumentation.Disabled.Count} other instrumentations off (OTEL_PYTHON_DISABLED_INSTRUMENTATIONS)"));
            }
        }

        // The logging presets the monthly cost rests on, one line per function.
        foreach (var function in blueprint.Functions)
        {
            page.Line(Invariant($"{function.FunctionName} logs: {function.LogGroupName} ({function.LogRetentionDays} days), {function.LogFormat}, application level {function.ApplicationLogLevel}, system level {function.SystemLogLevel}"));
        }

        var signals = blueprint.ApplicationSignals;
        var reporting = signals.FunctionsEnabled ? $"on for {string.Join(", ", signals.Services)}" : "off";
        page.Line(Invariant($"Application Signals: {reporting}; account discovery {(signals.Discovery ? "owned by this stack" : "not in this stack")}"));

        page.Heading("API");
        var api = blueprint.Api;
        page.Line(Invariant($"{api.Name}, stage {api.StageName}, X-Ray tracing {(api.TracingEnabled ? "on" : "off")}, throttling {api.Throttling.RateLimit}/s burst {api.Throttling.BurstLimit}"));
        page.Table(["method", "path", "target"], api.Routes.Select(route => (IReadOnlyList<string>)[route.Method, route.Path, route.Target]).ToList());
        page.Line(Invariant($"access log: {api.AccessLogs.LogGroupName} ({api.AccessLogs.RetentionDays} days), class {api.AccessLogs.LogGroupClass.Wire()}; detailed metrics {(api.MetricsEnabled ? "on" : "off")}"));

        page.Heading("Queues and tables");
        foreach (var queue in blueprint.Queues)
        {
            var responses = queue.FunctionResponseTypes.Count == 0 ? "" : $", {string.Join(", ", queue.FunctionResponseTypes)}";
            page.Line(Invariant($"{queue.Name} → {queue.DeadLetterName} after {queue.MaxReceiveCount} receives; visibility {queue.VisibilityTimeoutSeconds}s; {blueprint.Function(queue.Producer).FunctionName} → {blueprint.Function(queue.Consumer).FunctionName} (batch {queue.BatchSize}, window {queue.BatchingWindowSeconds}s{responses})"));
        }

        foreach (var table in blueprint.Tables)
        {
            page.Line(Invariant($"{table.Name}: key {table.PartitionKey} ({table.KeySchema[0].AttributeType}), {table.BillingMode}; written by {string.Join(", ", table.Writers.Select(writer => blueprint.Function(writer).FunctionName))}"));
        }

        if (blueprint.Queues.Count + blueprint.Tables.Count == 0)
        {
            page.Line("none");
        }

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
        page.Line(TrafficLine(blueprint.MonthlyCost));
        var cost = blueprint.Cost;
        var rows = cost.Routes.Zip(cost.DefaultRuleRoutes).Select(pair => (IReadOnlyList<string>)
        [
            pair.First.Route, Number(pair.First.RequestsPerSecond), pair.First.MatchedRule, Number(pair.First.TracesPerSecond), Number(pair.Second.TracesPerSecond),
        ]).ToList();
        rows.Add(["total", Number(cost.RequestsPerSecond), "", Number(cost.TracesPerSecond), Number(cost.DefaultRule.TracesPerSecond)]);
        rows.Add(["traces/month", "", "", Number(Math.Round(cost.TracesPerMonth)), Number(Math.Round(cost.DefaultRule.TracesPerMonth))]);
        rows.Add(["$/month", "", "", Money(cost.MonthlyUsd), Money(cost.DefaultRule.MonthlyUsd)]);
        page.Table(["route", "req/s", "rule", "traces/s", "default rule"], rows);

        MonthlyCostSection(blueprint.MonthlyCost, page);
        FoundationTable.WriteReference(foundation ?? new FoundationView(null, null), blueprint.MonthlyCost, page);

        if (warnings.Count > 0)
        {
            page.Heading("Warnings");
            page.Bullets(warnings);
        }
    }

    /// <summary>The price of a line, or each side's when they differ; a side that needs no price (nothing counted) shows none.</summary>
    private static string PriceColumn(CostLine stack, CostLine article, IReadOnlyDictionary<string, Price> prices)
    {
        if (stack.PriceKey == article.PriceKey && prices.TryGetValue(stack.PriceKey, out var shared))
        {
            return PriceText(shared);
        }

        return string.Join("; ", new[] { stack.PriceKey, article.PriceKey }.Distinct(StringComparer.Ordinal)
            .Where(prices.ContainsKey)
            .Select(key => $"{ShortKey(key)}: {PriceText(prices[key])}"));
    }

    private static string TraceExportLine(TraceExportSpec export) =>
        (export.Endpoint is { } endpoint ? $"{export.Exporter} → {endpoint} ({export.Authenticator})" : export.Exporter) + $": {export.Reason}";

    private static void MonthlyCostSection(MonthlyCost cost, PlanPage page)
    {
        page.Heading("Monthly cost (this stack vs the article's setup)");
        page.Line(TrafficLine(cost));
        page.Line(cost.RegionNote);
        var prices = cost.Prices.ToDictionary(price => price.Key, StringComparer.Ordinal);
        var rows = cost.Stack.Lines.Zip(cost.Article.Lines).Select(pair => (IReadOnlyList<string>)
        [
            pair.First.Item,
            Quantity(pair.First), Usd(pair.First),
            Quantity(pair.Second), Usd(pair.Second),
            PriceColumn(pair.First, pair.Second, prices),
        ]).ToList();
        rows.Add(["total of priced lines", "", Money(cost.Stack.PricedUsd), "", Money(cost.Article.PricedUsd), Invariant($"this stack / article: {cost.Ratio:0.00}×")]);
        page.Table(["line", "this stack", "$/month", "article", "$/month", "price"], rows);
        page.Line(Unpriced("this stack", cost.Stack));
        page.Line(Unpriced("article", cost.Article));
        page.Line(SignalsLine(cost));
        page.Table(["traffic", "req/s", "this stack $/month", "article $/month", "ratio"],
            cost.Scales.Select(scale => (IReadOnlyList<string>)
            [
                Invariant($"{Number(scale.Factor)}×"), Number(scale.RequestsPerSecond), Money(scale.StackUsd), Money(scale.ArticleUsd),
                scale.ArticleUsd == 0 ? "" : Invariant($"{scale.StackUsd / scale.ArticleUsd:0.00}×"),
            ]).ToList());
        page.Line("Free tiers are per account and shared by every stack in it; each column applies them as if it were the account's only use. The article's setup: legacy layers, X-Ray's default sampling rule (1 request/s + 5 %), one t2.medium collector host, Text function logs in groups without retention, no access log, Insights, Transaction Search, Application Signals, SLOs, alarms or dashboard.");
        page.Bullets(cost.Prices.Select(price => Invariant($"{price.Key}: {PriceText(price)}{EvidenceText(price.Evidence)}, {price.Source} (read {price.ReadOn}). {price.Note}")).ToList());
        page.Bullets(cost.Assumptions.Select(assumption => Invariant($"{assumption.Name}: {Number(assumption.Value)} {assumption.Unit}. {assumption.Why}")).ToList());
    }

    private static string TrafficLine(MonthlyCost cost) => Invariant($"{cost.Environment.Wire()} at {Number(cost.RequestsPerSecond)} requests/s, ")
        + (cost.TrafficSource == TrafficSource.StackFile
            ? "from the stack file (adot-tracing:traffic)."
            : $"from the {cost.Environment.Wire()} preset: the stack file sets no adot-tracing:traffic.");

    private static string SignalsLine(MonthlyCost cost)
    {
        var signals = cost.ApplicationSignals;
        var state = signals.Enabled ? "on" : "off";
        var total = signals.InTotal ? "in the total above" : signals.Enabled ? "bundled into span ingestion, not priced per signal" : "not in the total; applicationSignals.enabled: true would add it";
        return Invariant($"Application Signals for the functions is {state} in {cost.Environment.Wire()}: {Number(Math.Round(signals.SignalsPerMonth))} signals a month at this traffic, {Money(signals.MonthlyUsd)} after the trial ({total}).");
    }

    private static string Quantity(CostLine line) => line.Quantity == 0
        ? "0"
        : Invariant($"{Number(Math.Round(line.Quantity, line.Quantity < 100 ? 3 : 0))} {Plural(line.Unit)}{(line.FreeQuantity > 0 ? $" ({Number(Math.Round(line.FreeQuantity, 3))} free)" : "")}");

    private static string Plural(string unit) => unit == "GB" ? unit : unit + "s";

    private static string ShortKey(string priceKey) => priceKey[(priceKey.IndexOf('.') + 1)..];

    private static string Usd(CostLine line) => line.MonthlyUsd is { } usd ? Money(usd) : "unpriced";

    private static string PriceText(Price price) => price.UsdPerUnit is { } usd
        ? (usd < 0.01 ? $"${(usd * 1_000_000).ToString("0.00##", CultureInfo.InvariantCulture)} per million {Plural(price.Unit)}" : $"${usd.ToString("0.00##", CultureInfo.InvariantCulture)} per {price.Unit}") + (price.Region is null ? "" : $" ({price.Region})")
        : "price not found";

    private static string EvidenceText(PriceEvidence evidence) => evidence switch
    {
        PriceEvidence.AwsPricingPage => " from the AWS pricing page",
        PriceEvidence.AwsBill => " from a line item of an AWS bill",
        PriceEvidence.SecondarySource => " as quoted by a third party",
        PriceEvidence.AwsDocumentation => " derived from a ratio AWS's documentation states",
        _ => "",
    };

    private static string Unpriced(string setup, SetupCost cost) => cost.Unpriced.Count == 0
        ? $"{setup}: every line used is priced."
        : $"{setup}: not in the total, price not found: {string.Join(", ", cost.Unpriced)}.";

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
            page.Table(["SLO", "route", "SLI", "goal", "interval", "burn-rate windows", "alarm at burn rate"],
                monitoring.Slos.Select(slo => (IReadOnlyList<string>)
                [
                    slo.Name, slo.Route,
                    slo.RequestSli is { } request
                        ? $"requests without {request.BadRequests.MetricName} / {request.TotalRequests.MetricName}"
                        : $"{slo.PeriodSli!.Metric.MetricName} {slo.PeriodSli.Metric.Statistic} {Comparison(slo.PeriodSli.ComparisonOperator)} {Number(slo.PeriodSli.Threshold)} ms per {slo.PeriodSli.PeriodSeconds}s",
                    Number(slo.AttainmentGoal) + " %", Invariant($"{slo.IntervalDuration} {slo.IntervalUnit.ToLowerInvariant()}s rolling"),
                    string.Join(", ", slo.BurnRateWindowsMinutes.Select(minutes => $"{minutes} min")),
                    // The highest burn rate the goal allows: an alarm at or above it could never fire.
                    $"≥ {Number(slo.BurnRateAlarmThreshold)} (max {Number(slo.MaxBurnRate)})",
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
