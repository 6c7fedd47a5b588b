using Infra.Core.Cost;
using Infra.Core.Settings;

namespace Infra.Core.Tests.Cost;

/// <summary>
/// Each billed line against the price its page states, worked out by hand here, for us-west-2:
/// X-Ray: $5.00 per million traces recorded after 100,000 free a month; Insights: $0.000001 per trace processed
/// (https://aws.amazon.com/de/xray/pricing/, https://aws.amazon.com/cn/xray/pricing/, read 2026-11-26).
/// CloudWatch free tier: 10 standard alarm metrics, 3 dashboards (https://aws.amazon.com/cloudwatch/pricing/, read
/// 2026-11-26); logs: 5 GB ingested and 5 GB-months stored, each free, and $0.50 per GB ingested in US West (Oregon)
/// (an AWS bill for May 2025: "First 5GB per month of log data ingested is free.", "First 5GB-mo per month of logs
/// storage is free.", https://github.com/rahmat-ullah/DocParser/blob/d890afd0132a77830a6244c67d434f21a08058f8/backend/sample_full_document.md).
/// Storage $0.03/GB-month, alarms $0.10, dashboards $3, t3.medium $0.0416/h as quoted by the pages the price table cites.
/// Transaction Search indexes 1 % of spans for free
/// (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Enable-TransactionSearch.html).
/// AWS's price list for CloudWatch in us-east-1 as a third party recorded it (retrieved 2025-10-28): Application Signals $1.50
/// per million signals (first 100 million), span ingestion $0.35 per GB, spans indexed $0.00000075 each, custom metrics
/// $0.30 a month (10 free, https://aws.amazon.com/cloudwatch/pricing/), Infrequent Access log ingestion $0.25 per GB
/// ("a 50% lower per GB ingestion price" than Standard's $0.50,
/// https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/CloudWatch_Logs_Log_Classes.html). t2.medium $0.0464 an hour in
/// US East (N. Virginia) (https://www.concurrencylabs.com/blog/5-steps-for-finding-optimal-ec2-infrastructure/).
/// </summary>
public class MonthlyCostTests
{
    private const string Region = "us-west-2";

    private static SetupUsage Usage(
        double traces = 0,
        bool insights = false,
        bool transactionSearch = false,
        double indexing = 1,
        double spans = 0,
        double spanGb = 0,
        bool applicationSignals = false,
        double signals = 0,
        string? instanceType = null,
        int hosts = 0,
        int rootGiB = 0,
        IReadOnlyList<LogGroupUsage>? logs = null,
        int alarms = 0,
        int dashboards = 0,
        IReadOnlyList<MetricUsage>? metrics = null,
        double sloSignals = 0) =>
        new("test", "test rules", traces, insights, transactionSearch, indexing, spans, spanGb, applicationSignals, signals, instanceType, hosts, rootGiB, logs ?? [], alarms, dashboards, metrics, sloSignals);

    private static CostLine Line(SetupCost cost, string key) => Assert.Single(cost.Lines, line => line.Key == key);

    [Fact]
    public void TracesRecordedCostFiveDollarsPerMillionAfterTheFreeHundredThousand()
    {
        // (2,100,000 − 100,000) × $5 / 1,000,000 = $10.00
        var line = Line(MonthlyCostModel.Price(Usage(traces: 2_100_000), Region), "xray.traces-recorded");
        Assert.Equal(10.00, line.MonthlyUsd!.Value, 9);
        Assert.Equal(100_000, line.FreeQuantity);
    }

    [Fact]
    public void TracesWithinTheFreeTierCostNothing() =>
        Assert.Equal(0, Line(MonthlyCostModel.Price(Usage(traces: 90_000), Region), "xray.traces-recorded").MonthlyUsd!.Value, 9);

    [Fact]
    public void InsightsChargesEveryRecordedTraceWithoutAFreeTier()
    {
        // 3,000,000 × $0.000001 = $3.00; the page's example charges all 148,800 traces, no allowance.
        Assert.Equal(3.00, Line(MonthlyCostModel.Price(Usage(traces: 3_000_000, insights: true), Region), "xray.insights").MonthlyUsd!.Value, 9);
    }

    [Fact]
    public void InsightsOffCostsNothing()
    {
        var line = Line(MonthlyCostModel.Price(Usage(traces: 3_000_000, insights: false), Region), "xray.insights");
        Assert.Equal(0, line.Quantity);
        Assert.Equal(0, line.MonthlyUsd!.Value);
    }

    [Fact]
    public void LogsIngestionAndStorageEachHaveFiveGbFree()
    {
        // 8 GB a month kept 30 days: 8 GB ingested, (8 − 5) × $0.50 = $1.50; 8 GB stored, (8 − 5) × $0.03 = $0.09.
        var cost = MonthlyCostModel.Price(Usage(logs: [new LogGroupUsage("g", 8, 30, "")]), Region);
        Assert.Equal(1.50, Line(cost, "logs.ingestion").MonthlyUsd!.Value, 9);
        Assert.Equal(0.09, Line(cost, "logs.storage").MonthlyUsd!.Value, 9);
    }

