using System.Text;
using Infra.Core.StackFiles;

namespace Infra.Core.Tests.StackFiles;

/// <summary>
/// Finding and loading a stack's files: Pulumi.yaml beside Pulumi.&lt;stack&gt;.yaml (pulumi/pulumi at tag v3.259.0,
/// sdk/go/common/workspace/paths.go, DetectProjectStackPath), read as UTF-8 with a leading byte order mark dropped
/// (sdk/go/common/workspace/loaders.go, readFileStripUTF8BOM). Exit codes follow docs/plan.md: a file that cannot be
/// read is Unreadable, a file read but broken is Invalid.
/// </summary>
public sealed class StackFolderTests : IDisposable
{
    private const string Project = "name: demo\nruntime: dotnet\nconfig:\n  size: small\n";

    private readonly string _directory = Directory.CreateTempSubdirectory("stack-folder-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string PathOf(string file) => Path.Combine(_directory, file);

    private void Write(string file, string text) => File.WriteAllText(PathOf(file), text, new UTF8Encoding(false));

    private void WriteBytes(string file, byte[] bytes) => File.WriteAllBytes(PathOf(file), bytes);

    private StackLoad Load() => StackFolder.Load(_directory, "dev");

    [Fact]
    public void TheStacksAreTheFilesNamedPulumiStackYamlInByteOrder()
    {
        foreach (var file in new[] { "Pulumi.yaml", "Pulumi.prod.yaml", "Pulumi.dev.yaml", "Pulumi.Zeta.yaml", "Pulumi..yaml", "Pulumi.dev.yml", "Pulumi.old.yaml.bak", "other.dev.yaml" })
        {
            Write(file, "");
        }

        Assert.Equal(["Zeta", "dev", "prod"], StackFolder.FindStacks(_directory));
    }

    [Fact]
    public void AFolderThatDoesNotExistHasNoStacks() => Assert.Empty(StackFolder.FindStacks(PathOf("missing")));

    [Fact]
    public void AFileIsNotAFolderOfStacks()
    {
        Write("Pulumi.dev.yaml", "");
        Assert.Empty(StackFolder.FindStacks(PathOf("Pulumi.dev.yaml")));
    }

    [Fact]
    public void BothFilesAreLoadedIntoTheConfigTheEngineWouldPass()
    {
        Write("Pulumi.yaml", Project);
        Write("Pulumi.dev.yaml", "config:\n  aws:region: eu-west-1\n");
        var load = Load();
        Assert.Equal(LoadOutcome.Loaded, load.Outcome);
        Assert.Empty(load.Errors);
        Assert.Equal("dev", load.Config!.StackName);
        Assert.Equal("small", load.Config.Get("demo:size"));
        Assert.Equal("eu-west-1", load.Config.Get("aws:region"));
    }

    // readFileStripUTF8BOM.
    [Fact]
    public void AByteOrderMarkIsDropped()
    {
        byte[] bom = [0xEF, 0xBB, 0xBF];
        WriteBytes("Pulumi.yaml", [.. bom, .. Encoding.UTF8.GetBytes(Project)]);
        WriteBytes("Pulumi.dev.yaml", [.. bom, .. Encoding.UTF8.GetBytes("config:\n  aws:region: eu-west-1\n")]);
        var load = Load();
        Assert.Equal(LoadOutcome.Loaded, load.Outcome);
        Assert.Equal(["aws:region", "demo:size"], load.Config!.Values.Keys.Order(StringComparer.Ordinal));
    }

    // The CLI's YAML reader decodes UTF-16 when a byte order mark announces it: FF FE little-endian, FE FF big-endian
    // (go-yaml/yaml@v3.0.1:readerc.go, yaml_parser_determine_encoding; sdk/go/common/encoding hands the bytes to yaml.v3).
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Utf16WithAByteOrderMarkIsReadAsTheCliReadsIt(bool bigEndian)
    {
        var encoding = new UnicodeEncoding(bigEndian, byteOrderMark: true);
        Write("Pulumi.yaml", Project);
        WriteBytes("Pulumi.dev.yaml", [.. encoding.GetPreamble(), .. encoding.GetBytes("config:\n  aws:region: eu-west-1\n  demo:size: größer 🙂\n")]);
        var load = Load();
        Assert.True(load.Outcome == LoadOutcome.Loaded, string.Join(" | ", load.Errors));
        Assert.Equal("eu-west-1", load.Config!.Get("aws:region"));
        Assert.Equal("größer 🙂", load.Config.Get("demo:size"));
    }

    // yaml.v3 stops with "incomplete UTF-16 character" and "unexpected low surrogate area" (readerc.go, yaml_parser_update_buffer).
    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFE, (byte)'a', 0, (byte)'b' }, "half a character")]
    [InlineData(new byte[] { 0xFF, 0xFE, (byte)'a', 0, 0x00, 0xDC }, "byte 5")]
    public void BrokenUtf16IsInvalid(byte[] bytes, string expected)
    {
        Write("Pulumi.yaml", Project);
        WriteBytes("Pulumi.dev.yaml", bytes);
        var load = Load();
        Assert.Equal(LoadOutcome.Invalid, load.Outcome);
        var error = Assert.Single(load.Errors);
        Assert.StartsWith("is not valid UTF-16", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingFilesAreUnreadableAndBothAreNamed()
    {
        var load = Load();
        Assert.Equal(LoadOutcome.Unreadable, load.Outcome);
        Assert.Null(load.Config);
        Assert.Equal([("Pulumi.yaml", "does not exist."), ("Pulumi.dev.yaml", "does not exist.")], load.Errors.Select(error => (error.Key, error.Message)));
    }

    [Fact]
    public void AMissingStackFileIsUnreadable()
    {
        Write("Pulumi.yaml", Project);
        var load = Load();
        Assert.Equal(LoadOutcome.Unreadable, load.Outcome);
        Assert.Equal(("Pulumi.dev.yaml", "does not exist."), (Assert.Single(load.Errors).Key, load.Errors[0].Message));
    }

    [Fact]
    public void AMissingProjectFileIsUnreadable()
    {
        Write("Pulumi.dev.yaml", "");
        var load = Load();
        Assert.Equal(LoadOutcome.Unreadable, load.Outcome);
        Assert.Equal("Pulumi.yaml", Assert.Single(load.Errors).Key);
    }

    [Fact]
    public void AFolderInPlaceOfTheStackFileIsUnreadable()
    {
        Write("Pulumi.yaml", Project);
        Directory.CreateDirectory(PathOf("Pulumi.dev.yaml"));
        var load = Load();
        Assert.Equal(LoadOutcome.Unreadable, load.Outcome);
        Assert.Equal(("Pulumi.dev.yaml", "is a folder, not a file."), (Assert.Single(load.Errors).Key, load.Errors[0].Message));
    }

    [Fact]
    public void ADanglingLinkIsUnreadableAndNamesItsTarget()
    {
        Write("Pulumi.yaml", Project);
        File.CreateSymbolicLink(PathOf("Pulumi.dev.yaml"), PathOf("gone.yaml"));
        var load = Load();
        Assert.Equal(LoadOutcome.Unreadable, load.Outcome);
        Assert.Equal(("Pulumi.dev.yaml", $"is a link to '{PathOf("gone.yaml")}', which does not exist."), (Assert.Single(load.Errors).Key, load.Errors[0].Message));
    }

    [Fact]
    public void ALinkToAFileIsRead()
    {
        Write("Pulumi.yaml", Project);
        Write("real.yaml", "config:\n  demo:size: big\n");
        File.CreateSymbolicLink(PathOf("Pulumi.dev.yaml"), PathOf("real.yaml"));
        var load = Load();
        Assert.Equal(LoadOutcome.Loaded, load.Outcome);
        Assert.Equal("big", load.Config!.Get("demo:size"));
    }

    [Fact]
    public void ALoopOfLinksCannotBeRead()
    {
        Write("Pulumi.yaml", Project);
        File.CreateSymbolicLink(PathOf("Pulumi.dev.yaml"), PathOf("loop.yaml"));
        File.CreateSymbolicLink(PathOf("loop.yaml"), PathOf("Pulumi.dev.yaml"));
        var load = Load();
        Assert.Equal(LoadOutcome.Unreadable, load.Outcome);
        var error = Assert.Single(load.Errors);
        Assert.Equal("Pulumi.dev.yaml", error.Key);
        Assert.StartsWith("cannot be read: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TextThatIsNotUtf8IsInvalidAndNamesTheByte()
    {
        Write("Pulumi.yaml", Project);
        WriteBytes("Pulumi.dev.yaml", [.. Encoding.UTF8.GetBytes("config:\n  demo:size: "), 0xFF, (byte)'\n']);
        var load = Load();
        Assert.Equal(LoadOutcome.Invalid, load.Outcome);
        Assert.Null(load.Config);
        Assert.Equal(("Pulumi.dev.yaml", "is not valid UTF-8 (byte 22); YAML files must be UTF-8 text."), (Assert.Single(load.Errors).Key, load.Errors[0].Message));
    }

    [Fact]
    public void TheBytePositionCountsTheByteOrderMark()
    {
        Write("Pulumi.yaml", Project);
        WriteBytes("Pulumi.dev.yaml", [0xEF, 0xBB, 0xBF, (byte)'a', 0xC3, (byte)'\n']);
        Assert.Equal("is not valid UTF-8 (byte 5); YAML files must be UTF-8 text.", Assert.Single(Load().Errors).Message);
    }

    [Fact]
    public void AProjectFileThatIsNotUtf8IsInvalidEvenWithTheStackFileMissingToo()
    {
        WriteBytes("Pulumi.yaml", [0xFF]);
        var load = Load();
        Assert.Equal(LoadOutcome.Unreadable, load.Outcome);
        Assert.Equal(["Pulumi.yaml", "Pulumi.dev.yaml"], load.Errors.Select(error => error.Key));
    }

    [Fact]
    public void AProjectFileThatIsNotUtf8IsInvalid()
    {
        WriteBytes("Pulumi.yaml", [0xFF]);
        Write("Pulumi.dev.yaml", "");
        var load = Load();
        Assert.Equal(LoadOutcome.Invalid, load.Outcome);
        Assert.Equal(("Pulumi.yaml", "is not valid UTF-8 (byte 1); YAML files must be UTF-8 text."), (Assert.Single(load.Errors).Key, load.Errors[0].Message));
    }

    // A broken project is reported alone: the stack file is judged against a project that was read.
    [Fact]
    public void ABrokenProjectIsInvalidAndTheStackIsNotJudgedAgainstIt()
    {
        Write("Pulumi.yaml", "name: demo\nruntime: dotnet\nconfig:\n  size:\n    type: number\n");
        Write("Pulumi.dev.yaml", "confg: {}\n");
        var load = Load();
        Assert.Equal(LoadOutcome.Invalid, load.Outcome);
        Assert.Null(load.Config);
        Assert.Equal("Pulumi.yaml: config.size", Assert.Single(load.Errors).Key);
    }

    [Fact]
    public void AProjectWithoutNameIsInvalid()
    {
        Write("Pulumi.yaml", "runtime: dotnet\n");
        Write("Pulumi.dev.yaml", "");
        var load = Load();
        Assert.Equal(LoadOutcome.Invalid, load.Outcome);
        Assert.Equal("Pulumi.yaml: name", Assert.Single(load.Errors).Key);
    }

    [Fact]
    public void ABrokenStackFileIsInvalidWithItsErrors()
    {
        Write("Pulumi.yaml", Project);
        Write("Pulumi.dev.yaml", "confg: {}\n");
        var load = Load();
        Assert.Equal(LoadOutcome.Invalid, load.Outcome);
        Assert.Null(load.Config);
        Assert.Equal("Pulumi.dev.yaml: confg", Assert.Single(load.Errors).Key);
    }
}
