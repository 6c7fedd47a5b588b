namespace Infra.Plan.Tests;

/// <summary>
/// Files committed as the expected output of the plan. A change to them is reviewed in the diff, never made by
/// accident: the tests only rewrite them when UPDATE_GOLDEN=1 is set (scripts/update-golden does that).
/// </summary>
internal static class GoldenFile
{
    public const string UpdateVariable = "UPDATE_GOLDEN";

    private static bool Updating => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    /// <param name="relativePath">Relative to the repository root.</param>
    /// <param name="howToUpdate">What to run when the change is intended; scripts/update-golden unless given.</param>
    public static void AssertMatches(string relativePath, string actual, string? howToUpdate = null)
    {
        howToUpdate ??= HowToUpdate;
        var path = Path.Combine(RepositoryRoot.Path, relativePath);
        if (Updating)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"{relativePath} is missing. {howToUpdate}");
        var expected = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        if (expected == actual)
        {
            return;
        }

        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        var line = Enumerable.Range(0, Math.Min(expectedLines.Length, actualLines.Length)).FirstOrDefault(i => expectedLines[i] != actualLines[i], Math.Min(expectedLines.Length, actualLines.Length));
        Assert.Fail(
            $"{relativePath} differs from the output at line {line + 1}:\n"
            + $"  committed: {(line < expectedLines.Length ? expectedLines[line] : "(end of file)")}\n"
            + $"  now:       {(line < actualLines.Length ? actualLines[line] : "(end of output)")}\n"
            + howToUpdate);
    }

    /// <summary>Golden files whose stack is gone: deleted when updating, a failure otherwise.</summary>
    public static void AssertNoneLeft(IReadOnlyList<string> stalePaths)
    {
        if (Updating)
        {
            foreach (var path in stalePaths)
            {
                File.Delete(path);
            }

            return;
        }

        Assert.True(stalePaths.Count == 0, $"golden files without a stack file: {string.Join(", ", stalePaths.Select(Path.GetFileName))}. {HowToUpdate}");
    }

    private static string HowToUpdate =>
        $"If the change is intended, run scripts/update-golden (or {UpdateVariable}=1 dotnet test tests/Infra.Plan.Tests) and review the diff.";
}
