namespace Infra.Core.Tests.Cost;

/// <summary>Issue 18 item 6: traffic and sampling paths that name no route of the stack's API are reported by name.</summary>
public class TrafficCheckTests
{
    [Fact]
    public void TheEnvironmentsPresetsNameOnlyTheApisRoutes()
    {
        foreach (var stack in new[] { "dev", "staging", "prod" })
        {
            Assert.Empty(TestStacks.Blueprint(stack).RouteWarnings);
        }
    }

    [Fact]
    public void ATrafficEntryForARouteTheApiLacksIsAWarningNamingIt()
    {
        var warnings = TestStacks.Blueprint("prod", ("traffic", """{"POST /chat":50,"POST /checkout":5}""")).RouteWarnings;
        var warning = Assert.Single(warnings);
        Assert.Contains("adot-tracing:traffic", warning);
        Assert.Contains("'POST /checkout'", warning);
    }

    [Fact]
    public void AMethodTheRouteDoesNotServeIsNoRouteEither() =>
        Assert.Contains("'GET /chat'", Assert.Single(TestStacks.Blueprint("dev", ("traffic", """{"GET /chat":1}""")).RouteWarnings));

    [Fact]
    public void ACriticalPathTheStackFileAddsThatMatchesNoRouteIsAWarning()
    {
        var warning = Assert.Single(TestStacks.Blueprint("prod", ("sampling", """{"criticalPaths":["/chat*","/checkout*"]}""")).RouteWarnings);
        Assert.Contains("adot-tracing:sampling.criticalPaths", warning);
        Assert.Contains("'/checkout*'", warning);
    }

    [Fact]
    public void ARoutinePathTheStackFileAddsThatMatchesNoRouteIsAWarning() =>
        Assert.Contains("'/robots.txt'", Assert.Single(TestStacks.Blueprint("prod", ("sampling", """{"routinePaths":["/health*","/robots.txt"]}""")).RouteWarnings));

    [Fact]
    public void TheSettingsStayValid() =>
        // A warning, not an error: nothing deployed depends on the traffic estimate.
        Assert.True(TestStacks.Parse("prod", ("traffic", """{"POST /checkout":5}""")).IsValid);
}
