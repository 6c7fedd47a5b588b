using Infra.Core.Cost;

namespace Infra.Core.Tests.Cost;

/// <summary>
/// The monthly cost of the preset stacks at their preset traffic (prod: POST /chat 50/s, GET /health 45/s: 246,240,000
/// requests in a 30-day month, 129,600,000 of them to the chatbot, whose every invocation queues one message for the
/// consumer), next to the article's setup, worked out by hand. Prices as cited in <see cref="MonthlyCostTests"/>; sizes are
/// the plan's stated assumptions (186 B per access log line, 616 B of JSON system lines and 236 B of handler line per
/// invocation, 457 B per invocation in Text, 1 MB per collector host a day, 4 spans of 1,500 B per function a trace reaches).
/// </summary>
public class StackMonthlyCostTests
{
    /// <summary>The hand-worked figures here take the consumer unbatched (app.batchingWindowSeconds 0): one invocation per
    /// message. Batching is worked out in <see cref="BatchingWindowCostTests"/>.</summary>
    private static Infra.Core.Blueprint.StackBlueprint Unbatched(string stack, params (string Key, string Value)[] values)
    {
        var app = System.Text.Json.Nodes.JsonNode.Parse(values.Where(value => value.Key == "app").Select(value => value.Value).SingleOrDefault() ?? "{}")!.AsObject();
        app["batchingWindowSeconds"] = 0;
        return TestStacks.Blueprint(stack, [.. values.Where(value => value.Key != "app"), ("app", app.ToJsonString())]);
    }

    private static CostLine Line(SetupCost cost, string key) => Assert.Single(cost.Lines, line => line.Key == key);

    [Fact]
    public void ArticleRecordsWhatXRaysDefaultRuleWould()
    {
        // Default rule (https://docs.aws.amazon.com/xray/latest/devguide/xray-console-sampling.html): 1 request/s + 5 % of
        // the rest: 1 + 0.05 × 94 = 5.7 traces/s × 2,592,000 s = 14,774,400; (14,774,400 − 100,000) × $5/M = $73.372.
        var article = Unbatched("prod").MonthlyCost.Article;
        var traces = Line(article, "xray.traces-recorded");
        Assert.Equal(14_774_400, traces.Quantity, 3);
        Assert.Equal(73.372, traces.MonthlyUsd!.Value, 6);
    }

    [Fact]
    public void ArticleRunsOneT2MediumHostPricedFromUsEast1()
    {
        // 720 h × $0.0464 = $33.408; no row for us-west-2, so the us-east-1 one, never Singapore's.
        var cost = Unbatched("prod").MonthlyCost;
        var hosts = Line(cost.Article, "collector.hosts");
        Assert.Equal("ec2.t2.medium", hosts.PriceKey);
        Assert.Equal(33.408, hosts.MonthlyUsd!.Value, 6);
        Assert.Contains("ec2.t2.medium (us-east-1)", cost.RegionNote);
    }

    [Fact]
    public void ArticleHasNoInsightsTransactionSearchApplicationSignalsMetricsAlarmsOrDashboard()
    {
        var article = Unbatched("prod").MonthlyCost.Article;
        foreach (var key in new[] { "xray.insights", "transaction-search.span-ingestion", "transaction-search.span-indexing", "application-signals", "application-signals.slos", "cloudwatch.custom-metrics", "logs.ingestion-ia", "cloudwatch.alarms", "cloudwatch.dashboards" })
        {
            Assert.Equal(0, Line(article, key).Quantity);
        }
    }

    [Fact]
    public void ArticleLogsTextForeverAndHasNoAccessLog()
    {
        // Two functions × 129,600,000 invocations × 457 B = 118.4544 GB, collector 1 host × 1 MB × 30 = 0.03 GB: 118.4844 GB.
        // Ingestion (118.4844 − 5) × $0.50 = $56.7422; after 12 months 1,421.8128 GB stored, (1,421.8128 − 5) × $0.03 = $42.504384.
        var article = Unbatched("prod").MonthlyCost.Article;
        Assert.Equal(118.4844, Line(article, "logs.ingestion").Quantity, 6);
        Assert.Equal(56.7422, Line(article, "logs.ingestion").MonthlyUsd!.Value, 6);
        Assert.Equal(1421.8128, Line(article, "logs.storage").Quantity, 6);
        Assert.Equal(42.504384, Line(article, "logs.storage").MonthlyUsd!.Value, 6);
    }

