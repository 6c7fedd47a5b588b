namespace Infra.Core.Cost;

/// <summary>How a price in <see cref="Prices"/> is known.</summary>
public enum PriceEvidence
{
    /// <summary>Read on AWS's own pricing page.</summary>
    AwsPricingPage,

    /// <summary>A line item of an AWS bill (it states the unit price and the Region), published in a public repository.</summary>
    AwsBill,

    /// <summary>AWS's price as quoted by a third-party page; AWS's page itself could not be read. Check before relying on it.</summary>
    SecondarySource,

    /// <summary>Derived from another row by a ratio AWS's own documentation states (e.g. "50% lower per GB ingestion price").</summary>
    AwsDocumentation,

    /// <summary>No source read states this price: the line is shown unpriced, never guessed.</summary>
    NotFound,
}

/// <summary>One billed unit's price, with where it was read.</summary>
/// <param name="Key">How cost lines refer to the price (e.g. "xray.traces-recorded", "ec2.t3.medium").</param>
/// <param name="Unit">The billed unit, singular ("trace", "GB", "GB-month", "hour").</param>
/// <param name="UsdPerUnit">US dollars per one unit; null when no source read states it.</param>
/// <param name="FreePerMonth">Units free every month, account-wide (0 when none or only a one-time trial).</param>
/// <param name="Region">The Region the source gives the price for; null when the source names none. A key may have one
/// row per Region.</param>
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
/// A price for a new billed line, or for another Region, is one more row here.
/// </summary>
internal static class Prices
{
    public const string ReadOn = "2026-11-26";

    private const string XRayPricingDe = "https://aws.amazon.com/de/xray/pricing/";
    private const string XRayPricingCn = "https://aws.amazon.com/cn/xray/pricing/";
    private const string CloudWatchPricing = "https://aws.amazon.com/cloudwatch/pricing/";
    private const string Ec2OnDemand = "https://aws.amazon.com/ec2/pricing/on-demand/";
    private const string EbsPricing = "https://aws.amazon.com/ebs/pricing/";
    private const string EnableTransactionSearch = "https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Enable-TransactionSearch.html";
    private const string CloudWatchBilling = "https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch_billing.html";
    private const string LogClasses = "https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/CloudWatch_Logs_Log_Classes.html";

    /// <summary>AWS's own price list (Price List API offer file) for CloudWatch in us-east-1. It was not read here: its figures were
    /// read in a third party's record of it (retrieved 2025-10-28, effective 2025-09-01), so rows citing it are secondary.</summary>
    private const string CloudWatchPriceListUsEast1 = "https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AmazonCloudWatch/current/us-east-1/index.csv";

    /// <summary>An AWS bill for May 2025 (Singapore, Oregon and other Regions), kept as a sample in a public repository.</summary>
    private const string May2025Bill = "https://github.com/rahmat-ullah/DocParser/blob/d890afd0132a77830a6244c67d434f21a08058f8/backend/sample_full_document.md";

    /// <summary>The Region whose price stands in when the table has none for the stack's Region nor one without a Region.</summary>
    public const string FallbackRegion = "us-east-1";

    public const string TracesRecorded = "xray.traces-recorded";
    public const string InsightsTraces = "xray.insights-traces-processed";
    public const string SpanIngestion = "transaction-search.span-ingestion";
    public const string SpanIndexing = "transaction-search.span-indexing";
    public const string ApplicationSignals = "application-signals.signals";
    public const string LogsIngestion = "logs.ingestion";
    public const string LogsIngestionInfrequentAccess = "logs.ingestion-ia";
    public const string CustomMetrics = "cloudwatch.custom-metric";
    public const string LogsStorage = "logs.storage";
    public const string Alarms = "cloudwatch.standard-alarm";
    public const string Dashboards = "cloudwatch.dashboard";
    public const string Gp3Storage = "ebs.gp3";

    public static string InstanceKey(string instanceType) => $"ec2.{instanceType}";

    /// <summary>CloudWatch's free tier for logs: 5 GB ingested and 5 GB-months stored every month, each its own allowance (the
    /// pricing page lists "5 GB Data (ingestion, archive storage, ...)"; the May 2025 bill applies "First 5GB per month of log
    /// data ingested is free" and "First 5GB-mo per month of logs storage is free" side by side).</summary>
    public const double LogsFreeGbPerMonth = 5;

