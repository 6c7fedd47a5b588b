using System.Text.RegularExpressions;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Delivery.Tests.Docs;

/// <summary>
/// What the README must be: at most <see cref="MaxLines"/> lines; the article it implements named by its title and
/// linked; a mermaid diagram; a "## Quick start" with one ```sh block holding the commands a new reader runs.
/// </summary>
internal static partial class ReadmeShape
{
    public const int MaxLines = 200;

    // The article, as published at https://www.wallacel.com/index.php/2024/09/30/implementing-aws-x-ray-for-tracing-your-application/
    // (its title: "Implementing AWS X-Ray for Tracing and Debugging Your Application").
    public const string ArticleTitle = "Implementing AWS X-Ray for Tracing and Debugging Your Application";

    public const string ArticleUrl = "https://www.wallacel.com/index.php/2024/09/30/implementing-aws-x-ray-for-tracing-your-application/";

    /// <summary>The commands the quick start shows, each as the words a quick-start line starts with.</summary>
    public static readonly IReadOnlyList<string> QuickStartCommands =
        ["scripts/plan dev", "scripts/test", "pulumi stack init dev", "pulumi up", "scripts/verify-traces dev", "pulumi destroy"];

    public static IReadOnlyList<string> Check(string readme)
    {
        var problems = new List<string>();
        var lines = readme.Split('\n').Length - (readme.EndsWith('\n') ? 1 : 0);
        if (lines > MaxLines)
        {
            problems.Add($"README.md has {lines} lines; at most {MaxLines}: move reference material to docs/");
        }

        var file = MarkdownFile.Parse(readme);
        var text = Space().Replace(string.Join(" ", file.Document.Descendants<LeafBlock>().Where(b => b.Inline is not null).Select(b => MarkdownFile.InlineText(b.Inline!))), " ");
        if (!text.Contains(ArticleTitle, StringComparison.Ordinal))
        {
            problems.Add($"README.md does not name the article it implements: \"{ArticleTitle}\"");
        }

        var autolinks = file.Document.Descendants<AutolinkInline>().Select(a => a.Url);
        if (!file.Links.Select(l => l.Target).Concat(autolinks).Contains(ArticleUrl))
        {
            problems.Add($"README.md does not link the article: {ArticleUrl}");
        }

        if (!file.Document.Descendants<FencedCodeBlock>().Any(b => b.Info == "mermaid"))
        {
            problems.Add("README.md has no diagram (a ```mermaid block)");
        }

        var quickStart = QuickStart.Read(readme);
        problems.AddRange(quickStart.Problems);
        if (quickStart.Commands.Count > 0)
        {
            foreach (var expected in QuickStartCommands)
            {
                var words = expected.Split(' ');
                if (!quickStart.Commands.Any(c => c.Words.Take(words.Length).SequenceEqual(words)))
                {
                    problems.Add($"README.md:{quickStart.HeadingLine}: the quick start does not show '{expected}'");
                }
            }
        }

        return problems;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();
}