    [Fact]
    public void ProdLogsTheAccessLogInInfrequentAccessAndOnlySystemLinesOfItsFunctions()
    {
        // Access log: 246,240,000 × 186 B = 45.80064 GB × $0.25 = $11.45016.
        // Functions at application level WARN: 2 × 129,600,000 × 616 B = 159.6672 GB; collector 2 hosts × 1 MB × 30 = 0.06 GB;
        // Container Insights (cluster + service + 2 hosts × (task + instance)) = 6 events a minute × 1,000 B × 43,200 = 0.2592 GB.
        // Standard: 159.9864 GB, (159.9864 − 5) × $0.50 = $77.4932.
        // Stored: functions 30 days 159.6672 GB; access log 90 days 137.40192 GB; collector 90 days 0.18 GB; Container Insights
        // never expires, 12 × 0.2592 = 3.1104 GB: 300.35952 GB, (300.35952 − 5) × $0.03 = $8.8607856.
        var stack = Unbatched("prod").MonthlyCost.Stack;
        Assert.Equal(45.80064, Line(stack, "logs.ingestion-ia").Quantity, 6);
        Assert.Equal(11.45016, Line(stack, "logs.ingestion-ia").MonthlyUsd!.Value, 6);
        Assert.Equal(159.9864, Line(stack, "logs.ingestion").Quantity, 6);
        Assert.Equal(77.4932, Line(stack, "logs.ingestion").MonthlyUsd!.Value, 6);
        Assert.Equal(300.35952, Line(stack, "logs.storage").Quantity, 6);
        Assert.Equal(8.8607856, Line(stack, "logs.storage").MonthlyUsd!.Value, 6);
    }

    [Fact]
    public void AFinerApplicationLevelLogsTheHandlersLineToo()
    {
        // staging keeps INFO: each of its 12,960,000 chatbot and consumer invocations (5 requests/s) writes 616 + 236 = 852 B.
        var stack = Unbatched("staging").MonthlyCost.Stack;
        Assert.Contains("12960000 invocations × 852 B (JSON, application level INFO)", Line(stack, "logs.ingestion").Basis);
    }

    [Fact]
    public void LongerRetentionStoresMore()
    {
        // prod with every group kept 90 days: functions 3 × 159.6672 = 479.0016 GB instead of 159.6672 GB.
        var stack = Unbatched("prod", ("lambda", """{"logRetentionDays":90}""")).MonthlyCost.Stack;
        Assert.Equal(300.35952 + (2 * 159.6672), Line(stack, "logs.storage").Quantity, 6);
    }

    [Fact]
    public void ProdPaysForTheCustomMetricsItsSlosAndAlarmsRead()
    {
        // API detailed metrics: 2 methods × 7 = 14; two init-duration metric filters; Container Insights 24: 40 metrics,
        // (40 − 10) × $0.30 = $9.00. Two SLOs with 60 s SLIs: 2 × 2 signals × 43,200 periods = 172,800 signals × $0.0000015 = $0.2592.
        var stack = Unbatched("prod").MonthlyCost.Stack;
        Assert.Equal(40, Line(stack, "cloudwatch.custom-metrics").Quantity);
        Assert.Equal(9.00, Line(stack, "cloudwatch.custom-metrics").MonthlyUsd!.Value, 6);
        Assert.Equal(172_800, Line(stack, "application-signals.slos").Quantity, 3);
        Assert.Equal(0.2592, Line(stack, "application-signals.slos").MonthlyUsd!.Value, 6);
    }

