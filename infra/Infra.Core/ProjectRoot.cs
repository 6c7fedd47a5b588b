namespace Infra.Core;

/// <summary>
/// The project's root: the folder holding Pulumi.yaml, as Pulumi looks for it from the working directory upwards.
/// Function code paths (<see cref="App.FunctionCode.Path"/>) are relative to it.
/// </summary>
public static class ProjectRoot
{
    public const string ProjectFile = "Pulumi.yaml";

    /// <summary>The nearest folder at or above <paramref name="start"/> that holds Pulumi.yaml.</summary>
    public static string Find(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, ProjectFile)))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No {ProjectFile} in {start} or any folder above it: run from the project or one of its folders.");
    }
}
