using Infra.Core.Cost;

namespace Infra.Core.Tests.Cost;

/// <summary>
/// The monthly cost of the preset stacks at the reference traffic (POST /chat 50/s, GET /health 45/s,
/// GET /static/* 5/s: 259,200,000 requests in a 30-day month, 129,600,000 of them to the Lambda-backed /chat),
/// next to the article's setup, worked out by hand. Prices as cited in <see cref="MonthlyCostTests"/>; sizes are the
/// plan's stated assumptions (400 B per access log line, 550 B per invocation, 1 MB per collector host a day,
/// 9 spans of 1,500 B per /chat trace, 4 signals per /chat request).
/// </summary>
public class StackMonthlyCostTests
{
    private static CostLine Line(SetupCost cost, string key) => Assert.Single(cost.Lines, line => line.Key == key);

    [Fact]
    public void ArticleRecordsWhatXRaysDefaultRuleWould()
    {
        // Default rule (https://docs.aws.amazon.com/xray/latest/devguide/xray-console-sampling.html): 1 request/s + 5 % of
        // the rest: 1 + 0.05 × 99 = 5.95 traces/s × 2,592,000 s = 15,422,400; (15,422,400 − 100,000) × $5/M = $76.612.
        var article = TestStacks.Blueprint("dev").MonthlyCost.Article;
        var traces = Line(article, "xray.traces-recorded");
        Assert.Equal(15_422_400, traces.Quantity, 3);
        Assert.Equal(76.612, traces.MonthlyUsd!.Value, 6);
    }

    [Fact]
    public void ArticleRunsOneT2MediumHostWhosePriceWasNotFound()
    {
        var article = TestStacks.Blueprint("prod").MonthlyCost.Article;
        var hosts = Line(article, "collector.hosts");
        Assert.Equal("ec2.t2.medium", hosts.PriceKey);
        Assert.Equal(720, hosts.Quantity);
        Assert.Null(hosts.MonthlyUsd);
    }

    [Fact]
    public void ArticleHasNoInsightsTransactionSearchApplicationSignalsAlarmsOrDashboard()
    {
        var article = TestStacks.Blueprint("prod").MonthlyCost.Article;
        foreach (var key in new[] { "xray.insights", "transaction-search.span-ingestion", "transaction-search.span-indexing", "application-signals", "cloudwatch.alarms", "cloudwatch.dashboards" })
        {
            Assert.Equal(0, Line(article, key).Quantity);
        }
    }

    [Fact]
    public void ArticleLogGroupsNeverExpireAndHaveNoAccessLog()
    {
        // Two functions × 129,600,000 invocations × 550 B = 142.56 GB, collector 1 host × 1 MB × 30 = 0.03 GB: 142.59 GB.
        // Ingestion (142.59 − 5) × $0.50 = $68.795; after 12 months 1,711.08 GB stored, (1,711.08 − 5) × $0.03 = $51.1824.
        var article = TestStacks.Blueprint("dev").MonthlyCost.Article;
        Assert.Equal(142.59, Line(article, "logs.ingestion").Quantity, 6);
        Assert.Equal(68.795, Line(article, "logs.ingestion").MonthlyUsd!.Value, 6);
        Assert.Equal(1711.08, Line(article, "logs.storage").Quantity, 6);
        Assert.Equal(51.1824, Line(article, "logs.storage").MonthlyUsd!.Value, 6);
    }

    [Fact]
    public void DevLogsAreItsAccessFunctionAndCollectorGroupsKeptSevenDays()
    {
        // Access log 259,200,000 × 400 B = 103.68 GB, functions 2 × 71.28 GB, collector 0.03 GB: 246.27 GB.
        // Ingestion (246.27 − 5) × $0.50 = $120.635. Kept 7 days: 246.27 / 30 × 7 = 57.463 GB, (57.463 − 5) × $0.03 = $1.57389.
        var stack = TestStacks.Blueprint("dev").MonthlyCost.Stack;
        Assert.Equal(246.27, Line(stack, "logs.ingestion").Quantity, 6);
        Assert.Equal(120.635, Line(stack, "logs.ingestion").MonthlyUsd!.Value, 6);
        Assert.Equal(57.463, Line(stack, "logs.storage").Quantity, 6);
        Assert.Equal(1.57389, Line(stack, "logs.storage").MonthlyUsd!.Value, 6);
    }