    [Fact]
    public void LogsWithinBothAllowancesCostNothing()
    {
        var cost = MonthlyCostModel.Price(Usage(logs: [new LogGroupUsage("g", 4, 30, "")]), Region);
        Assert.Equal(0, Line(cost, "logs.ingestion").MonthlyUsd!.Value, 9);
        Assert.Equal(0, Line(cost, "logs.storage").MonthlyUsd!.Value, 9);
    }

    [Fact]
    public void StorageHoldsWhatArrivesInTheRetentionPeriod()
    {
        // 105 GB a month kept 7 days: 105 / 30 × 7 = 24.5 GB stored. Ingestion (105 − 5) × $0.50 = $50.00;
        // storage (24.5 − 5) × $0.03 = $0.585.
        var cost = MonthlyCostModel.Price(Usage(logs: [new LogGroupUsage("g", 105, 7, "")]), Region);
        Assert.Equal(50.00, Line(cost, "logs.ingestion").MonthlyUsd!.Value, 9);
        Assert.Equal(24.5, Line(cost, "logs.storage").Quantity, 9);
        Assert.Equal(0.585, Line(cost, "logs.storage").MonthlyUsd!.Value, 9);
    }

    [Fact]
    public void ALogGroupThatNeverExpiresIsShownAfterAYear()
    {
        // 10 GB a month for 12 months: 120 GB stored, (120 − 5) × $0.03 = $3.45; ingestion (10 − 5) × $0.50 = $2.50.
        var cost = MonthlyCostModel.Price(Usage(logs: [new LogGroupUsage("g", 10, null, "")]), Region);
        Assert.Equal(120, Line(cost, "logs.storage").Quantity, 9);
        Assert.Equal(3.45, Line(cost, "logs.storage").MonthlyUsd!.Value, 9);
        Assert.Equal(2.50, Line(cost, "logs.ingestion").MonthlyUsd!.Value, 9);
    }

    [Fact]
    public void CollectorHostsAreHoursOfTheInstanceTypeOnDemand()
    {
        // 2 hosts × 720 h × $0.0416 = $59.904
        var line = Line(MonthlyCostModel.Price(Usage(instanceType: "t3.medium", hosts: 2, rootGiB: 30), Region), "collector.hosts");
        Assert.Equal(1440, line.Quantity);
        Assert.Equal(59.904, line.MonthlyUsd!.Value, 9);
    }

    [Fact]
    public void AnInstanceTypeWithoutAKnownPriceIsUnpricedNotFree()
    {
        var cost = MonthlyCostModel.Price(Usage(traces: 2_100_000, instanceType: "m7i.large", hosts: 1, rootGiB: 0), Region);
        var hosts = Line(cost, "collector.hosts");
        Assert.Equal(720, hosts.Quantity);
        Assert.Null(hosts.MonthlyUsd);
        Assert.Contains(cost.Unpriced, item => item.Contains("m7i.large", StringComparison.Ordinal));
        // The total holds only the priced lines: here the $10.00 of traces.
        Assert.Equal(10.00, cost.PricedUsd, 9);
    }

    [Fact]
    public void RootVolumesAreEachHostsGibibytes()
    {
        var line = Line(MonthlyCostModel.Price(Usage(instanceType: "t3.medium", hosts: 3, rootGiB: 30), Region), "collector.root-volumes");
        Assert.Equal(90, line.Quantity);
        Assert.Equal("GB-month", line.Unit);
    }

    [Fact]
    public void TransactionSearchBillsSpansInsteadOfTracesRecorded()
    {
        var cost = MonthlyCostModel.Price(Usage(traces: 2_100_000, transactionSearch: true, indexing: 5, spans: 10_000_000, spanGb: 15), Region);
        Assert.Equal(0, Line(cost, "xray.traces-recorded").MonthlyUsd!.Value);
        Assert.Equal(15, Line(cost, "transaction-search.span-ingestion").Quantity, 9);
        // 5 % of 10,000,000 spans indexed = 500,000, of which 1 % of all spans (100,000) is free.
        var indexing = Line(cost, "transaction-search.span-indexing");
        Assert.Equal(500_000, indexing.Quantity, 6);
        Assert.Equal(100_000, indexing.FreeQuantity, 6);
    }

    [Fact]
    public void IndexingOnlyTheFreeOnePercentLeavesNothingToPrice()
    {
        var cost = MonthlyCostModel.Price(Usage(transactionSearch: true, indexing: 1, spans: 10_000_000, spanGb: 15), Region);
        Assert.Equal(0, Line(cost, "transaction-search.span-indexing").MonthlyUsd!.Value, 9);
        Assert.Empty(cost.Unpriced);
    }

    [Fact]
    public void SpansCostThirtyFiveCentsPerGbAndIndexingBeyondOnePercentSeventyFiveCentsPerMillion()
    {
        // 15 GB × $0.35 = $5.25; 5 % of 10,000,000 = 500,000 indexed, 100,000 free: 400,000 × $0.00000075 = $0.30.
        var cost = MonthlyCostModel.Price(Usage(traces: 2_100_000, transactionSearch: true, indexing: 5, spans: 10_000_000, spanGb: 15), Region);
        Assert.Equal(5.25, Line(cost, "transaction-search.span-ingestion").MonthlyUsd!.Value, 9);
        Assert.Equal(0.30, Line(cost, "transaction-search.span-indexing").MonthlyUsd!.Value, 9);
    }