    [Fact]
    public void EveryLineOfEveryCommittedStackIsPriced()
    {
        foreach (var stack in new[] { "dev", "staging", "prod" })
        {
            var cost = Unbatched(stack).MonthlyCost;
            Assert.Empty(cost.Stack.Unpriced);
            Assert.Empty(cost.Article.Unpriced);
        }
    }

    [Fact]
    public void ProdPaysInsightsOnEveryTraceItRecords()
    {
        // prod: /chat on its critical rule, 1/s + 0.5 % of the rest: 1 + 0.005 × 49 = 1.245 traces/s; routine paths 0.
        // 1.245 × 2,592,000 = 3,227,040 traces: recorded (3,227,040 − 100,000) × $5/M = $15.6352; Insights × $1/M = $3.22704.
        var stack = Unbatched("prod").MonthlyCost.Stack;
        Assert.Equal(3_227_040, Line(stack, "xray.insights").Quantity, 3);
        Assert.Equal(3.22704, Line(stack, "xray.insights").MonthlyUsd!.Value, 6);
        Assert.Equal(15.6352, Line(stack, "xray.traces-recorded").MonthlyUsd!.Value, 6);
    }

    [Fact]
    public void DevHasNoInsights() =>
        Assert.Equal(0, Line(Unbatched("dev").MonthlyCost.Stack, "xray.insights").Quantity);

    [Fact]
    public void ProdRunsTwoT3MediumHostsWithTheirRootVolumes()
    {
        // 2 × 720 h × $0.0416 = $59.904; two 30 GiB gp3 root volumes from the launch template.
        var stack = Unbatched("prod").MonthlyCost.Stack;
        Assert.Equal(59.904, Line(stack, "collector.hosts").MonthlyUsd!.Value, 6);
        Assert.Equal(60, Line(stack, "collector.root-volumes").Quantity);
    }

    [Fact]
    public void TransactionSearchReplacesTracesRecordedWithSpans()
    {
        // 1.245 /chat traces/s × 9 spans × 2,592,000 s = 29,043,360 spans × 1,500 B = 43.56504 GB; 10 % indexed.
        var stack = Unbatched("prod", ("transactionSearch", """{"enabled":true,"indexingPercentage":10}""")).MonthlyCost.Stack;
        Assert.Equal(0, Line(stack, "xray.traces-recorded").Quantity);
        Assert.Equal(43.56504, Line(stack, "transaction-search.span-ingestion").Quantity, 6);
        Assert.Equal(2_904_336, Line(stack, "transaction-search.span-indexing").Quantity, 3);
    }

    [Fact]
    public void NoCollectorNoHostsAndNoCollectorOrContainerInsightsLogs()
    {
        var cost = Unbatched("prod", ("collector", """{"enabled":false}""")).MonthlyCost.Stack;
        Assert.Equal(0, Line(cost, "collector.hosts").Quantity);
        Assert.Equal(0, Line(cost, "collector.root-volumes").Quantity);
        // The functions' 159.6672 GB only.
        Assert.Equal(159.6672, Line(cost, "logs.ingestion").Quantity, 6);
    }

    [Fact]
    public void ApplicationSignalsCountsASignalPerInvocationAndPerServiceAFunctionCalls()
    {
        // Chatbot: in + SQS SendMessage = 2; consumer: in + DynamoDB PutItem = 2 (the queue it consumes from is Lambda's poller's).
        // prod: 129,600,000 × (2 + 2) = 518,400,000 signals, × $1.50/M = $777.60, shown but not in prod's total (off there).
        var cost = Unbatched("prod").MonthlyCost;
        Assert.Equal(518_400_000, cost.ApplicationSignals.SignalsPerMonth, 3);
        Assert.Equal(777.60, cost.ApplicationSignals.MonthlyUsd, 6);
        Assert.False(cost.ApplicationSignals.InTotal);
        Assert.Equal(0, Line(cost.Stack, "application-signals").Quantity);
        // Turned on, the same signals are a line of the total.
        var on = Unbatched("prod", ("applicationSignals", """{"enabled":true}""")).MonthlyCost;
        Assert.Equal(777.60, Line(on.Stack, "application-signals").MonthlyUsd!.Value, 6);
        Assert.True(on.ApplicationSignals.InTotal);
    }