    public static readonly IReadOnlyList<Price> All =
    [
        new(TracesRecorded, "X-Ray traces recorded", "trace", 5.00 / 1_000_000, 100_000, null, XRayPricingDe, ReadOn, PriceEvidence.AwsPricingPage,
            "$5.00 per million traces recorded after the first 100,000 each month (perpetual free tier). The page names no Region."),
        new(InsightsTraces, "X-Ray Insights traces processed", "trace", 1.00 / 1_000_000, 0, null, XRayPricingCn, ReadOn, PriceEvidence.AwsPricingPage,
            "From the page's worked example: traces processed by Insights × $0.000001 ($1.00 per million); no free allowance is stated."),
        new(SpanIngestion, "Transaction Search span ingestion", "GB", 0.35, 0, "us-east-1", CloudWatchPriceListUsEast1, ReadOn, PriceEvidence.SecondarySource,
            $"$0.35 per GB for the first 10 TB a month (\"Application Signals Data Ingestion\"), as a third party recorded AWS's price list; spans ingested with Transaction Search bill as usage type Application-Signals-Bytes ({CloudWatchBilling}), and replace the per-trace X-Ray price ({EnableTransactionSearch})."),
        new(SpanIndexing, "Transaction Search spans indexed beyond the free 1 %", "span", 0.00000075, 0, "us-east-1", CloudWatchPriceListUsEast1, ReadOn, PriceEvidence.SecondarySource,
            $"$0.75 per million spans indexed (usage type XRay-Spans-Indexed, {CloudWatchBilling}), as a third party recorded AWS's price list; 1 % of ingested spans are indexed free ({EnableTransactionSearch})."),
        new(ApplicationSignals, "Application Signals signals", "signal", 1.50 / 1_000_000, 0, "us-east-1", CloudWatchPriceListUsEast1, ReadOn, PriceEvidence.SecondarySource,
            $"$1.50 per million signals for the first 100 million a month ($0.75 next 900 million, $0.30 beyond: every line here uses the first tier, an upper bound), as a third party recorded AWS's price list. {CloudWatchPricing} states a first-time trial of 100 million signals or 3 months per account, whichever comes first; not counted, as it ends."),
        new(CustomMetrics, "CloudWatch custom metric (detailed monitoring, metric filters, Container Insights)", "metric-month", 0.30, 10, "us-east-1", CloudWatchPriceListUsEast1, ReadOn, PriceEvidence.SecondarySource,
            $"$0.30 per metric a month for the first 10,000, as a third party recorded AWS's price list; free tier: 10 metrics of custom and detailed monitoring metrics ({CloudWatchPricing}). Detailed monitoring and log metric filters bill as MetricMonitorUsage ({CloudWatchBilling})."),
        new(LogsIngestion, "CloudWatch Logs ingestion (standard class)", "GB", 0.50, LogsFreeGbPerMonth, "us-west-2", May2025Bill, ReadOn, PriceEvidence.AwsBill,
            "Bill line: \"$0.50 per GB custom log data ingested in Standard log class - US West (Oregon)\"; \"First 5GB per month of log data ingested is free.\""),
        new(LogsIngestion, "CloudWatch Logs ingestion (standard class)", "GB", 0.70, LogsFreeGbPerMonth, "ap-southeast-1", May2025Bill, ReadOn, PriceEvidence.AwsBill,
            "Bill line: \"$0.70 per GB custom log data ingested in Standard log class - Asia Pacific (Singapore)\"."),
        new(LogsIngestion, "CloudWatch Logs ingestion (standard class)", "GB", 0.50, LogsFreeGbPerMonth, null,
            "https://www.factualminds.com/blog/amazon-cloudwatch-pricing-metrics-logs-alarms-dashboards/", ReadOn, PriceEvidence.SecondarySource,
            $"$0.50 per GB as quoted by this page (published 2026-06-13), no Region named; free tier from {CloudWatchPricing}."),
        new(LogsIngestionInfrequentAccess, "CloudWatch Logs ingestion (Infrequent Access class)", "GB", 0.25, 0, "us-west-2", LogClasses, ReadOn, PriceEvidence.AwsDocumentation,
            $"Half the Standard class's $0.50 per GB in US West (Oregon) (the May 2025 bill): AWS states Infrequent Access has \"a 50% lower per GB ingestion price\" ({LogClasses}); a third party's record of AWS's price list gives $0.25 in us-east-1 ({CloudWatchPriceListUsEast1}). The 5 GB free tier is counted on the Standard line."),
        new(LogsIngestionInfrequentAccess, "CloudWatch Logs ingestion (Infrequent Access class)", "GB", 0.25, 0, "us-east-1", CloudWatchPriceListUsEast1, ReadOn, PriceEvidence.SecondarySource,
            "$0.25 per GB custom log data in the Infrequent Access class, as a third party recorded AWS's price list."),
        new(LogsStorage, "CloudWatch Logs archive storage", "GB-month", 0.03, LogsFreeGbPerMonth, null,
            "https://blog.raulnq.com/estimating-observability-costs-in-aws", ReadOn, PriceEvidence.SecondarySource,
            $"$0.03 per GB-month as quoted by this page, no Region named, for both log classes (the third party's record of AWS's price list: \"Storage pricing applies to both Standard and Infrequent Access log classes\"); 5 GB-months free ({CloudWatchPricing}; the May 2025 bill: \"First 5GB-mo per month of logs storage is free.\")."),
        new(Alarms, "CloudWatch standard-resolution alarm metric", "alarm-month", 0.10, 10, null,
            "https://002-workshop-application-performance-monitoring.huyanh.click/5-optimization", ReadOn, PriceEvidence.SecondarySource,
            $"$0.10 per alarm a month as quoted by this page; free tier: 10 standard-resolution alarm metrics ({CloudWatchPricing})."),
        new(Dashboards, "CloudWatch custom dashboard", "dashboard-month", 3.00, 3, null,
            "https://www.factualminds.com/blog/amazon-cloudwatch-pricing-metrics-logs-alarms-dashboards/", ReadOn, PriceEvidence.SecondarySource,
            $"$3 per dashboard a month as quoted by this page; free tier: 3 custom dashboards of up to 50 metrics ({CloudWatchPricing})."),
        new(Gp3Storage, "EBS gp3 volume storage", "GB-month", 0.096, 0, "ap-southeast-1", May2025Bill, ReadOn, PriceEvidence.AwsBill,
            "Bill line: \"$0.096 per GB-month of General Purpose (gp3) provisioned storage - Asia Pacific (Singapore)\". 3,000 IOPS and 125 MiB/s come with gp3 storage, so the root volume has no other line."),
        new(Gp3Storage, "EBS gp3 volume storage", "GB-month", 0.08, 0, "us-east-1", "https://cal53.calculator.city/aws-calculate-ebs-volume/", ReadOn, PriceEvidence.SecondarySource,
            $"$0.08 per GB-month \"as of Q3 2023 for US East region\" as quoted by this page; {EbsPricing} could not be read. 3,000 IOPS and 125 MiB/s come with gp3 storage."),
        new(InstanceKey("t3.medium"), "EC2 t3.medium, Linux, on-demand", "hour", 0.0416, 0, null,
            "https://hacecuentas.com/en/costo-servidor-cloud-aws-ec2-mensual", ReadOn, PriceEvidence.SecondarySource,
            $"$0.0416 an hour as quoted by this page, which cites {Ec2OnDemand} and names no Region."),
        new(InstanceKey("t3.medium"), "EC2 t3.medium, Linux, on-demand", "hour", 0.0528, 0, "ap-southeast-1", May2025Bill, ReadOn, PriceEvidence.AwsBill,
            "Bill line: \"$0.0528 per On Demand Linux t3.medium Instance Hour\" (Asia Pacific (Singapore))."),
        new(InstanceKey("t2.medium"), "EC2 t2.medium, Linux, on-demand", "hour", 0.0584, 0, "ap-southeast-1", May2025Bill, ReadOn, PriceEvidence.AwsBill,
            "Bill line: \"$0.0584 per On Demand Linux t2.medium Instance Hour\" (Asia Pacific (Singapore))."),
        new(InstanceKey("t2.medium"), "EC2 t2.medium, Linux, on-demand", "hour", 0.0464, 0, "us-east-1", "https://www.concurrencylabs.com/blog/5-steps-for-finding-optimal-ec2-infrastructure/", ReadOn, PriceEvidence.SecondarySource,
            $"\"$0.0464 per On Demand Linux t2.medium Instance Hour\" in US East (N. Virginia), as this page computed it with AWS's Price List API; {Ec2OnDemand} could not be read."),
    ];

