using Infra.Core.Cost;

namespace Infra.Core.Tests.Cost;

/// <summary>
/// How the stack's and the article's monthly cost arrive at their log and span volumes, worked out by hand at a traffic
/// chosen so that every term shows (Lambda-backed and other routes at different rates), and which Region's prices the
/// plan says it used. Sizes are the plan's stated assumptions (see <see cref="CostAssumptionTests"/>).
/// </summary>
public class StackCostBasisTests
{
    private static CostLine Line(SetupCost cost, string key) => Assert.Single(cost.Lines, line => line.Key == key);

    /// <summary>dev records every request (all its rules: reservoir 1, fixed rate 1.0), at 10 chat requests/s and 30 health checks/s.</summary>
    private static MonthlyCost DevWithTransactionSearch() => TestStacks.Blueprint("dev",
        ("traffic", """{"POST /chat":10,"GET /health":30}"""),
        ("transactionSearch", """{"enabled":true,"indexingPercentage":10}""")).MonthlyCost;

    [Fact]
    public void SpansCountNinePerLambdaTraceAndOnePerOtherTrace()
    {
        // (10 /chat traces/s × 9 + 30 /health traces/s × 1) × 2,592,000 s = 120 × 2,592,000 = 311,040,000 spans;
        // × 1,500 B = 466.56 GB; 10 % indexed = 31,104,000, of which 1 % (3,110,400) free.
        var stack = DevWithTransactionSearch().Stack;
        Assert.Equal(466.56, Line(stack, "transaction-search.span-ingestion").Quantity, 6);
        Assert.Equal("311040000 spans of the recorded traces", Line(stack, "transaction-search.span-ingestion").Basis);
        Assert.Equal(31_104_000, Line(stack, "transaction-search.span-indexing").Quantity, 3);
        Assert.Equal(3_110_400, Line(stack, "transaction-search.span-indexing").FreeQuantity, 3);
    }

    [Fact]
    public void LogsAreTheAccessLogTheFunctionsAndTheCollector()
    {
        // Access log: 40 requests/s × 2,592,000 s × 400 B = 41.472 GB. Chatbot: 10 × 2,592,000 × 550 B = 14.256 GB; the
        // consumer, once per chat request, the same. Collector: 1 host × 1 MB × 30 days = 0.03 GB. 41.472 + 2 × 14.256 + 0.03 = 70.014 GB.
        var stack = DevWithTransactionSearch().Stack;
        var ingestion = Line(stack, "logs.ingestion");
        Assert.Equal(70.014, ingestion.Quantity, 6);
        Assert.Equal(
            "/adot-tracing/dev/api-access: every request × 400 B; "
            + "/aws/lambda/adot-tracing-dev-chatbot: one invocation per request to POST /chat × 550 B; "
            + "/aws/lambda/adot-tracing-dev-sqs-consumer: one invocation per message on adot-tracing-dev-questions × 550 B; "
            + "/adot-tracing/dev/collector: 1 host(s) × 1 MB a day",
            ingestion.Basis);
    }

    [Fact]
    public void TheArticleLogsOnlyItsFunctionsAndItsCollectorForever()
    {
        // 2 × 14.256 GB + 0.03 GB = 28.542 GB a month; never expiring, shown after 12 months: 342.504 GB.
        var article = DevWithTransactionSearch().Article;
        Assert.Equal(28.542, Line(article, "logs.ingestion").Quantity, 6);
        Assert.Equal(342.504, Line(article, "logs.storage").Quantity, 6);
        Assert.Equal(
            "/aws/lambda/adot-tracing-dev-chatbot: one invocation per request to POST /chat × 550 B; "
            + "/aws/lambda/adot-tracing-dev-sqs-consumer: one invocation per message on adot-tracing-dev-questions × 550 B; "
            + "/ecs/ecs-aws-otel-sidecar-collector: 1 host(s) × 1 MB a day",
            Line(article, "logs.ingestion").Basis);
        Assert.Equal("X-Ray's default rule: 1 request/s and 5 % of the rest", Line(article, "xray.traces-recorded").Basis);
    }

    [Fact]
    public void TheStacksTracesAreThoseOfItsRules() =>
        Assert.Equal("the stack's sampling rules at its traffic", Line(TestStacks.Blueprint("dev").MonthlyCost.Stack, "xray.traces-recorded").Basis);

    [Fact]
    public void TheSetupsAreNamed()
    {
        var cost = TestStacks.Blueprint("dev").MonthlyCost;
        Assert.Equal(("this stack", "article"), (cost.Stack.Name, cost.Article.Name));
        Assert.Equal("us-west-2", cost.Region);
        Assert.Equal(12, cost.Assumptions.Count);
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
