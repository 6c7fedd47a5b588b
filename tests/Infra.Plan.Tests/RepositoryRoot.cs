namespace Infra.Plan.Tests;

/// <summary>The repository this test build came from: where Pulumi.yaml, the stack files and the golden files live.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Pulumi.yaml")) && Directory.Exists(System.IO.Path.Combine(directory.FullName, "infra")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("repository root not found");
    }
}
