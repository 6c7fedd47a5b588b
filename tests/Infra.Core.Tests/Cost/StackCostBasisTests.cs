using Infra.Core.Cost;

namespace Infra.Core.Tests.Cost;

/// <summary>
/// How the stack's and the article's monthly cost arrive at their log and span volumes, worked out by hand at a traffic
/// chosen so that every term shows (Lambda-backed and other routes at different rates), and which Region's prices the
/// plan says it used. Sizes are the plan's stated assumptions (see <see cref="CostAssumptionTests"/>).
/// </summary>
public class StackCostBasisTests
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

    /// <summary>dev records every request (all its rules: reservoir 1, fixed rate 1.0), at 10 chat requests/s and 30 health checks/s.</summary>
    private static MonthlyCost DevWithTransactionSearch() => Unbatched("dev",
        ("traffic", """{"POST /chat":10,"GET /health":30}"""),
        ("transactionSearch", """{"enabled":true,"indexingPercentage":10}""")).MonthlyCost;

    [Fact]
    public void SpansCountOnePerTraceAndFourPerFunctionItReaches()
    {
        // /chat reaches the chatbot and, through the queue, the consumer: 1 + 2 × 4 = 9 spans; /health is a mock: 1.
        // (10 /chat traces/s × 9 + 30 /health traces/s × 1) × 2,592,000 s = 120 × 2,592,000 = 311,040,000 spans;
        // × 1,500 B = 466.56 GB; 10 % indexed = 31,104,000, of which 1 % (3,110,400) free.
        var stack = DevWithTransactionSearch().Stack;
        Assert.Equal(466.56, Line(stack, "transaction-search.span-ingestion").Quantity, 6);
        Assert.Equal("311040000 spans of the recorded traces", Line(stack, "transaction-search.span-ingestion").Basis);
        Assert.Equal(31_104_000, Line(stack, "transaction-search.span-indexing").Quantity, 3);
        Assert.Equal(3_110_400, Line(stack, "transaction-search.span-indexing").FreeQuantity, 3);
    }

    [Fact]
    public void LogsAreTheAccessLogTheFunctionsTheCollectorAndContainerInsights()
    {
        // Access log (Standard in dev): 40 requests/s × 2,592,000 s × 186 B = 19.28448 GB. Chatbot: 10 × 2,592,000 = 25,920,000
        // invocations × (616 B of platform.start and platform.report + 236 B of the handler's INFO line, kept at dev's level INFO)
        // = 22.08384 GB; the consumer, invoked once per chatbot invocation through the queue, the same. Collector: 1 host × 1 MB
        // × 30 days = 0.03 GB. Container Insights: (cluster + service + 1 host × (task + instance)) = 4 events a minute × 1,000 B
        // × 43,200 minutes = 0.1728 GB. 19.28448 + 2 × 22.08384 + 0.03 + 0.1728 = 63.65496 GB.
        var stack = DevWithTransactionSearch().Stack;
        var ingestion = Line(stack, "logs.ingestion");
        Assert.Equal(63.65496, ingestion.Quantity, 6);
        Assert.Equal(
            "/adot-tracing/dev/api-access: every request × 186 B; "
            + "/aws/lambda/adot-tracing-dev-chatbot: 25920000 invocations × 852 B (JSON, application level INFO); "
            + "/aws/lambda/adot-tracing-dev-sqs-consumer: 25920000 invocations × 852 B (JSON, application level INFO); "
            + "/adot-tracing/dev/collector: 1 host(s) × 1 MB a day; "
            + "/aws/ecs/containerinsights/adot-tracing-dev-collector/performance: 4 events a minute × 1000 B",
            ingestion.Basis);
        Assert.Equal(0, Line(stack, "logs.ingestion-ia").Quantity);
    }

    [Fact]
    public void TheArticleLogsOnlyItsFunctionsAndItsCollectorForever()
    {
        // Text logs, 457 B an invocation (START, the handler's line, END, REPORT with its X-Ray line):
        // 2 × 25,920,000 × 457 B = 23.69088 GB + 0.03 GB = 23.72088 GB a month; never expiring, shown after 12 months: 284.65056 GB.
        var article = DevWithTransactionSearch().Article;
        Assert.Equal(23.72088, Line(article, "logs.ingestion").Quantity, 6);
        Assert.Equal(284.65056, Line(article, "logs.storage").Quantity, 6);
        Assert.Equal(
            "/aws/lambda/adot-tracing-dev-chatbot: 25920000 invocations × 457 B (Text); "
            + "/aws/lambda/adot-tracing-dev-sqs-consumer: 25920000 invocations × 457 B (Text); "
            + "/ecs/ecs-aws-otel-sidecar-collector: 1 host(s) × 1 MB a day",
            Line(article, "logs.ingestion").Basis);
        Assert.Equal("X-Ray's default rule: 1 request/s and 5 % of the rest", Line(article, "xray.traces-recorded").Basis);
    }

    [Fact]
    public void TheStacksTracesAreThoseOfItsRules() =>
        Assert.Equal("the stack's sampling rules at its traffic", Line(Unbatched("dev").MonthlyCost.Stack, "xray.traces-recorded").Basis);

    [Fact]
    public void TheSetupsAreNamed()
    {
        var cost = Unbatched("dev").MonthlyCost;
        Assert.Equal(("this stack", "article"), (cost.Stack.Name, cost.Article.Name));
        Assert.Equal("us-west-2", cost.Region);
    }

    private static Price Priced(string key, string? region) =>
        new(key, key, "unit", 1, 0, region, "https://example.com/", "2026-11-26", PriceEvidence.AwsBill, "");

    private static Price Unpriced(string key, string? region) =>
        new(key, key, "unit", null, 0, region, "https://example.com/", "2026-11-26", PriceEvidence.NotFound, "");

    [Fact]
    public void TheRegionNoteNamesOwnRegionlessAndOtherRegionsPrices() =>
        Assert.Equal(
            "eu-west-1 prices: a, b. No Region named by the source, applied as stated: c. Priced for another Region, none found for eu-west-1: d (us-east-1), e (ap-southeast-1).",
            MonthlyCostBuilder.RegionNote("eu-west-1",
                [Priced("a", "eu-west-1"), Priced("b", "eu-west-1"), Priced("c", null), Priced("d", "us-east-1"), Priced("e", "ap-southeast-1"), Unpriced("f", "eu-west-1")]));

    [Fact]
    public void TheRegionNoteLeavesOutKindsWithNoPrice()
    {
        Assert.Equal("No Region named by the source, applied as stated: c.", MonthlyCostBuilder.RegionNote("eu-west-1", [Priced("c", null), Unpriced("f", "us-east-1")]));
        Assert.Equal("eu-west-1 prices: a.", MonthlyCostBuilder.RegionNote("eu-west-1", [Priced("a", "eu-west-1"), Unpriced("f", null)]));
        Assert.Equal("Priced for another Region, none found for eu-west-1: d (us-east-1).", MonthlyCostBuilder.RegionNote("eu-west-1", [Priced("d", "us-east-1")]));
    }

    [Fact]
    public void WithoutAnyPriceTheRegionNoteSaysSo()
    {
        Assert.Equal("No price found for eu-west-1.", MonthlyCostBuilder.RegionNote("eu-west-1", []));
        Assert.Equal("No price found for eu-west-1.", MonthlyCostBuilder.RegionNote("eu-west-1", [Unpriced("f", "eu-west-1"), Unpriced("g", null)]));
    }
}
