using System.Text;
using Infra.Core.Settings;

namespace Infra.Core.StackFiles;

/// <summary>How reading a stack's files ended.</summary>
public enum LoadOutcome
{
    /// <summary>The config the engine would pass to the program.</summary>
    Loaded,

    /// <summary>A file could not be read at all (missing, a dangling link, no permission).</summary>
    Unreadable,

    /// <summary>The files were read, and what they say breaks Pulumi's rules or this program's.</summary>
    Invalid,
}

public sealed record StackLoad(LoadOutcome Outcome, RawStackConfig? Config, IReadOnlyList<SettingsError> Errors)
{
    /// <summary>The Pulumi ESC environments the stack file imports; their values cannot be read offline.</summary>
    public IReadOnlyList<string> Environments { get; init; } = [];

    /// <summary>Keys whose value cannot be seen offline and that nothing stands in for (see <see cref="MergedStack"/>).</summary>
    public IReadOnlyList<HiddenKey> Hidden { get; init; } = [];

    /// <summary>Keys whose value came from the command line.</summary>
    public IReadOnlyList<string> FromCommandLine { get; init; } = [];
}

/// <summary>
/// The folder holding Pulumi.yaml and the Pulumi.&lt;stack&gt;.yaml files: lists the stacks and loads one of them
/// exactly as the CLI would hand it to the program, or says why it cannot. Never throws for anything in the files.
/// </summary>
public static class StackFolder
{
    /// <summary>The stacks that have a file in the folder (Pulumi.dev.yaml → dev).</summary>
    public static IReadOnlyList<string> FindStacks(string directory)
    {
        try
        {
            return Directory.EnumerateFileSystemEntries(directory, "Pulumi.*.yaml")
                .Select(path => Path.GetFileName(path)["Pulumi.".Length..^".yaml".Length])
                .Where(stack => stack.Length > 0)
                .Order(StringComparer.Ordinal)
                .ToList();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    /// <param name="overrides">Values given on the command line; they win over the stack file (see <see cref="PulumiStack.Read"/>).</param>
    public static StackLoad Load(string directory, string stack, IReadOnlyDictionary<string, string>? overrides = null)
    {
        var errors = new ErrorSink();
        var projectText = ReadText(Path.Combine(directory, PulumiProject.FileName), PulumiProject.FileName, errors, out var projectReadable);
        var stackFile = PulumiStack.FileName(stack);
        var stackText = ReadText(Path.Combine(directory, stackFile), stackFile, errors, out var stackReadable);
        if (!projectReadable || !stackReadable)
        {
            return new StackLoad(LoadOutcome.Unreadable, null, errors.Errors);
        }

        if (projectText is null || stackText is null)
        {
            return new StackLoad(LoadOutcome.Invalid, null, errors.Errors);
        }

        var project = PulumiProject.Parse(projectText, errors);
        if (project is null || errors.Errors.Count > 0)
        {
            return new StackLoad(LoadOutcome.Invalid, null, errors.Errors);
        }

        var merged = PulumiStack.Read(project, stack, stackText, errors, overrides);
        return merged is null
            ? new StackLoad(LoadOutcome.Invalid, null, errors.Errors)
            : new StackLoad(LoadOutcome.Loaded, merged.Config, [])
            {
                Environments = merged.Environments,
                Hidden = merged.Hidden,
                FromCommandLine = merged.FromCommandLine,
            };
    }

    /// <summary>
    /// The file's text, decoded as the CLI reads it: readFileStripUTF8BOM (pulumi/pulumi
    /// sdk/go/common/workspace/loaders.go) drops a UTF-8 byte order mark, and its YAML reader, gopkg.in/yaml.v3, takes
    /// a UTF-16 byte order mark (FF FE little-endian, FE FF big-endian) to mean UTF-16 and anything else to mean UTF-8
    /// (go-yaml/yaml@v3.0.1:readerc.go, yaml_parser_determine_encoding). Decoding is strict, as there. Null with an
    /// error when the file cannot be read (readable = false) or is not valid text in its encoding.
    /// </summary>
    private static string? ReadText(string path, string file, ErrorSink errors, out bool readable)
    {
        readable = false;
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (info.LinkTarget is { } target && info.ResolveLinkTarget(returnFinalTarget: true) is not { Exists: true })
            {
                errors.Add(file, $"is a link to '{target}', which does not exist.");
                return null;
            }

            if (!info.Exists)
            {
                errors.Add(file, Directory.Exists(path) ? "is a folder, not a file." : "does not exist.");
                return null;
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            errors.Add(file, $"cannot be read: {exception.Message}");
            return null;
        }

        readable = true;
        var (encoding, name, start) = DetectEncoding(bytes);
        if (name != "UTF-8" && (bytes.Length - start) % 2 != 0)
        {
            errors.Add(file, $"is not valid {name}: it ends in half a character (yaml.v3: \"incomplete UTF-16 character\").");
            return null;
        }

        try
        {
            return encoding.GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException exception)
        {
            // The index counts from where decoding started; the message counts bytes of the file from 1.
            errors.Add(file, $"is not valid {name} (byte {start + exception.Index + 1}); YAML files must be UTF-8 text{(name == "UTF-8" ? "" : " or UTF-16 with a byte order mark")}.");
            return null;
        }
    }

    /// <summary>The encoding a file's first bytes announce, its name, and where its text starts.</summary>
    private static (Encoding Encoding, string Name, int Start) DetectEncoding(byte[] bytes)
    {
        ReadOnlySpan<byte> start = bytes;
        if (start.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return (StrictUtf8, "UTF-8", 3);
        }

        if (start.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return (new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true), "UTF-16", 2);
        }

        return start.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])
            ? (new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true), "UTF-16", 2)
            : (StrictUtf8, "UTF-8", 0);
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
}
