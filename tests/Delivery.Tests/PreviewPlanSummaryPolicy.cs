namespace Delivery.Tests;

/// <summary>preview.yml: the offline plan reaches the pull request's job summary as Markdown tables.</summary>
public sealed class PreviewPlanSummaryPolicy
{
    [Fact]
    public void PreviewJobSummaryIsTheMarkdownPlan()
    {
        var step = Assert.Single(Workflow.Load("preview.yml").AllSteps, s => s.Run is not null && s.Run.Contains("scripts/plan", StringComparison.Ordinal));
        Assert.Matches(@"scripts/plan\s+""?\$(STACK|\{\{ matrix\.stack \}\})""?\s+--format\s+markdown\b", step.Run);
        Assert.Contains("GITHUB_STEP_SUMMARY", step.Run, StringComparison.Ordinal);
    }
}
