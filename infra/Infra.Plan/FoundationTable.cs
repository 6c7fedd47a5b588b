using System.Globalization;
using System.Text.Json;
using Infra.Core.Blueprint;
using Infra.Core.Cost;
using Infra.Core.Settings;
using static System.FormattableString;

namespace Infra.Plan;

/// <summary>What an app stack knows of its foundation: its name, and its blueprint when its stack file is in this project.</summary>
internal sealed record FoundationView(string? Name, FoundationBlueprint? Blueprint);

/// <summary>The plan of a foundation stack, and the foundation section of an app stack's plan.</summary>
internal static class FoundationTable
{
    public static void Write(FoundationBlueprint blueprint, IReadOnlyList<string> warnings, PlanPage page)
    {
        var settings = blueprint.Settings;
        page.Title(Invariant($"Foundation {settings.StackName} in {settings.Region}, account {blueprint.Aws.AccountId}{Accounts(settings)}"));
        page.Heading("Owned once per account and Region");
        page.Table(["setting", "value"], Owned(blueprint));
        page.Heading("Collector");
        if (blueprint.Collector is { } collector)
        {
            page.Table(["setting", "value"],
            [
                ["cluster", collector.ClusterName],
                ["hosts", $"{collector.LaunchTemplate.InstanceType} × {collector.AutoScaling.MinSize}..{collector.AutoScaling.MaxSize} (desired {collector.AutoScaling.DesiredCapacity}), {collector.AutoScaling.VpcId ?? "default VPC"}"],
                ["image", collector.Task.Container.Image],
                ["endpoint (output collectorEndpoint)", string.Join(", ", collector.Task.Container.PortMappings.Select(port => $"{port.HostPort}/{port.Protocol} {port.Purpose}"))],
                ["trace export", collector.TraceExport.Exporter],
            ]);
        }
        else
        {
            page.Line("disabled (collector.enabled: false)");
        }

        page.Heading("Monthly cost (foundation)");
        page.Table(["line", "quantity", "$/month"], CostRows(blueprint.MonthlyCost));
        page.Line("The app stacks that reference this foundation price their own traces, functions, API and logs.");
        if (warnings.Count > 0)
        {
            page.Heading("Warnings");
            page.Bullets(warnings);
        }
    }

    public static string Json(FoundationBlueprint blueprint, IReadOnlyList<string> warnings) => JsonSerializer.Serialize(new
    {
        stack = blueprint.Settings.StackName,
        kind = "foundation",
        region = blueprint.Settings.Region,
        allowedAccountIds = blueprint.Settings.Role.AllowedAccountIds,
        apiGatewayCloudWatchRole = blueprint.ApiGatewayLogsRole.Name,
        transactionSearch = blueprint.TransactionSearch is { } search
            ? new { enabled = true, search.Spec.IndexingPercentage, search.Adopt, search.KeepOnDestroy }
            : new { enabled = false, IndexingPercentage = 0.0, Adopt = false, KeepOnDestroy = false },
        applicationSignalsDiscovery = blueprint.Discovery,
        collector = blueprint.Collector is { } collector ? new { collector.ClusterName, collector.LaunchTemplate.InstanceType, hosts = collector.AutoScaling.DesiredCapacity } : null,
        monthlyUsd = blueprint.MonthlyCost.PricedUsd,
        warnings,
    }, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase });

    /// <summary>An app stack's foundation: what it provides, or, standalone, what the stack relies on; and the month split.</summary>
    public static void WriteReference(FoundationView foundation, MonthlyCost app, PlanPage page)
    {
        page.Heading("Foundation");
        if (foundation.Name is null)
        {
            page.Line("none: standalone (adot-tracing:foundation is not set). This stack creates nothing account-wide; its stage does not log access, "
                + "since that needs API Gateway's account-level CloudWatch Logs role. It relies on Transaction Search and Application Signals discovery "
                + "being as the account has them, and on no collector of another stack.");
            return;
        }

        if (foundation.Blueprint is not { } blueprint)
        {
            page.Line($"{foundation.Name}: a stack outside this folder, which the offline plan cannot see. The stage logs access through the account role "
                + "it owns, and the collector endpoint comes from its output collectorEndpoint (deploy it first).");
            return;
        }

        page.Line($"{foundation.Name} (Pulumi.{foundation.Name}.yaml), deployed first; this stack reads its outputs through a stack reference:");
        page.Table(["setting", "value"], Owned(blueprint));
        var total = app.Stack.PricedUsd + blueprint.MonthlyCost.PricedUsd;
        page.Table(["monthly cost", "$/month"],
        [
            ["app (this stack)", Money(app.Stack.PricedUsd)],
            [$"foundation ({foundation.Name}), shared by the apps of its account and Region", Money(blueprint.MonthlyCost.PricedUsd)],
            ["app + foundation", Money(total)],
        ]);
    }

    private static List<IReadOnlyList<string>> Owned(FoundationBlueprint blueprint) =>
    [
        ["API Gateway CloudWatch Logs role", $"{blueprint.ApiGatewayLogsRole.Name} ({FoundationBlueprint.PushToCloudWatchLogsPolicy}), set as AWS::ApiGateway::Account"],
        ["Transaction Search", blueprint.TransactionSearch is { } search
            ? Invariant($"on, indexing {search.Spec.IndexingPercentage:0.##} %{(search.Adopt ? ", adopted (imported; it is already on)" : "")}; {(search.KeepOnDestroy ? "kept on when the stack is destroyed" : "turned off when the stack is destroyed")}")
            : "not owned here"],
        ["Application Signals discovery", blueprint.Discovery ? "on" : "not owned here"],
        ["collector", blueprint.Collector is { } collector ? $"{collector.ClusterName} ({collector.LaunchTemplate.InstanceType} × {collector.AutoScaling.DesiredCapacity})" : "none"],
    ];

    private static List<IReadOnlyList<string>> CostRows(SetupCost cost)
    {
        var rows = cost.Lines.Where(line => line.Quantity > 0)
            .Select(line => (IReadOnlyList<string>)[line.Item, Invariant($"{line.Quantity:#,0.###} {line.Unit}"), line.MonthlyUsd is { } usd ? Money(usd) : "unpriced"])
            .ToList();
        rows.Add(["total of priced lines", "", Money(cost.PricedUsd)]);
        return rows;
    }

    private static string Accounts(StackSettings settings) => settings.Role.AllowedAccountIds.Count == 0
        ? " (no aws:allowedAccountIds)"
        : $" (aws:allowedAccountIds {string.Join(", ", settings.Role.AllowedAccountIds)})";

    private static string Money(double value) => "$" + value.ToString("#,0.00", CultureInfo.InvariantCulture);
}
