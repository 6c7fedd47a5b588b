namespace Infra.Plan.Tests;

/// <summary>A <see cref="ScratchProject"/> whose plans are read as error lines and keys.</summary>
internal sealed class StackFolderFixture : IDisposable
{
    private readonly ScratchProject _project = new();

    public string Directory => _project.Directory;

    public static string RepoRoot => RepositoryRoot.Path;

    public void Write(string stack, string text) => _project.WithStack(stack, text);

    public void WriteBytes(string stack, byte[] bytes) => File.WriteAllBytes(Path.Combine(Directory, $"Pulumi.{stack}.yaml"), bytes);

    /// <summary>A stack file with the Regions set, plus the given lines under config:.</summary>
    public void WriteConfig(string stack, string configLines) => Write(stack,
        "config:\n  aws:region: us-west-2\n  aws-native:region: us-west-2\n" + configLines);

    public PlanRun Plan(string stack, params string[] options)
    {
        var (code, stdout, stderr) = _project.Plan(stack, options);
        return new PlanRun(code, stdout, stderr);
    }

    public void Dispose() => _project.Dispose();
}

internal sealed record PlanRun(int Code, string Stdout, string Stderr)
{
    /// <summary>The "  - key: message" lines of an invalid stack.</summary>
    public IReadOnlyList<string> ErrorLines => Stderr.Split('\n').Where(line => line.StartsWith("  - ", StringComparison.Ordinal)).Select(line => line[4..].TrimEnd('\r')).ToList();

    public IReadOnlyList<string> ErrorKeys => ErrorLines.Select(line => line[..line.IndexOf(": ", StringComparison.Ordinal)]).ToList();

    /// <summary>The one error for a key, asserting the run failed as invalid settings and never printed a stack trace.</summary>
    public string ErrorFor(string key)
    {
        Assert.Equal(PlanCommand.InvalidSettings, Code);
        Assert.DoesNotContain("   at ", Stderr, StringComparison.Ordinal);
        var lines = ErrorLines.Where(line => line.StartsWith($"{key}: ", StringComparison.Ordinal)).ToList();
        Assert.True(lines.Count == 1, $"expected one error for {key}; stderr:\n{Stderr}");
        return lines[0][(key.Length + 2)..];
    }
}
