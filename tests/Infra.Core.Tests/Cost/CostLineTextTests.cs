using Infra.Core.Cost;
using Infra.Core.Settings;

namespace Infra.Core.Tests.Cost;

/// <summary>
/// What each billed line says beside its number: the item, and how the quantity was arrived at, both for a setup that
/// uses everything and for one that uses nothing. Quantities are worked out by hand in the comments.
/// </summary>
public class CostLineTextTests
{
    private const string Region = "us-west-2";

    private static readonly SetupUsage Everything = new(
        "all", "the test rules", TracesPerMonth: 2_100_000, InsightsEnabled: true, TransactionSearchEnabled: true, IndexingPercentage: 5,
        SpansPerMonth: 10_000_000, SpanGbPerMonth: 15, ApplicationSignalsEnabled: true, SignalsPerMonth: 1_000_000, InstanceType: "t3.medium",
        Hosts: 2, RootVolumeGiB: 30,
        LogGroups: [new LogGroupUsage("/a", 8, 30, "a's basis"), new LogGroupUsage("/b", 10, null, "b's basis"), new LogGroupUsage("/c", 4, 30, "c's basis", LogGroupClass.InfrequentAccess)],
        Alarms: 12, Dashboards: 4, CustomMetrics: [new MetricUsage("api", 14)], SloSignalsPerMonth: 172_800);

    private static readonly SetupUsage Nothing = new(
        "none", "the test rules", TracesPerMonth: 0, InsightsEnabled: false, TransactionSearchEnabled: false, IndexingPercentage: 5,
        SpansPerMonth: 10_000_000, SpanGbPerMonth: 15, ApplicationSignalsEnabled: false, SignalsPerMonth: 1_000_000, InstanceType: null,
        Hosts: 2, RootVolumeGiB: 30, LogGroups: [], Alarms: 0, Dashboards: 0);

    private static IEnumerable<(string Key, string Item, string Basis)> Texts(SetupUsage usage) =>
        MonthlyCostModel.Price(usage, Region).Lines.Select(line => (line.Key, line.Item, line.Basis));

    [Fact]
    public void ASetupUsingEverythingSaysWhereEachQuantityComesFrom() =>
        Assert.Equal(
            [
                ("xray.traces-recorded", "X-Ray traces recorded", "0: with Transaction Search on, spans are billed as ingested logs instead"),
                ("xray.insights", "X-Ray Insights traces processed", "every recorded trace: the stack's X-Ray group with Insights covers all of them"),
                ("transaction-search.span-ingestion", "Transaction Search span ingestion", "10000000 spans of the recorded traces"),
                ("transaction-search.span-indexing", "Transaction Search span indexing", "5 % of ingested spans, 1 % free"),
                ("application-signals", "Application Signals (functions)", "0: bundled into Transaction Search's span ingestion"),
                ("application-signals.slos", "Application Signals (SLOs)", "2 signals per SLO and SLI period (see assumptions)"),
                ("cloudwatch.custom-metrics", "CloudWatch custom metrics", "api: 14"),
                ("collector.hosts", "Collector hosts", "2 × t3.medium × 720 h, on-demand"),
                ("collector.root-volumes", "Collector root volumes (gp3)", "2 × 30 GiB"),
                ("logs.ingestion", "CloudWatch Logs ingestion (Standard)", "/a: a's basis; /b: b's basis"),
                ("logs.ingestion-ia", "CloudWatch Logs ingestion (Infrequent Access)", "/c: c's basis"),
                ("logs.storage", "CloudWatch Logs storage", "/a: 30 days kept; /b: never expires, shown after 12 months; /c: 30 days kept"),
                ("cloudwatch.alarms", "CloudWatch alarms", "12 standard-resolution alarm metrics"),
                ("cloudwatch.dashboards", "CloudWatch dashboards", "4 dashboards"),
            ],
            Texts(Everything));

