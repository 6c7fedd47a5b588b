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
    public void AnUnknownPriceIsShownAsUnpricedAndNamed()
    {
        var (_, stdout, _) = Plan.Committed("prod");
        Assert.Contains("unpriced", stdout);
        Assert.Contains("article: not in the total, price not found: EC2 t2.medium, Linux, on-demand", stdout);
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
}
