using Infra.Core.Sampling;

namespace Infra.Core.Tests.Sampling;

/// <summary>
/// How a sampling rule matches a request. X-Ray's rule fields take wildcards: "*" for any run of characters and "?"
/// for exactly one (https://docs.aws.amazon.com/xray/latest/devguide/xray-console-sampling.html). The expected
/// answers below are those of Python's fnmatch.fnmatchcase on lower-cased text, an independent implementation of the
/// same two wildcards.
/// </summary>
public class RuleMatchingTests
{
    [Theory]
    [InlineData("*a?c", "abxabc", true)]
    [InlineData("a*b*c", "aXbYbZc", true)]
    [InlineData("a*b*c", "aXbYcZ", false)]
    [InlineData("*abc", "ababc", true)]
    [InlineData("a*", "", false)]
    [InlineData("", "", true)]
    [InlineData("", "a", false)]
    [InlineData("**", "x", true)]
    [InlineData("*?", "", false)]
    [InlineData("?", "", false)]
    [InlineData("/API/*", "/api/x", true)]
    [InlineData("a*c", "abcbd", false)]
    [InlineData("*b", "aaa", false)]
    [InlineData("ab", "a", false)]
    [InlineData("a", "ab", false)]
    [InlineData("*/items", "/v1/items", true)]
    [InlineData("/v?/*", "/v1/", true)]
    [InlineData("*x*", "abc", false)]
    public void WildcardsBacktrackAndIgnoreCase(string pattern, string text, bool expected) =>
        Assert.Equal(expected, XRayWildcard.Matches(pattern, text));

    private const string Api = "adot-tracing-prod-api/prod";

    private static readonly SamplingRuleSpec StageRule = new(
        "orders", "adot-tracing-prod-orders", RuleKind.Custom, 50, 0.1, 1, Api, "AWS::ApiGateway::Stage", "*", "POST", "/orders/*", "*", Boost: null);

    [Fact]
    public void ARuleOnTheStageMatchesItsMethodAndPath()
    {
        Assert.True(StageRule.Matches(Api, "POST", "/orders/42"));
        Assert.False(StageRule.Matches(Api, "GET", "/orders/42"));
        Assert.False(StageRule.Matches(Api, "POST", "/chat"));
    }

    [Fact]
    public void ARuleForAnotherServiceOrServiceTypeDoesNotMatchTheStagesRequests()
    {
        Assert.False((StageRule with { ServiceName = "orders-service" }).Matches(Api, "POST", "/orders/42"));
        Assert.False((StageRule with { ServiceType = "AWS::ECS::Container" }).Matches(Api, "POST", "/orders/42"));
        Assert.True((StageRule with { ServiceName = "*", ServiceType = "*" }).Matches(Api, "POST", "/orders/42"));
    }

    [Fact]
    public void ARuleForOneHostIsNotCountedAgainstTheStagesRequests()
    {
        // The plan's cost estimate knows no request host, so only a rule for any host is taken to match.
        Assert.False((StageRule with { Host = "api.example.com" }).Matches(Api, "POST", "/orders/42"));
    }
}
