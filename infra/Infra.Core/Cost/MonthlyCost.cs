using Infra.Core.Settings;

namespace Infra.Core.Cost;

/// <summary>One log group's monthly volume, how long CloudWatch keeps it and its class.</summary>
/// <param name="RetentionDays">Null: the group never expires (a group Lambda or ECS creates on its own).</param>
internal sealed record LogGroupUsage(string Name, double GbPerMonth, int? RetentionDays, string Basis, LogGroupClass Class = LogGroupClass.Standard);

/// <summary>Custom metrics from one source (detailed monitoring, metric filters, Container Insights).</summary>
internal sealed record MetricUsage(string Source, int Count);

/// <summary>What one setup uses in a month: the quantities the billed lines are priced from.</summary>
/// <param name="TracesPerMonth">Traces the sampling rules record.</param>
/// <param name="InsightsEnabled">Whether an X-Ray group with Insights covers the traces (Insights processes each one).</param>
/// <param name="TransactionSearchEnabled">Spans are ingested as structured logs instead of recorded per trace.</param>
/// <param name="IndexingPercentage">Percent of ingested spans indexed as trace summaries (Transaction Search).</param>
/// <param name="SpansPerMonth">Spans of the recorded traces.</param>
/// <param name="SpanGbPerMonth">Their size in GB.</param>
/// <param name="ApplicationSignalsEnabled">The functions report Application Signals.</param>
/// <param name="SignalsPerMonth">The functions' Application Signals signals were it on (priced only when it is).</param>
/// <param name="InstanceType">The collector hosts' type; null when there is no collector.</param>
/// <param name="RootVolumeGiB">Each host's gp3 root volume.</param>
/// <param name="TracesBasis">Which sampling rules record the traces.</param>
/// <param name="Alarms">Alarm metrics: one per single-metric alarm, one per metric a metric-math alarm reads.</param>
/// <param name="CustomMetrics">Metrics billed as custom metrics.</param>
/// <param name="SloSignalsPerMonth">Application Signals signals the SLOs generate (whether or not the functions report any).</param>
internal sealed record SetupUsage(
    string Name,
    string TracesBasis,
    double TracesPerMonth,
    bool InsightsEnabled,
    bool TransactionSearchEnabled,
    double IndexingPercentage,
    double SpansPerMonth,
    double SpanGbPerMonth,
    bool ApplicationSignalsEnabled,
    double SignalsPerMonth,
    string? InstanceType,
    int Hosts,
    int RootVolumeGiB,
    IReadOnlyList<LogGroupUsage> LogGroups,
    int Alarms,
    int Dashboards,
    IReadOnlyList<MetricUsage>? CustomMetrics = null,
    double SloSignalsPerMonth = 0);

/// <summary>One billed line of a month.</summary>
/// <param name="Quantity">Units used in the month (the price's unit).</param>
/// <param name="FreeQuantity">Units of it the free tier covers, were this stack the account's only use.</param>
/// <param name="MonthlyUsd">Null when the price is not known: the line is unpriced, not free.</param>
/// <param name="Basis">How the quantity was arrived at.</param>
public sealed record CostLine(
    string Key,
    string Item,
    double Quantity,
    string Unit,
    double FreeQuantity,
    double? MonthlyUsd,
    string PriceKey,
    string Basis);

/// <param name="PricedUsd">The sum of the lines that have a price.</param>
/// <param name="Unpriced">Items used this month whose price is not known (their cost is not in <see cref="PricedUsd"/>).</param>
public sealed record SetupCost(string Name, IReadOnlyList<CostLine> Lines, double PricedUsd, IReadOnlyList<string> Unpriced);

/// <summary>A number the estimate rests on that no price page gives.</summary>
public sealed record CostAssumption(string Name, double Value, string Unit, string Why);

/// <summary>Both setups' totals at a multiple of the stack's traffic.</summary>
/// <param name="Factor">The multiple of every route's requests per second.</param>
public sealed record TrafficScale(double Factor, double RequestsPerSecond, double StackUsd, double ArticleUsd);

/// <summary>What the functions' Application Signals would cost at this traffic, on or off, so a team sees what it buys.</summary>
/// <param name="Enabled">Whether the stack turns it on (its environment's preset, or applicationSignals.enabled).</param>
/// <param name="SignalsPerMonth">The functions' signals at this traffic.</param>
/// <param name="MonthlyUsd">Their price, after the trial.</param>
/// <param name="InTotal">Whether the stack's total includes it (on, and not bundled into Transaction Search's span ingestion).</param>
public sealed record ApplicationSignalsCost(bool Enabled, double SignalsPerMonth, double MonthlyUsd, bool InTotal);

