using System.Text.Json.Nodes;

namespace Infra.Plan.Tests;

/// <summary>scripts/plan of foundation stacks, and what an app stack's plan says of its foundation.</summary>
public sealed class FoundationPlanTests
{
    private static string Stack(string region, string? account, string body) =>
        $"config:\n  aws:region: {region}\n  aws-native:region: {region}\n"
        + (account is null ? "" : $"  aws:allowedAccountIds: [\"{account}\"]\n")
        + body;

    private const string Foundation = "  adot-tracing:kind: foundation\n  adot-tracing:environment: prod\n";

    [Fact]
    public void TheCommittedFoundationPlansWhatItOwns()
    {
        var (code, stdout, stderr) = Plan.Committed("foundation", "--json");
        Assert.True(code == PlanCommand.Ok, stderr);
        var plan = JsonNode.Parse(stdout)!;
        Assert.Equal("foundation", (string?)plan["kind"]);
        Assert.Equal("adot-tracing-foundation-apigateway-cloudwatch", (string?)plan["apiGatewayCloudWatchRole"]);
        Assert.NotNull(plan["collector"]);
        Assert.True((double)plan["monthlyUsd"]! > 0);
    }

    [Fact]
    public void AnAppStacksMonthIsSplitIntoAppAndFoundation()
    {
        var (code, table, stderr) = Plan.Committed("dev");
        Assert.True(code == PlanCommand.Ok, stderr);
        var lines = table.Split('\n');
        Assert.Single(lines, line => line.Contains(" app (this stack) ", StringComparison.Ordinal));
        Assert.Single(lines, line => line.Contains(" foundation (foundation)", StringComparison.Ordinal));
        Assert.Single(lines, line => line.Contains(" app + foundation ", StringComparison.Ordinal));
    }

    [Fact]
    public void AStandaloneAppStackSaysWhatItReliesOn()
    {
        using var project = new ScratchProject();
        project.WithStack("dev", Stack("us-west-2", null, ""));
        var (code, table, stderr) = project.Plan("dev");
        Assert.Equal(PlanCommand.Ok, code);
        Assert.Contains("none: standalone", table);
        Assert.Contains("warning: adot-tracing:foundation is not set", stderr);
    }

    [Theory]
    [InlineData("us-west-2", null, "us-west-2", null, PlanCommand.InvalidSettings)]
    [InlineData("us-west-2", null, "eu-west-1", null, PlanCommand.Ok)]
    [InlineData("us-west-2", "111111111111", "us-west-2", "222222222222", PlanCommand.Ok)]
    [InlineData("us-west-2", "111111111111", "us-west-2", "111111111111", PlanCommand.InvalidSettings)]
    public void TwoFoundationsMayShareNeitherAccountNorRegion(string region1, string? account1, string region2, string? account2, int expected)
    {
        using var project = new ScratchProject();
        project.WithStack("foundation-a", Stack(region1, account1, Foundation));
        project.WithStack("foundation-b", Stack(region2, account2, Foundation));
        var (code, _, stderr) = project.Plan("foundation-a");
        Assert.True(code == expected, stderr);
        if (expected != PlanCommand.Ok)
        {
            Assert.Contains("adot-tracing:kind: on in stacks foundation-a, foundation-b", stderr);
        }
    }

    [Fact]
    public void TransactionSearchInTwoRegionsIsFine()
    {
        using var project = new ScratchProject();
        var search = "  adot-tracing:transactionSearch:\n    enabled: true\n";
        project.WithStack("foundation-west", Stack("us-west-2", null, Foundation + search));
        project.WithStack("foundation-east", Stack("us-east-1", null, Foundation + search));
        var (code, _, stderr) = project.Plan("foundation-west");
        Assert.True(code == PlanCommand.Ok, stderr);
    }
}