    /// <summary>
    /// The price of this key in this Region: the row for the Region, else the row whose source names no Region, else the
    /// <see cref="FallbackRegion"/>'s row (the plan names it). A key with none of those is unpriced: an explicit not-found row,
    /// never another Region's price.
    /// </summary>
    public static Price Find(string key, string region)
    {
        var rows = All.Where(price => price.Key == key).ToList();
        return rows.FirstOrDefault(price => price.Region == region)
            ?? rows.FirstOrDefault(price => price.Region is null)
            ?? rows.FirstOrDefault(price => price.Region == FallbackRegion)
            ?? NotFound(key, region, rows);
    }

    /// <summary>The unpriced row for a key the table has no usable row for; <paramref name="otherRegions"/> are its rows for other Regions.</summary>
    internal static Price NotFound(string key, string region, IReadOnlyList<Price> otherRegions)
    {
        var unit = otherRegions.FirstOrDefault()?.Unit ?? (key.StartsWith("ec2.", StringComparison.Ordinal) ? "hour" : "unit");
        var description = otherRegions.FirstOrDefault()?.Description ?? key;
        var note = otherRegions.Count == 0
            ? "No row in the price table."
            : $"The table has it only for {string.Join(", ", otherRegions.Select(price => price.Region))}.";
        return new Price(key, description, unit, null, 0, region, key.StartsWith("ec2.", StringComparison.Ordinal) ? Ec2OnDemand : "https://aws.amazon.com/pricing/",
            ReadOn, PriceEvidence.NotFound, note);
    }
}
