namespace Infra.Core.Cost;

/// <summary>How a price in <see cref="Prices"/> is known.</summary>
public enum PriceEvidence
{
    /// <summary>Read on AWS's own pricing page.</summary>
    AwsPricingPage,

    /// <summary>Read in AWS documentation (free allowances, what a feature is billed as).</summary>
    AwsDocumentation,

    /// <summary>AWS's price as quoted by a third-party page; AWS's page itself could not be read. Check before relying on it.</summary>
    SecondarySource,

    /// <summary>No source read states this price: the line is shown unpriced, never guessed.</summary>
    NotFound,
}

/// <summary>One billed unit's price, with where it was read.</summary>
/// <param name="Key">How cost lines refer to the price (e.g. "xray.traces-recorded", "ec2.t3.medium").</param>
/// <param name="Unit">The billed unit, singular ("trace", "GB", "GB-month", "hour").</param>
/// <param name="UsdPerUnit">US dollars per one unit; null when no source read states it.</param>
/// <param name="FreePerMonth">Units free every month, account-wide (0 when none or only a one-time trial).</param>
/// <param name="Region">The Region the source gives the price for; null when the source names none.</param>
/// <param name="Source">The page the price (or its absence) was read on.</param>
/// <param name="ReadOn">The date it was read (ISO 8601).</param>
public sealed record Price(
    string Key,
    string Description,
    string Unit,
    double? UsdPerUnit,
    double FreePerMonth,
    string? Region,
    string Source,
    string ReadOn,
    PriceEvidence Evidence,
    string Note);

/// <summary>
/// The prices the monthly cost uses: data with their sources, never literals in the model. AWS's pricing pages render
/// their per-Region tables in the browser, so only what their static text states could be read; where a price was
/// only found quoted elsewhere the row says so, and where none was found it stays null and the line is unpriced.
/// A price for a new billed line is one more row here.
/// </summary>
public static class Prices
{
    public const string ReadOn = "2026-11-26";

    private const string XRayPricingDe = "https://aws.amazon.com/de/xray/pricing/";
    private const string XRayPricingCn = "https://aws.amazon.com/cn/xray/pricing/";
    private const string CloudWatchPricing = "https://aws.amazon.com/cloudwatch/pricing/";
    private const string Ec2OnDemand = "https://aws.amazon.com/ec2/pricing/on-demand/";
    private const string EbsPricing = "https://aws.amazon.com/ebs/pricing/";
    private const string EnableTransactionSearch = "https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Enable-TransactionSearch.html";

    public const string TracesRecorded = "xray.traces-recorded";
    public const string InsightsTraces = "xray.insights-traces-processed";
    public const string SpanIngestion = "transaction-search.span-ingestion";
    public const string SpanIndexing = "transaction-search.span-indexing";
    public const string ApplicationSignals = "application-signals.signals";
    public const string LogsIngestion = "logs.ingestion";
    public const string LogsStorage = "logs.storage";
    public const string Alarms = "cloudwatch.standard-alarm";
    public const string Dashboards = "cloudwatch.dashboard";
    public const string Gp3Storage = "ebs.gp3";

    public static string InstanceKey(string instanceType) => $"ec2.{instanceType}";

    /// <summary>The 5 GB of the CloudWatch free tier cover ingestion, archive storage and Logs Insights scans together.</summary>
    public const double LogsFreeGbPerMonth = 5;