    [Fact]
    public void LongerRetentionStoresMore()
    {
        // The same 246.27 GB kept 30 days: 246.27 GB stored, (246.27 − 5) × $0.03 = $7.2381.
        var stack = TestStacks.Blueprint("dev",
            ("api", """{"logRetentionDays":30}"""),
            ("lambda", """{"logRetentionDays":30}"""),
            ("collector", """{"logRetentionDays":30}""")).MonthlyCost.Stack;
        Assert.Equal(246.27, Line(stack, "logs.storage").Quantity, 6);
        Assert.Equal(7.2381, Line(stack, "logs.storage").MonthlyUsd!.Value, 6);
    }

    [Fact]
    public void ProdPaysInsightsOnEveryTraceItRecords()
    {
        // prod: /chat on its critical rule, 1/s + 0.5 % of the rest: 1 + 0.005 × 49 = 1.245 traces/s; routine paths 0.
        // 1.245 × 2,592,000 = 3,227,040 traces: recorded (3,227,040 − 100,000) × $5/M = $15.6352; Insights × $1/M = $3.22704.
        var stack = TestStacks.Blueprint("prod").MonthlyCost.Stack;
        Assert.Equal(3_227_040, Line(stack, "xray.insights").Quantity, 3);
        Assert.Equal(3.22704, Line(stack, "xray.insights").MonthlyUsd!.Value, 6);
        Assert.Equal(15.6352, Line(stack, "xray.traces-recorded").MonthlyUsd!.Value, 6);
    }

    [Fact]
    public void DevHasNoInsights() =>
        Assert.Equal(0, Line(TestStacks.Blueprint("dev").MonthlyCost.Stack, "xray.insights").Quantity);

    [Fact]
    public void ProdRunsTwoT3MediumHostsWithTheirRootVolumes()
    {
        // 2 × 720 h × $0.0416 = $59.904; two 30 GiB gp3 root volumes from the launch template.
        var stack = TestStacks.Blueprint("prod").MonthlyCost.Stack;
        Assert.Equal(59.904, Line(stack, "collector.hosts").MonthlyUsd!.Value, 6);
        Assert.Equal(60, Line(stack, "collector.root-volumes").Quantity);
    }

    [Fact]
    public void NoCollectorNoHostsAndNoCollectorLogs()
    {
        var cost = TestStacks.Blueprint("dev", ("collector", """{"enabled":false}""")).MonthlyCost.Stack;
        Assert.Equal(0, Line(cost, "collector.hosts").Quantity);
        Assert.Equal(0, Line(cost, "collector.root-volumes").Quantity);
        // 103.68 + 2 × 71.28 GB, without the collector's 0.03 GB.
        Assert.Equal(246.24, Line(cost, "logs.ingestion").Quantity, 6);
    }

    [Fact]
    public void TransactionSearchReplacesTracesRecordedWithSpans()
    {
        // 1.245 /chat traces/s × 9 spans × 2,592,000 s = 29,043,360 spans × 1,500 B = 43.56504 GB; 10 % indexed.
        var stack = TestStacks.Blueprint("prod", ("transactionSearch", """{"enabled":true,"indexingPercentage":10}""")).MonthlyCost.Stack;
        Assert.Equal(0, Line(stack, "xray.traces-recorded").Quantity);
        Assert.Equal(43.56504, Line(stack, "transaction-search.span-ingestion").Quantity, 6);
        Assert.Equal(2_904_336, Line(stack, "transaction-search.span-indexing").Quantity, 3);
    }

    [Fact]
    public void DistroLayersCountApplicationSignals()
    {
        // 129,600,000 /chat requests × 4 signals = 518,400,000.
        var stack = TestStacks.Blueprint("dev", ("lambda", """{"flavor":"distro"}""")).MonthlyCost.Stack;
        Assert.Equal(518_400_000, Line(stack, "application-signals").Quantity, 3);
    }

    [Fact]
    public void AKnowledgeBaseLookupIsOneMoreSignal()
    {
        // 129,600,000 × 5 = 648,000,000.
        var stack = TestStacks.Blueprint("dev", ("lambda", """{"flavor":"distro"}"""), ("app", """{"knowledgeBaseId":"ABCDEFGHIJ"}""")).MonthlyCost.Stack;
        Assert.Equal(648_000_000, Line(stack, "application-signals").Quantity, 3);
    }

