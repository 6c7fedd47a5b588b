using System.Text.Json.Nodes;

namespace Infra.Plan.Tests;

/// <summary>scripts/plan shows the profile and where a stack departs from it, and owns Application Signals discovery in one stack.</summary>
public sealed class ProfilePlanTests
{
    private const string Region = """
        config:
          aws:region: us-west-2
          aws-native:region: us-west-2

        """;

    [Fact]
    public void TheTableNamesTheProfileAndTheKeysThatDepartFromIt()
    {
        using var project = new ScratchProject().WithStack("dev", Region + """
              adot-tracing:profile: article
              adot-tracing:collector:
                instanceType: t3.large
            """);
        var (code, stdout, stderr) = project.Plan("dev");
        Assert.True(code == PlanCommand.Ok, stderr);
        Assert.Contains("\nProfile\n-------\narticle, with the stack file's collector.instanceType: t3.large\n", stdout);
    }

    [Fact]
    public void TheJsonNamesTheProfileAndTheKeysThatDepartFromIt()
    {
        using var project = new ScratchProject().WithStack("dev", Region + """
              adot-tracing:profile: article
              adot-tracing:iamMode: least-privilege
            """);
        var (code, stdout, stderr) = project.Plan("dev", "--json");
        Assert.True(code == PlanCommand.Ok, stderr);
        var profile = JsonNode.Parse(stdout)!["profile"]!;
        Assert.Equal("article", (string?)profile["name"]);
        Assert.Equal(["iamMode: least-privilege"], profile["overrides"]!.AsArray().Select(item => (string?)item));
    }

    [Fact]
    public void ACommittedStackWithoutAProfileRunsTheRecommendedOne()
    {
        var (code, stdout, _) = Plan.Committed("staging", "--json");
        Assert.Equal(PlanCommand.Ok, code);
        Assert.Equal("recommended", (string?)JsonNode.Parse(stdout)!["profile"]!["name"]);
    }

    [Fact]
    public void ApplicationSignalsDiscoveryMayBeOnInOneStackOnly()
    {
        using var project = new ScratchProject();
        foreach (var stack in new[] { "dev", "prod" })
        {
            project.WithStack(stack, Region + """
                  adot-tracing:applicationSignals:
                    discovery: true
                """);
        }

        var (code, _, stderr) = project.Plan("dev");
        Assert.Equal(PlanCommand.InvalidSettings, code);
        Assert.Contains("adot-tracing:applicationSignals.discovery", stderr);
        Assert.Contains("dev, prod", stderr);
        Assert.Contains("one stack there only", stderr);
    }

    [Fact]
    public void AStackWithoutDiscoveryIsNotBlamedForTwoOthers()
    {
        using var project = new ScratchProject().WithStack("staging", Region);
        foreach (var stack in new[] { "dev", "prod" })
        {
            project.WithStack(stack, Region + """
                  adot-tracing:applicationSignals:
                    discovery: true
                """);
        }

        var (code, _, stderr) = project.Plan("staging");
        Assert.True(code == PlanCommand.Ok, stderr);
    }

    [Fact]
    public void OnlyTheFoundationOwnsDiscoveryAmongTheCommittedStacks()
    {
        foreach (var stack in new[] { "dev", "staging", "prod" })
        {
            var (code, stdout, _) = Plan.Committed(stack, "--json");
            Assert.Equal(PlanCommand.Ok, code);
            Assert.False((bool)JsonNode.Parse(stdout)!["applicationSignals"]!["discovery"]!);
        }

        var foundation = Plan.Committed("foundation", "--json");
        Assert.Equal(PlanCommand.Ok, foundation.Code);
        Assert.True((bool)JsonNode.Parse(foundation.Stdout)!["applicationSignalsDiscovery"]!);
    }
}