    public static readonly IReadOnlyList<Price> All =
    [
        new(TracesRecorded, "X-Ray traces recorded", "trace", 5.00 / 1_000_000, 100_000, null, XRayPricingDe, ReadOn, PriceEvidence.AwsPricingPage,
            "$5.00 per million traces recorded after the first 100,000 each month (perpetual free tier). The page names no Region."),
        new(InsightsTraces, "X-Ray Insights traces processed", "trace", 1.00 / 1_000_000, 0, null, XRayPricingCn, ReadOn, PriceEvidence.AwsPricingPage,
            "From the page's worked example: traces processed by Insights × $0.000001 ($1.00 per million); no free allowance is stated."),
        new(SpanIngestion, "Transaction Search span ingestion", "GB", null, 0, null, EnableTransactionSearch, ReadOn, PriceEvidence.NotFound,
            "With Transaction Search on, X-Ray ingests spans as structured logs billed at CloudWatch pricing instead of per trace recorded (this page). The per-GB price was not in the stored copy of the CloudWatch pricing page."),
        new(SpanIndexing, "Transaction Search spans indexed beyond the free 1 %", "span", null, 0, null, EnableTransactionSearch, ReadOn, PriceEvidence.NotFound,
            "1 % of ingested spans are indexed as trace summaries for free (this page); the price above 1 % was not found."),
        new(ApplicationSignals, "Application Signals signals", "signal", null, 0, null, CloudWatchPricing, ReadOn, PriceEvidence.NotFound,
            "The stored page states only a first-time trial (100 million signals or 3 months per account, whichever comes first); the per-signal price was not in it."),
        new(LogsIngestion, "CloudWatch Logs ingestion (standard class)", "GB", 0.50, LogsFreeGbPerMonth, null,
            "https://www.factualminds.com/blog/amazon-cloudwatch-pricing-metrics-logs-alarms-dashboards/", ReadOn, PriceEvidence.SecondarySource,
            $"$0.50 per GB as quoted by this page (published 2026-06-13); free tier: 5 GB a month across ingestion, archive storage and Logs Insights scans ({CloudWatchPricing})."),
        new(LogsStorage, "CloudWatch Logs archive storage", "GB-month", 0.03, 0, null,
            "https://blog.raulnq.com/estimating-observability-costs-in-aws", ReadOn, PriceEvidence.SecondarySource,
            "$0.03 per GB-month as quoted by this page; shares the 5 GB free tier with ingestion."),
        new(Alarms, "CloudWatch standard-resolution alarm metric", "alarm-month", 0.10, 10, null,
            "https://002-workshop-application-performance-monitoring.huyanh.click/5-optimization", ReadOn, PriceEvidence.SecondarySource,
            $"$0.10 per alarm a month as quoted by this page; free tier: 10 standard-resolution alarm metrics ({CloudWatchPricing})."),
        new(Dashboards, "CloudWatch custom dashboard", "dashboard-month", 3.00, 3, null,
            "https://www.factualminds.com/blog/amazon-cloudwatch-pricing-metrics-logs-alarms-dashboards/", ReadOn, PriceEvidence.SecondarySource,
            $"$3 per dashboard a month as quoted by this page; free tier: 3 custom dashboards of up to 50 metrics ({CloudWatchPricing})."),
        new(Gp3Storage, "EBS gp3 volume storage", "GB-month", null, 0, null, EbsPricing, ReadOn, PriceEvidence.NotFound,
            "The per-GB-month price was not in any stored copy of the page; 3,000 IOPS and 125 MiB/s are included in the gp3 storage price, so the root volume has no other line."),
        new(InstanceKey("t3.medium"), "EC2 t3.medium, Linux, on-demand", "hour", 0.0416, 0, null,
            "https://hacecuentas.com/en/costo-servidor-cloud-aws-ec2-mensual", ReadOn, PriceEvidence.SecondarySource,
            $"$0.0416 an hour as quoted by this page, which cites {Ec2OnDemand} and names no Region."),
        new(InstanceKey("t2.medium"), "EC2 t2.medium, Linux, on-demand", "hour", null, 0, null, Ec2OnDemand, ReadOn, PriceEvidence.NotFound,
            "The on-demand table renders in the browser; no stored source stated this price."),
    ];

    /// <summary>The price with this key; a key with no row (an instance type nobody priced) is an explicit not-found row.</summary>
    public static Price Find(string key) =>
        All.FirstOrDefault(price => price.Key == key)
        ?? new Price(key, key, key.StartsWith("ec2.", StringComparison.Ordinal) ? "hour" : "unit", null, 0, null, Ec2OnDemand, ReadOn, PriceEvidence.NotFound,
            "No row in the price table.");
}
