using Infra.Core.Sampling;

namespace Infra.Core.Tests.Sampling;

public class SamplingRuleTests
{
    [Fact]
    public void DevRecordsEverything()
    {
        // 1 critical path, 3 routine paths and the fallback by default, every one at 100 %.
        var rules = TestStacks.Blueprint("dev").Sampling.Rules;
        Assert.Equal(5, rules.Count);
        Assert.All(rules, rule => Assert.Equal(1.0, rule.FixedRate));
    }

    [Fact]
    public void ProdKeepsAReservoirOnEachCriticalPath()
    {
        var rules = TestStacks.Blueprint("prod", ("sampling", """{"criticalPaths":["/chat*","/checkout*","/payment*"]}""")).Sampling.Rules;
        var critical = rules.Where(rule => rule.Kind == RuleKind.Critical).ToList();
        Assert.Equal(["/chat*", "/checkout*", "/payment*"], critical.Select(rule => rule.UrlPath));
        Assert.All(critical, rule => Assert.True(rule.ReservoirSize >= 1));
        var routine = rules.Where(rule => rule.Kind == RuleKind.Routine).ToList();
        Assert.Equal(3, routine.Count);
        Assert.All(routine, rule => Assert.Equal((0, 0.0), (rule.ReservoirSize, rule.FixedRate)));
    }

    [Fact]
    public void CriticalRulesComeBeforeRoutineAndTheFallbackLast()
    {
        var rules = TestStacks.Blueprint("staging").Sampling.Rules;
        Assert.Equal([100, 200, 201, 202, 9000], rules.Select(rule => rule.Priority));
        Assert.Equal(RuleKind.Fallback, rules[^1].Kind);
        Assert.Equal("*", rules[^1].UrlPath);
    }

    [Fact]
    public void RulesAreScopedToTheStacksStage()
    {
        foreach (var stack in new[] { "dev", "prod" })
        {
            var rules = TestStacks.Blueprint(stack).Sampling.Rules;
            Assert.Equal(5, rules.Count);
            Assert.All(rules, rule =>
            {
                Assert.Equal($"adot-tracing-{stack}-api/{stack}", rule.ServiceName);
                Assert.Equal("AWS::ApiGateway::Stage", rule.ServiceType);
            });
        }
    }

    [Fact]
    public void NamesCarryTheStackAndFitXRaysLimit()
    {
        var dev = TestStacks.Blueprint("dev").Sampling.Rules.Select(rule => rule.RuleName).ToList();
        var prod = TestStacks.Blueprint("prod").Sampling.Rules.Select(rule => rule.RuleName).ToList();
        Assert.Empty(dev.Intersect(prod));
        var longStack = TestStacks.Blueprint("a-very-long-stack-nm", ("environment", "prod"), ("sampling", """{"rules":[{"name":"orders-checkout-api","priority":50,"fixedRate":0.5}]}"""));
        Assert.Equal(6, longStack.Sampling.Rules.Count);
        Assert.All(longStack.Sampling.Rules, rule => Assert.InRange(rule.RuleName.Length, 1, 32));
        Assert.Equal(longStack.Sampling.Rules.Count, longStack.Sampling.Rules.Select(rule => rule.RuleName).Distinct().Count());
    }

    [Fact]
    public void CustomRuleIsAddedWithItsFields()
    {
        var rule = TestStacks.Blueprint("prod", ("sampling", """{"rules":[{"name":"orders","priority":50,"fixedRate":0.3,"reservoirSize":2,"urlPath":"/orders/*","httpMethod":"POST","serviceName":"orders","serviceType":"AWS::ECS::Container","boost":{"maxRate":0.5,"cooldownWindowMinutes":5}}]}"""))
            .Sampling.Rules.Single(candidate => candidate.Kind == RuleKind.Custom);
        Assert.Equal(("adot-tracing-prod-orders", 50, 0.3, 2, "/orders/*", "POST"), (rule.RuleName, rule.Priority, rule.FixedRate, rule.ReservoirSize, rule.UrlPath, rule.HttpMethod));
        Assert.Equal(("orders", "AWS::ECS::Container"), (rule.ServiceName, rule.ServiceType));
        Assert.Equal(0.5, rule.Boost!.MaxRate);
    }

    [Fact]
    public void DuplicatePriorityIsAnErrorOnTheCustomRule()
    {
        var error = TestStacks.Single(
            TestStacks.Errors("dev", ("sampling", """{"rules":[{"name":"orders","priority":100,"fixedRate":0.3}]}""")),
            "adot-tracing:sampling.rules[0].priority");
        Assert.Contains("unique", error.Message);
    }