    [Fact]
    public void ASetupUsingNothingSaysWhyEachLineIsEmpty() =>
        Assert.Equal(
            [
                ("xray.traces-recorded", "the test rules"),
                ("xray.insights", "Insights off"),
                ("transaction-search.span-ingestion", "Transaction Search off"),
                ("transaction-search.span-indexing", "Transaction Search off"),
                ("application-signals", "Application Signals off"),
                ("application-signals.slos", "no SLOs"),
                ("cloudwatch.custom-metrics", "none"),
                ("collector.hosts", "no collector"),
                ("collector.root-volumes", "no collector"),
                ("logs.ingestion", "no log group in this class"),
                ("logs.ingestion-ia", "no log group in this class"),
                ("logs.storage", ""),
                ("cloudwatch.alarms", "no alarms defined"),
                ("cloudwatch.dashboards", "no dashboard defined"),
            ],
            Texts(Nothing).Select(text => (text.Key, text.Basis)));

    [Fact]
    public void SwitchedOffFeaturesUseNothingEvenWithUsageAtHand()
    {
        // Nothing carries 10,000,000 spans (15 GB), 1,000,000 signals and 2 hosts of 30 GiB, but Transaction Search and
        // Application Signals are off and there is no collector: every line is 0 and costs 0.
        var cost = MonthlyCostModel.Price(Nothing, Region);
        Assert.All(cost.Lines, line => Assert.Equal((0.0, 0.0, (double?)0), (line.Quantity, line.FreeQuantity, line.MonthlyUsd)));
        Assert.Empty(cost.Unpriced);
        Assert.Equal(0, cost.PricedUsd);
        Assert.Equal("none", cost.Name);
    }

    [Fact]
    public void EachLineIsPricedFromItsKeyAndCarriesItsUnit()
    {
        var lines = MonthlyCostModel.Price(Everything, Region).Lines;
        Assert.Equal(
            [
                ("xray.traces-recorded", "trace"), ("xray.insights-traces-processed", "trace"), ("transaction-search.span-ingestion", "GB"),
                ("transaction-search.span-indexing", "span"), ("application-signals.signals", "signal"), ("application-signals.signals", "signal"),
                ("cloudwatch.custom-metric", "metric-month"), ("ec2.t3.medium", "hour"),
                ("ebs.gp3", "GB-month"), ("logs.ingestion", "GB"), ("logs.ingestion-ia", "GB"), ("logs.storage", "GB-month"), ("cloudwatch.standard-alarm", "alarm-month"),
                ("cloudwatch.dashboard", "dashboard-month"),
            ],
            lines.Select(line => (line.PriceKey, line.Unit)));
    }

    [Fact]
    public void WithoutACollectorTheHostsLineIsPricedFromNoInstanceType() =>
        Assert.Equal("ec2.none", Assert.Single(MonthlyCostModel.Price(Nothing, Region).Lines, line => line.Key == "collector.hosts").PriceKey);

    [Fact]
    public void EverythingTotalsEveryLineAndNoneIsUnpriced()
    {
        // us-west-2, the setup using everything:
        //   traces recorded: 0 (Transaction Search on)
        //   Insights: 2,100,000 × $0.000001 = $2.10
        //   span ingestion: 15 GB × $0.35 = $5.25; indexing: 5 % of 10,000,000 = 500,000 − 100,000 free (1 %) = 400,000 × $0.00000075 = $0.30
        //   Application Signals of the functions: bundled into span ingestion with Transaction Search; SLOs: 172,800 × $0.0000015 = $0.2592
        //   custom metrics: (14 − 10) × $0.30 = $1.20
        //   hosts: 2 × 720 h × $0.0416 = $59.904
        //   root volumes: 60 GB-month × $0.08 (us-east-1, the fallback) = $4.80
        //   logs ingested: Standard 18 GB − 5 free = 13 × $0.50 = $6.50; Infrequent Access 4 GB × $0.25 = $1.00
        //   logs stored: /a 8 GB kept 30 days = 8 GB, /b 10 GB × 12 months = 120 GB, /c 4 GB: 132 − 5 free = 127 × $0.03 = $3.81
        //   alarms: (12 − 10) × $0.10 = $0.20; dashboards: (4 − 3) × $3 = $3.00
        //   total: 2.10 + 5.25 + 0.30 + 0.2592 + 1.20 + 59.904 + 4.80 + 6.50 + 1.00 + 3.81 + 0.20 + 3.00 = $88.3232
        var cost = MonthlyCostModel.Price(Everything, Region);
        Assert.Equal(88.3232, cost.PricedUsd, 9);
        Assert.Empty(cost.Unpriced);
        Assert.Equal("all", cost.Name);
    }
}