    [Fact]
    public void LegacyLayersHaveNoApplicationSignals() =>
        Assert.Equal(0, Line(TestStacks.Blueprint("dev", ("lambda", """{"flavor":"legacy"}""")).MonthlyCost.Stack, "application-signals").Quantity);

    [Fact]
    public void InSingaporeBothSetupsUseTheSingaporePrices()
    {
        // The May 2025 bill's Asia Pacific (Singapore) lines: t3.medium $0.0528/h, t2.medium $0.0584/h, gp3 $0.096/GB-month,
        // logs ingested $0.70/GB. prod: 2 × 720 h × $0.0528 = $76.032; the article: 720 h × $0.0584 = $42.048;
        // root volumes 2 × 30 GB × $0.096 = $5.76.
        var cost = TestStacks.Blueprint("prod", ("aws:region", "ap-southeast-1"), ("aws-native:region", "ap-southeast-1")).MonthlyCost;
        Assert.Equal(76.032, Line(cost.Stack, "collector.hosts").MonthlyUsd!.Value, 6);
        Assert.Equal(42.048, Line(cost.Article, "collector.hosts").MonthlyUsd!.Value, 6);
        Assert.Equal(5.76, Line(cost.Stack, "collector.root-volumes").MonthlyUsd!.Value, 6);
        Assert.Equal(0.70, Assert.Single(cost.Prices, price => price.Key == Prices.LogsIngestion).UsdPerUnit!.Value, 9);
        Assert.Contains("ap-southeast-1 prices:", cost.RegionNote);
    }

    [Fact]
    public void InOregonTheArticlesT2MediumIsUnpricedRatherThanPricedFromSingapore()
    {
        var cost = TestStacks.Blueprint("prod").MonthlyCost;
        Assert.Null(Line(cost.Article, "collector.hosts").MonthlyUsd);
        Assert.Contains("ap-southeast-1", Assert.Single(cost.Prices, price => price.Key == "ec2.t2.medium").Note);
    }

    [Fact]
    public void APriceForAnotherRegionIsNamedInTheRegionNote()
    {
        // gp3 is priced only for ap-southeast-1 and us-east-1: an Oregon stack takes us-east-1's and says so.
        var cost = TestStacks.Blueprint("prod").MonthlyCost;
        Assert.Equal("us-east-1", Assert.Single(cost.Prices, price => price.Key == Prices.Gp3Storage).Region);
        Assert.Contains("ebs.gp3 (us-east-1)", cost.RegionNote);
        Assert.Contains("us-west-2 prices: logs.ingestion", cost.RegionNote);
    }

    [Fact]
    public void AlarmsAndDashboardsAreCountedFromWhatTheStackDefines()
    {
        // 12 alarms: (12 − 10 free) × $0.10 = $0.20; 4 dashboards: (4 − 3 free) × $3.00 = $3.00. The article has neither.
        var blueprint = TestStacks.Blueprint("prod");
        var cost = MonthlyCostBuilder.Build(blueprint.Settings, blueprint.Cost, blueprint.Api, blueprint.Collector, blueprint.Functions, blueprint.Queues, blueprint.Sampling, new MonitoringCounts(12, 4));
        Assert.Equal(0.20, Line(cost.Stack, "cloudwatch.alarms").MonthlyUsd!.Value, 9);
        Assert.Equal(3.00, Line(cost.Stack, "cloudwatch.dashboards").MonthlyUsd!.Value, 9);
        Assert.Equal(0, Line(cost.Article, "cloudwatch.alarms").Quantity);
    }

    [Fact]
    public void ThePlanListsEveryPriceItUsesWithItsSource()
    {
        var cost = TestStacks.Blueprint("prod").MonthlyCost;
        var used = cost.Stack.Lines.Concat(cost.Article.Lines).Select(line => line.PriceKey).ToHashSet();
        Assert.Equal(used.Order(StringComparer.Ordinal), cost.Prices.Select(price => price.Key));
        Assert.All(cost.Prices, price => Assert.StartsWith("https://", price.Source, StringComparison.Ordinal));
    }
}
