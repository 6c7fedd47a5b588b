namespace Infra.Plan.Tests;

/// <summary>A temporary copy of the repository's Pulumi.yaml with stack files written by a test.</summary>
internal sealed class ScratchProject : IDisposable
{
    public ScratchProject()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("plan-scratch").FullName;
        File.Copy(System.IO.Path.Combine(RepositoryRoot.Path, "Pulumi.yaml"), System.IO.Path.Combine(Directory, "Pulumi.yaml"));
    }

    public string Directory { get; }

    public ScratchProject WithStack(string stack, string yaml)
    {
        File.WriteAllText(System.IO.Path.Combine(Directory, $"Pulumi.{stack}.yaml"), yaml);
        return this;
    }

    public (int Code, string Stdout, string Stderr) Plan(string stack, params string[] options) =>
        Tests.Plan.Run([stack, .. options, "--dir", Directory]);

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
