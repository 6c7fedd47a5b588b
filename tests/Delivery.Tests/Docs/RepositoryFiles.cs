using System.Diagnostics;

namespace Delivery.Tests.Docs;

/// <summary>The repository's files as git sees them: tracked ones, and new ones not ignored (so a link to a file not yet committed checks).</summary>
internal static class RepositoryFiles
{
    private static readonly Lazy<IReadOnlyList<string>> LazyAll = new(() => List(Repo.Root));

    /// <summary>Every file, '/'-separated and relative to the root, without node_modules.</summary>
    public static IReadOnlyList<string> All => LazyAll.Value;

    /// <summary>Every Markdown file (git ls-files '*.md'), without node_modules.</summary>
    public static IReadOnlyList<string> Markdown => All.Where(f => f.EndsWith(".md", StringComparison.Ordinal)).ToList();

    public static string Read(string path) => File.ReadAllText(Path.Combine(Repo.Root, path));

    /// <summary>The mode git records for a tracked file ("100755" for an executable one), or null when git does not track it.</summary>
    public static string? GitMode(string path)
    {
        var output = Git(Repo.Root, "ls-files", "-s", "--", path);
        return output.Length == 0 ? null : output.Split(' ')[0];
    }

    private static IReadOnlyList<string> List(string root) =>
        Git(root, "ls-files", "-z", "--cached", "--others", "--exclude-standard")
            .Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Distinct(StringComparer.Ordinal)
            .Where(f => !f.Split('/').Contains("node_modules") && File.Exists(Path.Combine(root, f)))
            .Order(StringComparer.Ordinal)
            .ToList();

    private static string Git(string root, params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var git = Process.Start(start) ?? throw new InvalidOperationException("git did not start");
        var stderr = git.StandardError.ReadToEndAsync();
        var stdout = git.StandardOutput.ReadToEnd();
        git.WaitForExit();
        Assert.True(git.ExitCode == 0, $"git {string.Join(' ', args)} exited {git.ExitCode}: {stderr.Result}");
        return stdout;
    }
}