    [Fact]
    public void AKnowledgeBaseLookupIsOneMoreSignalOfTheChatbot()
    {
        // Chatbot: in + SQS + Bedrock = 3; consumer 2: 129,600,000 × 5 = 648,000,000.
        var cost = Unbatched("prod", ("app", """{"knowledgeBaseId":"ABCDEFGHIJ"}""")).MonthlyCost;
        Assert.Equal(648_000_000, cost.ApplicationSignals.SignalsPerMonth, 3);
    }

    [Fact]
    public void LegacyLayersHaveNoApplicationSignals() =>
        Assert.Equal(0, Line(Unbatched("dev", ("lambda", """{"flavor":"legacy"}""")).MonthlyCost.Stack, "application-signals").Quantity);

    [Fact]
    public void InSingaporeBothSetupsUseTheSingaporePrices()
    {
        // The May 2025 bill's Asia Pacific (Singapore) lines: t3.medium $0.0528/h, t2.medium $0.0584/h, gp3 $0.096/GB-month,
        // logs ingested $0.70/GB. prod: 2 × 720 h × $0.0528 = $76.032; the article: 720 h × $0.0584 = $42.048;
        // root volumes 2 × 30 GB × $0.096 = $5.76.
        var cost = Unbatched("prod", ("aws:region", "ap-southeast-1"), ("aws-native:region", "ap-southeast-1")).MonthlyCost;
        Assert.Equal(76.032, Line(cost.Stack, "collector.hosts").MonthlyUsd!.Value, 6);
        Assert.Equal(42.048, Line(cost.Article, "collector.hosts").MonthlyUsd!.Value, 6);
        Assert.Equal(5.76, Line(cost.Stack, "collector.root-volumes").MonthlyUsd!.Value, 6);
        Assert.Equal(0.70, Assert.Single(cost.Prices, price => price.Key == Prices.LogsIngestion).UsdPerUnit!.Value, 9);
        Assert.Contains("ap-southeast-1 prices:", cost.RegionNote);
    }

    [Fact]
    public void APriceForAnotherRegionIsNamedInTheRegionNote()
    {
        // gp3 is priced only for ap-southeast-1 and us-east-1: an Oregon stack takes us-east-1's and says so.
        var cost = Unbatched("prod").MonthlyCost;
        Assert.Equal("us-east-1", Assert.Single(cost.Prices, price => price.Key == Prices.Gp3Storage).Region);
        Assert.Contains("ebs.gp3 (us-east-1)", cost.RegionNote);
        Assert.Contains("us-west-2 prices: logs.ingestion", cost.RegionNote);
    }

    [Fact]
    public void AlarmsAreCountedFromWhatTheStackDefines()
    {
        // prod: 13 single-metric alarms and 2 burn-rate alarms reading 2 metrics each: 17 alarm metrics, (17 − 10 free) × $0.10 = $0.70.
        // One dashboard, within the 3 free. The article has neither.
        var cost = Unbatched("prod").MonthlyCost;
        Assert.Equal(17, Line(cost.Stack, "cloudwatch.alarms").Quantity);
        Assert.Equal(0.70, Line(cost.Stack, "cloudwatch.alarms").MonthlyUsd!.Value, 9);
        Assert.Equal(0, Line(cost.Stack, "cloudwatch.dashboards").MonthlyUsd!.Value, 9);
        Assert.Equal(0, Line(cost.Article, "cloudwatch.alarms").Quantity);
    }

    [Fact]
    public void ThePlanListsEveryPriceItUsesWithItsSource()
    {
        var cost = Unbatched("prod").MonthlyCost;
        var used = cost.Stack.Lines.Concat(cost.Article.Lines).Select(line => line.PriceKey).ToHashSet();
        Assert.Equal(used.Order(StringComparer.Ordinal), cost.Prices.Select(price => price.Key));
        Assert.All(cost.Prices, price => Assert.StartsWith("https://", price.Source, StringComparison.Ordinal));
    }
}
