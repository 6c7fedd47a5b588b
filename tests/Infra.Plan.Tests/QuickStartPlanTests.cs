using Delivery.Tests.Docs;

namespace Infra.Plan.Tests;

/// <summary>The README's quick start runs `scripts/plan &lt;stack&gt;`: each such line, run as written on this repository, plans.</summary>
public sealed class QuickStartPlanTests
{
    [Fact]
    public void EveryScriptsPlanLineOfTheQuickStartPlans()
    {
        var quickStart = QuickStart.Read(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md")));
        Assert.Empty(quickStart.Problems);
        var lines = quickStart.Running("scripts/plan").ToList();
        Assert.NotEmpty(lines);
        foreach (var line in lines)
        {
            var failure = Failure(line, RepositoryRoot.Path);
            Assert.True(failure is null, failure);
        }
    }

    [Fact]
    public void ALineNamingAStackWithoutAStackFileFails()
    {
        var line = new ShellCommand(7, "scripts/plan qa", ["scripts/plan", "qa"]);
        var failure = Failure(line, RepositoryRoot.Path);
        Assert.NotNull(failure);
        Assert.StartsWith($"README.md:7: scripts/plan qa exited {PlanCommand.Unreadable}", failure);
        Assert.Contains("Pulumi.qa.yaml", failure);
    }

    [Fact]
    public void ALineWhosePlanFailsFails()
    {
        var scratch = Directory.CreateTempSubdirectory("quick-start-plan").FullName;
        try
        {
            File.Copy(Path.Combine(RepositoryRoot.Path, "Pulumi.yaml"), Path.Combine(scratch, "Pulumi.yaml"));
            File.WriteAllText(Path.Combine(scratch, "Pulumi.dev.yaml"), "config:\n  aws:region: us-west-2\n  adot-tracing:iamMode: admin\n");
            var failure = Failure(new ShellCommand(3, "scripts/plan dev", ["scripts/plan", "dev"]), scratch);
            Assert.NotNull(failure);
            Assert.StartsWith($"README.md:3: scripts/plan dev exited {PlanCommand.InvalidSettings}", failure);
            Assert.Contains("adot-tracing:iamMode", failure);
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    /// <summary>Runs the line's arguments as scripts/plan does (with --dir the repository), or says why it fails.</summary>
    private static string? Failure(ShellCommand line, string repository)
    {
        var (code, stdout, stderr) = Plan.Run([.. line.Arguments, "--dir", repository]);
        if (code != PlanCommand.Ok)
        {
            return $"{line} exited {code}:\n{stderr}";
        }

        var stack = line.Arguments[0];
        return File.Exists(Path.Combine(repository, $"Pulumi.{stack}.yaml")) && stdout.Length > 0
            ? null
            : $"{line}: exit 0 but no Pulumi.{stack}.yaml or no plan printed";
    }
}
