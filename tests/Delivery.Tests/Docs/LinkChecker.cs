using System.Text.RegularExpressions;

namespace Delivery.Tests.Docs;

/// <summary>A link that does not resolve: <c>file:line: target (why)</c>.</summary>
internal sealed record BrokenLink(string File, int Line, string Target, string Why)
{
    public override string ToString() => $"{File}:{Line}: {Target} ({Why})";
}

/// <summary>
/// Checks the relative links and images of Markdown files against a repository's files: the target exists, relative
/// to the linking file (or to the repository root for a path starting with '/', as GitHub resolves it), and a
/// "#fragment" names a heading anchor or an &lt;a id&gt; of the target Markdown file. Links with a scheme (https:,
/// mailto:) are not followed: no network.
/// </summary>
/// <param name="files">Every file of the repository, as '/'-separated paths relative to its root.</param>
/// <param name="read">Reads a file of the repository by that path.</param>
internal sealed partial class LinkChecker(IReadOnlyCollection<string> files, Func<string, string> read)
{
    private readonly HashSet<string> _files = files.ToHashSet(StringComparer.Ordinal);
    private readonly HashSet<string> _folders = files.SelectMany(Parents).ToHashSet(StringComparer.Ordinal);
    private readonly Dictionary<string, MarkdownFile> _parsed = new(StringComparer.Ordinal);

    public IReadOnlyList<BrokenLink> Check(IEnumerable<string> markdownFiles) =>
        markdownFiles.SelectMany(CheckFile).ToList();

    public IEnumerable<BrokenLink> CheckFile(string path)
    {
        foreach (var link in Parse(path).Links)
        {
            if (Why(path, link.Target) is { } why)
            {
                yield return new BrokenLink(path, link.Line, link.Target, why);
            }
        }
    }

    private string? Why(string from, string target)
    {
        if (Scheme().IsMatch(target) || target.StartsWith("//", StringComparison.Ordinal))
        {
            return null;
        }

        var hash = target.IndexOf('#', StringComparison.Ordinal);
        var pathPart = hash < 0 ? target : target[..hash];
        var fragment = hash < 0 ? null : Uri.UnescapeDataString(target[(hash + 1)..]);
        var query = pathPart.IndexOf('?', StringComparison.Ordinal);
        if (query >= 0)
        {
            pathPart = pathPart[..query];
        }

        string resolved;
        if (pathPart.Length == 0)
        {
            resolved = from;
        }
        else if (Resolve(from, Uri.UnescapeDataString(pathPart)) is { } path)
        {
            resolved = path;
        }
        else
        {
            return "outside the repository";
        }

        var isFile = _files.Contains(resolved);
        if (!isFile && !_folders.Contains(resolved))
        {
            return "no such file or folder";
        }

        if (string.IsNullOrEmpty(fragment))
        {
            return null;
        }

        // A folder shows its README.md, and a fragment then names one of its headings.
        var anchorsOf = isFile ? resolved : resolved.Length == 0 ? "README.md" : $"{resolved}/README.md";
        if (!IsMarkdown(anchorsOf) || !_files.Contains(anchorsOf))
        {
            // GitHub's code view anchors a line or a range of lines of any other file (#L10, #L10-L20).
            return isFile && LineAnchor().IsMatch(fragment) ? null : $"#{fragment} on {(isFile ? "a file that is not Markdown" : "a folder without a README.md")}";
        }

        return Parse(anchorsOf).Anchors.Contains(fragment) ? null : $"no heading or <a id> gives #{fragment} in {anchorsOf}";
    }

    private MarkdownFile Parse(string path)
    {
        if (!_parsed.TryGetValue(path, out var file))
        {
            file = MarkdownFile.Parse(read(path));
            _parsed[path] = file;
        }

        return file;
    }

    /// <summary>The repository path a link names, or null when it climbs above the root.</summary>
    private static string? Resolve(string from, string link)
    {
        var segments = new List<string>();
        if (!link.StartsWith('/'))
        {
            segments.AddRange(from.Split('/')[..^1]);
        }

        foreach (var segment in link.Split('/'))
        {
            switch (segment)
            {
                case "" or ".":
                    break;
                case "..":
                    if (segments.Count == 0)
                    {
                        return null;
                    }

                    segments.RemoveAt(segments.Count - 1);
                    break;
                default:
                    segments.Add(segment);
                    break;
            }
        }

        return string.Join('/', segments);
    }

    private static IEnumerable<string> Parents(string path)
    {
        yield return "";
        for (var i = path.IndexOf('/', StringComparison.Ordinal); i >= 0; i = path.IndexOf('/', i + 1))
        {
            yield return path[..i];
        }
    }

    private static bool IsMarkdown(string path) => path.EndsWith(".md", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9+.-]*:")]
    private static partial Regex Scheme();

    [GeneratedRegex("^L[0-9]+(-L[0-9]+)?$")]
    private static partial Regex LineAnchor();
}