/// <summary>
/// The stack's full monthly cost next to the article's setup at the same traffic, each line priced from
/// <see cref="Prices"/>. Free tiers are account-wide; each setup is priced as if it were the account's only use.
/// </summary>
/// <param name="Region">The stack's Region.</param>
/// <param name="RegionNote">Which Region's prices apply.</param>
/// <param name="Environment">The environment whose presets the stack uses.</param>
/// <param name="TrafficSource">Where the traffic priced came from: the stack file, or the environment's preset.</param>
/// <param name="RequestsPerSecond">The traffic priced, all routes.</param>
/// <param name="Scales">Both totals at other multiples of that traffic.</param>
public sealed record MonthlyCost(
    string Region,
    string RegionNote,
    DeploymentEnvironment Environment,
    TrafficSource TrafficSource,
    double RequestsPerSecond,
    SetupCost Stack,
    SetupCost Article,
    ApplicationSignalsCost ApplicationSignals,
    IReadOnlyList<TrafficScale> Scales,
    IReadOnlyList<Price> Prices,
    IReadOnlyList<CostAssumption> Assumptions)
{
    /// <summary>The stack's total over the article's; 0 when the article's is 0.</summary>
    public double Ratio => Article.PricedUsd == 0 ? 0 : Math.Round(Stack.PricedUsd / Article.PricedUsd, 4);
}

/// <summary>Prices a month of usage, one line per billed item. A new billed item is one more entry in <see cref="Lines"/>.</summary>
internal static class MonthlyCostModel
{
    /// <param name="region">The Region whose prices apply (see <see cref="Prices.Find"/>).</param>
    public static SetupCost Price(SetupUsage usage, string region)
    {
        var lines = Lines(usage, region).ToList();
        var unpriced = lines.Where(line => line.MonthlyUsd is null && line.Quantity - line.FreeQuantity > 0)
            .Select(line => Prices.Find(line.PriceKey, region).Description)
            .ToList();
        return new SetupCost(usage.Name, lines, Math.Round(lines.Sum(line => line.MonthlyUsd ?? 0), 6), unpriced);
    }

    /// <summary>The price of the functions' Application Signals at this usage, whether or not they report it.</summary>
    public static double ApplicationSignalsUsd(double signalsPerMonth, string region) =>
        Math.Round(signalsPerMonth * (Prices.Find(Prices.ApplicationSignals, region).UsdPerUnit ?? 0), 6);

