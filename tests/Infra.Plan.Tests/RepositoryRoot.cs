namespace Infra.Plan.Tests;

/// <summary>The repository this test build came from: where Pulumi.yaml, the stack files and the golden files live.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Infra.Core.ProjectRoot.Find(AppContext.BaseDirectory);
}
