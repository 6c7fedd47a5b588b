using System.Text.Json.Nodes;

namespace Infra.Plan.Tests;

/// <summary>
/// Stack files that import Pulumi ESC environments (pulumi/pulumi v3.259.0 sdk/go/common/workspace/project.go:
/// ProjectStack.Environment, a list of names or a definition with imports:). The engine merges an environment's
/// pulumiConfig under the stack's values before it checks for missing keys (pkg/workspace/config.go, mergeConfig), so
/// a key the stack file does not set may come from the environment: the offline plan cannot read it, says so, and
/// takes it from --config. Exit codes: 3 when a needed key cannot be seen, 0 once --config gives it.
/// </summary>
public sealed class EnvironmentPlanTests : IDisposable
{
    private readonly StackFolderFixture _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void ARegionFromAnEnvironmentIsNotReportedMissing()
    {
        _folder.Write("dev", "environment:\n  - aws-dev\nconfig:\n  adot-tracing:tags:\n    team: sre\n");
        var run = _folder.Plan("dev");
        Assert.Equal(PlanCommand.Incomplete, run.Code);
        Assert.DoesNotContain("required", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(["aws-native:region", "aws:region"], run.ErrorKeys);
        Assert.All(run.ErrorLines, line => Assert.Contains("aws-dev", line, StringComparison.Ordinal));
    }

    [Fact]
    public void TheEnvironmentsOfAnInlineDefinitionAreNamed()
    {
        _folder.Write("dev", "environment:\n  imports:\n    - org/aws-dev\n    - shared\n");
        Assert.Contains("org/aws-dev, shared", _folder.Plan("dev").Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void KeysFromTheCommandLineCompleteThePlan()
    {
        _folder.Write("dev", "environment:\n  - aws-dev\n");
        var run = _folder.Plan("dev", "--json", "--config", "aws:region=eu-west-1", "--config", "aws-native:region=eu-west-1");
        Assert.True(run.Code == PlanCommand.Ok, run.Stderr);
        Assert.Equal("eu-west-1", (string?)JsonNode.Parse(run.Stdout)!["region"]);
        Assert.Contains("warning: Pulumi.dev.yaml imports the Pulumi ESC environment aws-dev", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("from --config, not from Pulumi.dev.yaml: aws-native:region, aws:region", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void AStackFileThatSetsTheRegionNeedsNothingFromTheCommandLine()
    {
        _folder.WriteConfig("dev", "");
        _folder.Write("dev", "environment: [aws-dev]\nconfig:\n  aws:region: us-west-2\n  aws-native:region: us-west-2\n");
        var run = _folder.Plan("dev");
        Assert.True(run.Code == PlanCommand.Ok, run.Stderr);
        Assert.Contains("aws-dev", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void OtherErrorsStillCountWhenAKeyCannotBeSeen()
    {
        _folder.Write("dev", "environment: [aws-dev]\nconfig:\n  adot-tracing:collector:\n    cpu: 3\n");
        var run = _folder.Plan("dev");
        Assert.Equal(PlanCommand.InvalidSettings, run.Code);
        Assert.Contains("adot-tracing:collector.cpu", run.ErrorKeys);
        Assert.Contains("aws:region", run.ErrorKeys);
    }

    [Fact]
    public void WithoutAnEnvironmentAMissingRegionIsStillAnError()
    {
        _folder.Write("dev", "config:\n  adot-tracing:tags:\n    team: sre\n");
        var run = _folder.Plan("dev");
        Assert.StartsWith("required", run.ErrorFor("aws:region"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("aws:region")]
    [InlineData("=us-west-2")]
    public void AConfigThatIsNotKeyEqualsValueIsAUsageError(string pair)
    {
        _folder.WriteConfig("dev", "");
        var run = _folder.Plan("dev", "--config", pair);
        Assert.Equal(PlanCommand.Usage, run.Code);
        Assert.Contains("is not key=value", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void AConfigValueIsCheckedLikeAStackValue()
    {
        _folder.WriteConfig("dev", "");
        var run = _folder.Plan("dev", "--config", "adot-tracing:collector={\"cpu\": 3}");
        Assert.Contains("256 to 4096", run.ErrorFor("adot-tracing:collector.cpu"), StringComparison.Ordinal);
    }

    [Fact]
    public void TheHelpListsTheExitCodesAndTheConfigOption()
    {
        var (code, stdout, _) = Plan.Run("--help");
        Assert.Equal(PlanCommand.Ok, code);
        Assert.Contains("--config", stdout, StringComparison.Ordinal);
        Assert.Contains("3 a needed key cannot be seen offline", stdout, StringComparison.Ordinal);
    }
}
