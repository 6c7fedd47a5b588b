using Infra.Core.Sampling;

namespace Infra.Core.Tests.Sampling;

/// <summary>
/// Every field of the rules a stack generates, its X-Ray group and its Transaction Search policy. The rule table
/// (names, priorities, paths) is docs/sampling-and-cost.md's; rule fields are X-Ray's SamplingRule
/// (https://docs.aws.amazon.com/xray/latest/api/API_SamplingRule.html: Host, HTTPMethod, ResourceARN and the other
/// match fields take "*" for any).
/// </summary>
public class GeneratedRuleFieldTests
{
    [Fact]
    public void GeneratedRulesAreNumberedFromOneAndPrioritisedByKind()
    {
        var rules = TestStacks.Blueprint("dev", ("sampling", """{"criticalPaths":["/chat*","/orders*"]}""")).Sampling.Rules;
        Assert.Equal(
            [
                ("critical-1", "adot-tracing-dev-critical-1", RuleKind.Critical, 100, "/chat*"),
                ("critical-2", "adot-tracing-dev-critical-2", RuleKind.Critical, 101, "/orders*"),
                ("routine-1", "adot-tracing-dev-routine-1", RuleKind.Routine, 200, "/health*"),
                ("routine-2", "adot-tracing-dev-routine-2", RuleKind.Routine, 201, "/static/*"),
                ("routine-3", "adot-tracing-dev-routine-3", RuleKind.Routine, 202, "/favicon.ico"),
                ("fallback", "adot-tracing-dev-fallback", RuleKind.Fallback, 9000, "*"),
            ],
            rules.Select(rule => (rule.Key, rule.RuleName, rule.Kind, rule.Priority, rule.UrlPath)));
        Assert.All(rules, rule => Assert.Equal(("*", "*", "*"), (rule.Host, rule.HttpMethod, rule.ResourceArn)));
    }

    [Fact]
    public void StagingRatesFollowThePathClass()
    {
        // docs/sampling-and-cost.md, the rates table: staging samples critical paths at 2/s + 20 %, routine paths at 0/s + 1 %, the rest at 1/s + 5 %.
        var rules = TestStacks.Blueprint("staging").Sampling.Rules;
        Assert.Equal(
            [(2, 0.2), (0, 0.01), (0, 0.01), (0, 0.01), (1, 0.05)],
            rules.Select(rule => (rule.ReservoirSize, rule.FixedRate)));
    }

    [Fact]
    public void ACustomRuleKeepsItsHostAndMatchesAnyResource()
    {
        var rule = TestStacks.Blueprint("prod", ("sampling", """{"rules":[{"name":"orders","priority":50,"fixedRate":0.1,"host":"api.example.com"}]}"""))
            .Sampling.Rules.Single(candidate => candidate.Kind == RuleKind.Custom);
        Assert.Equal(("orders", "api.example.com", "*", "*", "*"), (rule.Key, rule.Host, rule.ResourceArn, rule.HttpMethod, rule.UrlPath));
        Assert.Null(rule.Boost);
    }

    [Theory]
    [InlineData("dev", false)]
    [InlineData("prod", true)]
    public void TheGroupNotifiesOnlyWhereItHasInsights(string stack, bool insights)
    {
        var group = TestStacks.Blueprint(stack).Sampling.Group;
        Assert.Equal(($"adot-tracing-{stack}", insights, insights), (group.Name, group.InsightsEnabled, group.NotificationsEnabled));
    }

    [Fact]
    public void TransactionSearchOffStillNamesItsPolicyAndKeepsTheIndexingShare()
    {
        var search = TestStacks.Blueprint("prod", ("transactionSearch", """{"indexingPercentage":10}""")).Sampling.TransactionSearch;
        Assert.Equal((false, 10.0, "adot-tracing-prod-transaction-search"), (search.Enabled, search.IndexingPercentage, search.ResourcePolicyName));
        Assert.Null(search.ResourcePolicy);
    }

    [Fact]
    public void TransactionSearchLetsXRayWriteSpansToItsTwoLogGroupsOnly()
    {
        // The resource policy AWS documents for Transaction Search ("Create AWS::Logs::ResourcePolicy"):
        // https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch-Transaction-Search-Cloudformation.html
        // Principal xray.amazonaws.com, Action logs:PutLogEvents on log-group:aws/spans:* and
        // log-group:/aws/application-signals/data:*, ArnLike aws:SourceArn arn:<partition>:xray:<region>:<account>:*,
        // StringEquals aws:SourceAccount <account>.
        var search = TestStacks.Blueprint("prod", ("transactionSearch", """{"enabled":true,"indexingPercentage":5}""")).Sampling.TransactionSearch;
        Assert.Equal((true, 5.0, "adot-tracing-prod-transaction-search"), (search.Enabled, search.IndexingPercentage, search.ResourcePolicyName));
        var statement = Assert.Single(search.ResourcePolicy!.Statements);
        Assert.Equal(("TransactionSearchXRayAccess", "Allow", "xray.amazonaws.com"), (statement.Sid, statement.Effect, statement.ServicePrincipal));
        Assert.Equal(["logs:PutLogEvents"], statement.Actions);
        Assert.Equal(
            [
                $"arn:aws:logs:us-west-2:{TestStacks.Account}:log-group:aws/spans:*",
                $"arn:aws:logs:us-west-2:{TestStacks.Account}:log-group:/aws/application-signals/data:*",
            ],
            statement.Resources);
        Assert.Equal(
            [
                ("ArnLike", "aws:SourceArn", $"arn:aws:xray:us-west-2:{TestStacks.Account}:*"),
                ("StringEquals", "aws:SourceAccount", TestStacks.Account),
            ],
            statement.Conditions!.Select(condition => (condition.Operator, condition.Key, Assert.Single(condition.Values))));
    }
}
