namespace Infra.Plan.Tests;

/// <summary>Runs scripts/plan in-process, as the script does: stdout, stderr and the exit code.</summary>
internal static class Plan
{
    public static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var code = PlanCommand.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>A committed stack of this repository, planned with the given options.</summary>
    public static (int Code, string Stdout, string Stderr) Committed(string stack, params string[] options) =>
        Run([stack, .. options, "--dir", RepositoryRoot.Path]);
}