    [Fact]
    public void InfrequentAccessGroupsAreIngestedAtHalfTheStandardPriceWithoutTheFreeTier()
    {
        // Standard 8 GB: (8 − 5) × $0.50 = $1.50. Infrequent Access 20 GB: 20 × $0.25 = $5.00. Storage of both at one price:
        // 28 GB kept 30 days, (28 − 5) × $0.03 = $0.69.
        var cost = MonthlyCostModel.Price(Usage(logs: [new LogGroupUsage("s", 8, 30, ""), new LogGroupUsage("ia", 20, 30, "", LogGroupClass.InfrequentAccess)]), Region);
        Assert.Equal(1.50, Line(cost, "logs.ingestion").MonthlyUsd!.Value, 9);
        Assert.Equal(5.00, Line(cost, "logs.ingestion-ia").MonthlyUsd!.Value, 9);
        Assert.Equal(0.69, Line(cost, "logs.storage").MonthlyUsd!.Value, 9);
    }

    [Fact]
    public void CustomMetricsCostThirtyCentsAMonthBeyondTheFreeTen()
    {
        // 14 + 2 = 16 metrics: (16 − 10) × $0.30 = $1.80.
        var cost = MonthlyCostModel.Price(Usage(metrics: [new MetricUsage("api", 14), new MetricUsage("filters", 2)]), Region);
        Assert.Equal(16, Line(cost, "cloudwatch.custom-metrics").Quantity);
        Assert.Equal(1.80, Line(cost, "cloudwatch.custom-metrics").MonthlyUsd!.Value, 9);
    }

    [Fact]
    public void SloSignalsArePricedPerSignal()
    {
        // 172,800 signals × $1.50 / 1,000,000 = $0.2592.
        Assert.Equal(0.2592, Line(MonthlyCostModel.Price(Usage(sloSignals: 172_800), Region), "application-signals.slos").MonthlyUsd!.Value, 9);
    }

    [Fact]
    public void TheArticlesT2MediumInOregonTakesUsEast1sPrice()
    {
        // 720 h × $0.0464 = $33.408
        Assert.Equal(33.408, Line(MonthlyCostModel.Price(Usage(instanceType: "t2.medium", hosts: 1), Region), "collector.hosts").MonthlyUsd!.Value, 9);
    }

    [Fact]
    public void AlarmsAndDashboardsBeyondTheFreeTier()
    {
        // (12 − 10) × $0.10 = $0.20; (4 − 3) × $3.00 = $3.00
        var cost = MonthlyCostModel.Price(Usage(alarms: 12, dashboards: 4), Region);
        Assert.Equal(0.20, Line(cost, "cloudwatch.alarms").MonthlyUsd!.Value, 9);
        Assert.Equal(3.00, Line(cost, "cloudwatch.dashboards").MonthlyUsd!.Value, 9);
    }

    [Fact]
    public void AlarmsAndDashboardsWithinTheFreeTierCostNothing()
    {
        var cost = MonthlyCostModel.Price(Usage(alarms: 10, dashboards: 3), Region);
        Assert.Equal(0, Line(cost, "cloudwatch.alarms").MonthlyUsd!.Value, 9);
        Assert.Equal(0, Line(cost, "cloudwatch.dashboards").MonthlyUsd!.Value, 9);
    }

    [Fact]
    public void ApplicationSignalsCostADollarFiftyPerMillionSignals()
    {
        // 4,000,000 × $1.50 / 1,000,000 = $6.00; the first-time trial is not counted.
        var line = Line(MonthlyCostModel.Price(Usage(applicationSignals: true, signals: 4_000_000), Region), "application-signals");
        Assert.Equal(4_000_000, line.Quantity);
        Assert.Equal(6.00, line.MonthlyUsd!.Value, 9);
    }

    [Fact]
    public void ApplicationSignalsOffOrBundledIntoTransactionSearchCountsNoSignal()
    {
        Assert.Equal(0, Line(MonthlyCostModel.Price(Usage(applicationSignals: false, signals: 4_000_000), Region), "application-signals").Quantity);
        Assert.Equal(0, Line(MonthlyCostModel.Price(Usage(applicationSignals: true, signals: 4_000_000, transactionSearch: true), Region), "application-signals").Quantity);
    }

    [Fact]
    public void EveryLineIsThereEvenWhenUnused()
    {
        var keys = MonthlyCostModel.Price(Usage(), Region).Lines.Select(line => line.Key);
        Assert.Equal(
            [
                "xray.traces-recorded", "xray.insights", "transaction-search.span-ingestion", "transaction-search.span-indexing",
                "application-signals", "application-signals.slos", "cloudwatch.custom-metrics", "collector.hosts", "collector.root-volumes",
                "logs.ingestion", "logs.ingestion-ia", "logs.storage", "cloudwatch.alarms", "cloudwatch.dashboards",
            ],
            keys);
    }
}