    private static IEnumerable<CostLine> Lines(SetupUsage usage, string region)
    {
        CostLine Line(string key, string priceKey, string item, double quantity, string basis, double? free = null) =>
            PricedLine(Prices.Find(priceKey, region), key, item, quantity, basis, free);

        var recorded = usage.TransactionSearchEnabled ? 0 : usage.TracesPerMonth;
        yield return Line("xray.traces-recorded", Prices.TracesRecorded, "X-Ray traces recorded", recorded,
            usage.TransactionSearchEnabled
                ? "0: with Transaction Search on, spans are billed as ingested logs instead"
                : usage.TracesBasis);

        yield return Line("xray.insights", Prices.InsightsTraces, "X-Ray Insights traces processed", usage.InsightsEnabled ? usage.TracesPerMonth : 0,
            usage.InsightsEnabled ? "every recorded trace: the stack's X-Ray group with Insights covers all of them" : "Insights off");

        var spans = usage.TransactionSearchEnabled ? usage.SpanGbPerMonth : 0;
        yield return Line("transaction-search.span-ingestion", Prices.SpanIngestion, "Transaction Search span ingestion", spans,
            usage.TransactionSearchEnabled ? $"{usage.SpansPerMonth:0} spans of the recorded traces" : "Transaction Search off");

        var indexed = usage.TransactionSearchEnabled ? usage.SpansPerMonth * usage.IndexingPercentage / 100 : 0;
        var freeIndexed = usage.TransactionSearchEnabled ? usage.SpansPerMonth * 0.01 : 0;
        yield return Line("transaction-search.span-indexing", Prices.SpanIndexing, "Transaction Search span indexing", indexed,
            usage.TransactionSearchEnabled ? $"{usage.IndexingPercentage:0.##} % of ingested spans, 1 % free" : "Transaction Search off",
            free: freeIndexed);

        // With Transaction Search on, Application Signals bills as span ingestion (usage types Application-Signals-Bytes and
        // XRay-Spans-Indexed) instead of per signal. https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch_billing.html
        var signals = usage.ApplicationSignalsEnabled && !usage.TransactionSearchEnabled ? usage.SignalsPerMonth : 0;
        yield return Line("application-signals", Prices.ApplicationSignals, "Application Signals (functions)", signals,
            !usage.ApplicationSignalsEnabled ? "Application Signals off"
                : usage.TransactionSearchEnabled ? "0: bundled into Transaction Search's span ingestion"
                : "signals of the instrumented functions (see assumptions)");

        yield return Line("application-signals.slos", Prices.ApplicationSignals, "Application Signals (SLOs)", usage.SloSignalsPerMonth,
            usage.SloSignalsPerMonth == 0 ? "no SLOs" : "2 signals per SLO and SLI period (see assumptions)");

        var metrics = usage.CustomMetrics ?? [];
        yield return Line("cloudwatch.custom-metrics", Prices.CustomMetrics, "CloudWatch custom metrics", metrics.Sum(metric => metric.Count),
            metrics.Count == 0 ? "none" : string.Join("; ", metrics.Select(metric => $"{metric.Source}: {metric.Count}")));

        var hostHours = usage.InstanceType is null ? 0 : usage.Hosts * CostAssumptions.HoursPerMonth;
        yield return Line("collector.hosts", usage.InstanceType is null ? Prices.InstanceKey("none") : Prices.InstanceKey(usage.InstanceType),
            "Collector hosts", hostHours,
            usage.InstanceType is null ? "no collector" : $"{usage.Hosts} × {usage.InstanceType} × {CostAssumptions.HoursPerMonth} h, on-demand");

        yield return Line("collector.root-volumes", Prices.Gp3Storage, "Collector root volumes (gp3)", usage.InstanceType is null ? 0 : usage.Hosts * usage.RootVolumeGiB,
            usage.InstanceType is null ? "no collector" : $"{usage.Hosts} × {usage.RootVolumeGiB} GiB");

        var standard = usage.LogGroups.Where(group => group.Class == LogGroupClass.Standard).ToList();
        var infrequent = usage.LogGroups.Where(group => group.Class == LogGroupClass.InfrequentAccess).ToList();
        yield return Line("logs.ingestion", Prices.LogsIngestion, "CloudWatch Logs ingestion (Standard)", standard.Sum(group => group.GbPerMonth), Basis(standard));
        yield return Line("logs.ingestion-ia", Prices.LogsIngestionInfrequentAccess, "CloudWatch Logs ingestion (Infrequent Access)",
            infrequent.Sum(group => group.GbPerMonth), Basis(infrequent));
        yield return Line("logs.storage", Prices.LogsStorage, "CloudWatch Logs storage", usage.LogGroups.Sum(StoredGb),
            string.Join("; ", usage.LogGroups.Select(group => group.RetentionDays is { } days
                ? $"{group.Name}: {days} days kept"
                : $"{group.Name}: never expires, shown after {CostAssumptions.NeverExpiresMonths} months")));

        yield return Line("cloudwatch.alarms", Prices.Alarms, "CloudWatch alarms", usage.Alarms, usage.Alarms == 0 ? "no alarms defined" : $"{usage.Alarms} standard-resolution alarm metrics");
        yield return Line("cloudwatch.dashboards", Prices.Dashboards, "CloudWatch dashboards", usage.Dashboards, usage.Dashboards == 0 ? "no dashboard defined" : $"{usage.Dashboards} dashboards");
    }

    private static string Basis(IReadOnlyList<LogGroupUsage> groups) => groups.Count == 0
        ? "no log group in this class"
        : string.Join("; ", groups.Select(group => $"{group.Name}: {group.Basis}"));

    /// <summary>
    /// GB held in a month once the group is in steady state: what arrives in a day × the days it is kept. Stored bytes
    /// are counted as ingested; should archived logs be billed compressed, this is an upper bound.
    /// </summary>
    public static double StoredGb(LogGroupUsage group) => group.RetentionDays is { } days
        ? group.GbPerMonth / CostAssumptions.DaysPerMonth * days
        : group.GbPerMonth * CostAssumptions.NeverExpiresMonths;

    private static CostLine PricedLine(Price price, string key, string item, double quantity, string basis, double? free)
    {
        var freeQuantity = Math.Min(quantity, free ?? price.FreePerMonth);
        double? usd = quantity == 0 ? 0 : price.UsdPerUnit is { } unit ? Math.Round((quantity - freeQuantity) * unit, 6) : null;
        return new CostLine(key, item, Math.Round(quantity, 6), price.Unit, Math.Round(freeQuantity, 6), usd, price.Key, basis);
    }
}
