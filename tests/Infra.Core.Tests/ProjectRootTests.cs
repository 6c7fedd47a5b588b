namespace Infra.Core.Tests;

public sealed class ProjectRootTests : IDisposable
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("project-root-").FullName;

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    [Fact]
    public void TheRootIsTheNearestFolderAboveHoldingPulumiYaml()
    {
        var outer = Path.Combine(_scratch, "outer");
        var project = Path.Combine(outer, "project");
        var nested = Path.Combine(project, "functions", "chatbot");
        Directory.CreateDirectory(nested);
        File.WriteAllText(Path.Combine(outer, "Pulumi.yaml"), "name: outer\n");
        File.WriteAllText(Path.Combine(project, "Pulumi.yaml"), "name: project\n");

        Assert.Equal(project, ProjectRoot.Find(nested));
        Assert.Equal(project, ProjectRoot.Find(project));
    }

    [Fact]
    public void NoPulumiYamlAnywhereAboveIsAnErrorNamingTheStart()
    {
        var exception = Assert.Throws<InvalidOperationException>(() => ProjectRoot.Find(_scratch));
        Assert.Contains("Pulumi.yaml", exception.Message);
        Assert.Contains(_scratch, exception.Message);
    }

    [Fact]
    public void ThisRepositoryIsFoundFromTheTestAssembly() =>
        Assert.True(File.Exists(Path.Combine(ProjectRoot.Find(AppContext.BaseDirectory), "infra", "Infra.Core", "Infra.Core.csproj")));
}
