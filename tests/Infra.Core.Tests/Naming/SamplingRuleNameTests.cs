using Infra.Core.Naming;
using Infra.Core.Sampling;

namespace Infra.Core.Tests.Naming;

/// <summary>
/// Sampling rule names are unique per account and region, and X-Ray's SamplingRule.RuleName has 1 to 32
/// characters (https://docs.aws.amazon.com/xray/latest/api/API_SamplingRule.html, "Length Constraints: Minimum
/// length of 1. Maximum length of 32.").
/// </summary>
public class SamplingRuleNameTests
{
    private const int XRayRuleNameLimit = 32;

    private static readonly string[] RuleKeys = ["critical-1", "critical-12", "routine-3", "fallback", "orders-checkout-api1"];

    [Fact]
    public void TwoProjectsWithTheSameStackNameGetDifferentRuleNames()
    {
        var ours = new StackNames("adot-tracing", "dev");
        var theirs = new StackNames("shop-tracing", "dev");
        foreach (var key in RuleKeys)
        {
            Assert.NotEqual(ours.SamplingRule(key), theirs.SamplingRule(key));
        }
    }

    [Fact]
    public void ShortNamesReadAsProjectStackAndRule() =>
        Assert.Equal("adot-tracing-prod-critical-1", new StackNames("adot-tracing", "prod").SamplingRule("critical-1"));

    [Fact]
    public void LongProjectAndStackNamesFitXRaysLimitAndStayUnique()
    {
        var stacks = new[]
        {
            new StackNames("observability-platform-tracing", "a-very-long-stack-nm"),
            new StackNames("observability-platform-tracing", "a-very-long-stack-n2"),
            new StackNames("observability-platform-tracing-b", "a-very-long-stack-nm"),
            new StackNames("observability-platform-tracing", "dev"),
            new StackNames("observability-platform-tracinx", "dev"),
        };
        var names = stacks.SelectMany(stack => RuleKeys.Select(key => (stack, key, name: stack.SamplingRule(key)))).ToList();
        Assert.Equal(stacks.Length * RuleKeys.Length, names.Count);
        Assert.All(names, item => Assert.InRange(item.name.Length, 1, XRayRuleNameLimit));
        Assert.Equal(names.Count, names.Select(item => item.name).Distinct(StringComparer.Ordinal).Count());
        // The rule's own key stays readable at the end, and every rule of one stack shares one prefix.
        Assert.All(names, item => Assert.EndsWith($"-{item.key}", item.name));
        foreach (var stack in stacks)
        {
            var prefixes = names.Where(item => item.stack == stack && item.key.Length == 20).Select(item => item.name[..^21]).Distinct().ToList();
            Assert.Single(prefixes);
        }
    }

    [Fact]
    public void BlueprintRulesOfALongStackFitAndAreDistinct()
    {
        var blueprint = TestStacks.Blueprint("a-very-long-stack-nm", ("environment", "prod"),
            ("sampling", """{"rules":[{"name":"orders-checkout-api","priority":50,"fixedRate":0.5}]}"""));
        var rules = blueprint.Sampling.Rules;
        Assert.Equal(6, rules.Count); // one critical path, three routine paths, the custom rule and the fallback
        Assert.All(rules, rule => Assert.InRange(rule.RuleName.Length, 1, XRayRuleNameLimit));
        Assert.Equal(rules.Count, rules.Select(rule => rule.RuleName).Distinct().Count());
        Assert.Contains(rules, rule => rule.Kind == RuleKind.Custom && rule.RuleName.EndsWith("-orders-checkout-api", StringComparison.Ordinal));
    }

    [Fact]
    public void RuleNamesCarryTheProjectNotOnlyTheStack()
    {
        var rules = TestStacks.Blueprint("dev").Sampling.Rules;
        Assert.All(rules, rule => Assert.StartsWith("adot-tracing-dev-", rule.RuleName));
    }
}
