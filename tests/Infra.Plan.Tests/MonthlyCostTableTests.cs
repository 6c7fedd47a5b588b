using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Infra.Plan.Tests;

/// <summary>The monthly cost in the plan: both setups side by side, every price with its source, unpriced lines named.</summary>
public sealed class MonthlyCostTableTests
{
    [Fact]
    public void TheTableHasTheMonthlyCostSection()
    {
        var (code, stdout, stderr) = Plan.Committed("prod");
        Assert.True(code == PlanCommand.Ok, stderr);
        Assert.Contains("Monthly cost (this stack vs the article's setup)", stdout);
    }

    [Fact]
    public void EachLineShowsThisStackAndTheArticleSideBySide()
    {
        var (_, markdown, _) = Plan.Committed("prod", "--format", "markdown");
        var lines = markdown.Split('\n').Select(line => Regex.Replace(line, " +", " ")).ToList();
        Assert.Contains("| line | this stack | $/month | article | $/month | price |", lines);
        // prod records traces with Insights on; the article has none.
        var insights = Assert.Single(lines, line => line.StartsWith("| X-Ray Insights traces processed |", StringComparison.Ordinal));
        Assert.DoesNotContain("| 0 | $0.00 | 0 |", insights);
        Assert.EndsWith("| 0 | $0.00 | $1.00 per million traces |", insights);
    }

    [Fact]
    public void AStackWithoutACollectorShowsOnlyTheArticlesHostPrice()
    {
        // The committed app stacks leave the collector to the foundation: their hosts line counts nothing, so it needs
        // no price, and neither the price column nor the list of prices may show one that was never found.
        var (code, stdout, stderr) = Plan.Committed("prod");
        Assert.True(code == PlanCommand.Ok, stderr);
        var hosts = Assert.Single(stdout.Split('\n'), line => line.StartsWith("│ Collector hosts ", StringComparison.Ordinal));
        Assert.Contains("t2.medium: $", hosts);
        Assert.DoesNotContain("not found", hosts);
        Assert.DoesNotContain("price not found", stdout);
    }

    [Fact]
    public void EveryCommittedStackHasEveryLinePriced()
    {
        foreach (var stack in new[] { "dev", "staging", "prod" })
        {
            var (_, stdout, _) = Plan.Committed(stack);
            Assert.DoesNotContain("unpriced", stdout);
            Assert.Contains("this stack: every line used is priced.", stdout);
            Assert.Contains("article: every line used is priced.", stdout);
        }
    }

    [Fact]
    public void AnUnknownPriceIsShownAsUnpricedAndNamed()
    {
        // No row prices m5.large hosts.
        using var project = new ScratchProject().WithStack("prod",
            "config:\n  aws:region: us-west-2\n  aws-native:region: us-west-2\n  adot-tracing:collector:\n    instanceType: m5.large\n");
        var (_, stdout, _) = project.Plan("prod");
        Assert.Contains("unpriced", stdout);
        Assert.Contains("this stack: not in the total, price not found: ec2.m5.large.", stdout);
    }

    [Fact]
    public void ThePlanSaysWhereTheTrafficCameFrom()
    {
        Assert.Contains("prod at 95 requests/s, from the stack file (adot-tracing:traffic).", Plan.Committed("prod").Stdout);
        Assert.Contains("dev at 0.4 requests/s, from the dev preset: the stack file sets no adot-tracing:traffic.", Plan.Committed("dev").Stdout);
    }

    [Fact]
    public void ThePlanPricesATenthAndTenTimesTheTraffic()
    {
        var (_, markdown, _) = Plan.Committed("prod", "--format", "markdown");
        var lines = markdown.Split('\n').Select(line => Regex.Replace(line, " +", " ")).ToList();
        Assert.Contains("| traffic | req/s | this stack $/month | article $/month | ratio |", lines);
        Assert.Single(lines, line => line.StartsWith("| 0.1× | 9.5 |", StringComparison.Ordinal));
        Assert.Single(lines, line => line.StartsWith("| 10× | 950 |", StringComparison.Ordinal));
    }

    [Fact]
    public void ThePlanShowsWhatApplicationSignalsWouldCostWhereItIsOff()
    {
        // prod: 129,600,000 chatbot invocations (50/s on POST /chat); its consumer, with a 1 s window, gets 50 × 1 ÷ 5 = 10
        // messages a batch, the batch size: 12,960,000 invocations. × 2 signals each = 285,120,000 × $1.50/M = $427.68.
        var stdout = Plan.Committed("prod").Stdout;
        Assert.Contains("Application Signals for the functions is off in prod: 285,120,000 signals a month at this traffic, $427.68 after the trial (not in the total", stdout);
    }

    [Fact]
    public void EveryPriceInTheJsonCarriesItsSourceAndDate()
    {
        var prices = JsonNode.Parse(Plan.Committed("prod", "--json").Stdout)!["monthlyCost"]!["prices"]!.AsArray();
        Assert.NotEmpty(prices);
        Assert.All(prices, price =>
        {
            Assert.StartsWith("https://", (string?)price!["source"]);
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", (string?)price["readOn"]);
        });
    }

    [Fact]
    public void TheCommittedStacksNameOnlyRoutesTheApiServes()
    {
        foreach (var stack in new[] { "dev", "staging", "prod" })
        {
            Assert.DoesNotContain("no route of the API", Plan.Committed(stack).Stderr);
        }
    }

    [Fact]
    public void TrafficOnARouteTheApiLacksIsAWarningOfThePlan()
    {
        using var project = new ScratchProject().WithStack("prod",
            "config:\n  aws:region: us-west-2\n  aws-native:region: us-west-2\n  adot-tracing:traffic:\n    POST /chat: 50\n    POST /checkout: 5\n");
        var (code, stdout, stderr) = project.Plan("prod");
        Assert.Equal(PlanCommand.Ok, code);
        Assert.Contains("warning: adot-tracing:traffic: 'POST /checkout' is no route of the API", stderr);
        Assert.Contains("'POST /checkout' is no route of the API", stdout);
    }

    [Fact]
    public void ThePlanShowsTheLoggingPresetsTheCostRestsOn()
    {
        var prod = Plan.Committed("prod").Stdout;
        Assert.Contains("adot-tracing-prod-chatbot logs: /aws/lambda/adot-tracing-prod-chatbot (30 days), JSON, application level WARN, system level INFO", prod);
        Assert.Contains("access log: /adot-tracing/prod/api-access (90 days), class INFREQUENT_ACCESS", prod);
        Assert.Contains("access log: /adot-tracing/dev/api-access (7 days), class STANDARD", Plan.Committed("dev").Stdout);
    }
}