    [Theory]
    [InlineData("""{"rules":[{"name":"a","priority":0,"fixedRate":0.1}]}""", "adot-tracing:sampling.rules[0].priority")]
    [InlineData("""{"rules":[{"name":"a","priority":10000,"fixedRate":0.1}]}""", "adot-tracing:sampling.rules[0].priority")]
    [InlineData("""{"rules":[{"name":"a","priority":1,"fixedRate":-0.1}]}""", "adot-tracing:sampling.rules[0].fixedRate")]
    [InlineData("""{"rules":[{"name":"a","priority":1,"fixedRate":0.1,"reservoirSize":-1}]}""", "adot-tracing:sampling.rules[0].reservoirSize")]
    [InlineData("""{"rules":[{"name":"a","priority":1,"fixedRate":0.1,"httpMethod":"PROPPATCHXYZ"}]}""", "adot-tracing:sampling.rules[0].httpMethod")]
    [InlineData("""{"rules":[{"name":"a","priority":1,"fixedRate":0.5,"boost":{"maxRate":0.2}}]}""", "adot-tracing:sampling.rules[0].boost.maxRate")]
    [InlineData("""{"rules":[{"name":"a","priority":1,"fixedRate":0.5,"boost":{"maxRate":1.5}}]}""", "adot-tracing:sampling.rules[0].boost.maxRate")]
    [InlineData("""{"rules":[{"name":"has space","priority":1,"fixedRate":0.5}]}""", "adot-tracing:sampling.rules[0].name")]
    [InlineData("""{"rules":[{"priority":1,"fixedRate":0.5}]}""", "adot-tracing:sampling.rules[0].name")]
    [InlineData("""{"criticalPaths":["chat"]}""", "adot-tracing:sampling.criticalPaths[0]")]
    public void InvalidRuleValuesNameTheirKey(string sampling, string key) =>
        TestStacks.Single(TestStacks.Errors("dev", ("sampling", sampling)), key);

    [Fact]
    public void LongUrlPathAndHostAreRefused()
    {
        var errors = TestStacks.Errors("dev", ("sampling", $$"""{"rules":[{"name":"a","priority":1,"fixedRate":0.5,"urlPath":"/{{new string('x', 128)}}","host":"{{new string('h', 65)}}"}]}"""));
        TestStacks.Single(errors, "adot-tracing:sampling.rules[0].urlPath");
        TestStacks.Single(errors, "adot-tracing:sampling.rules[0].host");
    }

    [Fact]
    public void MoreThanTheRegionalQuotaIsAnErrorAndMoreThanEightAWarning()
    {
        string Paths(int count) => string.Join(",", Enumerable.Range(0, count).Select(i => $"\"/p{i}*\""));
        var errors = TestStacks.Errors("dev", ("sampling", $"{{\"criticalPaths\":[{Paths(30)}]}}"));
        Assert.Contains(errors, error => error.Key == "adot-tracing:sampling" && error.Message.Contains("25"));
        var result = TestStacks.Parse("dev", ("sampling", $"{{\"criticalPaths\":[{Paths(6)}]}}"));
        Assert.True(result.IsValid);
        Assert.Contains(result.Warnings, warning => warning.Contains("quota"));
    }

    [Theory]
    [InlineData("/chat*", "/chat", true)]
    [InlineData("/chat*", "/chatter/x", true)]
    [InlineData("/chat", "/chat/x", false)]
    [InlineData("/static/*", "/static/app.js", true)]
    [InlineData("/static/*", "/static", false)]
    [InlineData("/v?/items", "/v1/items", true)]
    [InlineData("/v?/items", "/v12/items", false)]
    [InlineData("*", "", true)]
    [InlineData("GET", "get", true)]
    public void WildcardsMatchAsXRayDefinesThem(string pattern, string text, bool expected) =>
        Assert.Equal(expected, XRayWildcard.Matches(pattern, text));

    [Fact]
    public void GroupCoversTheStageAndFunctionsWithInsightsInProdOnly()
    {
        var prod = TestStacks.Blueprint("prod").Sampling.Group;
        Assert.Equal("service(\"adot-tracing-prod-api/prod\") OR service(\"adot-tracing-prod-chatbot\") OR service(\"adot-tracing-prod-sqs-consumer\")", prod.FilterExpression);
        Assert.True(prod.InsightsEnabled);
        Assert.False(TestStacks.Blueprint("dev").Sampling.Group.InsightsEnabled);
    }

    [Fact]
    public void TransactionSearchIsOffUnlessEnabledAndThenHasItsLogsPolicy()
    {
        Assert.False(TestStacks.Blueprint("prod").Sampling.TransactionSearch.Enabled);
        var search = TestStacks.Blueprint("prod", ("transactionSearch", """{"enabled":true}""")).Sampling.TransactionSearch;
        var statement = Assert.Single(search.ResourcePolicy!.Statements);
        Assert.Equal("xray.amazonaws.com", statement.ServicePrincipal);
        Assert.Equal(["logs:PutLogEvents"], statement.Actions);
    }
}
