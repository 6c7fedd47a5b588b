using System.Text;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.Footnotes;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Delivery.Tests.Docs;

/// <summary>A link or image in a Markdown file: where it is (1-based line) and its destination as written.</summary>
internal sealed record MarkdownLink(int Line, string Target);

/// <summary>A heading: its level, 1-based line, the text GitHub renders for it and the anchor GitHub gives it.</summary>
internal sealed record MarkdownHeading(int Level, int Line, string Text, string Anchor);

/// <summary>
/// A Markdown file parsed as GitHub renders it (CommonMark plus GFM's tables, strikethrough, task lists, footnotes
/// and autolinks), so a link inside a code span or a code block is text, not a link.
/// </summary>
internal sealed partial class MarkdownFile
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePreciseSourceLocation()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseTaskLists()
        .UseFootnotes()
        .UseAutoLinks()
        .Build();

    private MarkdownFile(string text, MarkdownDocument document)
    {
        Text = text;
        Document = document;
        var slugger = new GitHubSlugger();
        Headings = document.Descendants<HeadingBlock>()
            .Select(h =>
            {
                var headingText = h.Inline is null ? "" : InlineText(h.Inline);
                return new MarkdownHeading(h.Level, h.Line + 1, headingText, slugger.Slug(headingText));
            })
            .ToList();
        Links = FindLinks(document).OrderBy(l => l.Line).ToList();
        Anchors = Headings.Select(h => h.Anchor).Concat(ExplicitAnchors(document)).ToHashSet(StringComparer.Ordinal);
    }

    public string Text { get; }

    public MarkdownDocument Document { get; }

    public IReadOnlyList<MarkdownHeading> Headings { get; }

    /// <summary>Every link and image destination: Markdown links (inline and reference), and href/src in raw HTML.</summary>
    public IReadOnlyList<MarkdownLink> Links { get; }

    /// <summary>What a "#fragment" may name: each heading's anchor and each &lt;a id&gt; / &lt;a name&gt;.</summary>
    public IReadOnlySet<string> Anchors { get; }

    public static MarkdownFile Parse(string text) => new(text, Markdown.Parse(text, Pipeline));

    /// <summary>The text a heading renders to: literal text, code spans' content and emphasised or linked text; no HTML tags, no image.</summary>
    public static string InlineText(ContainerInline container)
    {
        var builder = new StringBuilder();
        Append(container, builder);
        return builder.ToString();

        static void Append(Inline inline, StringBuilder builder)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    builder.Append(literal.Content.ToString());
                    break;
                case CodeInline code:
                    builder.Append(code.Content);
                    break;
                case HtmlEntityInline entity:
                    builder.Append(entity.Transcoded.ToString());
                    break;
                case AutolinkInline autolink:
                    builder.Append(autolink.Url);
                    break;
                case LineBreakInline:
                    builder.Append(' ');
                    break;
                case LinkInline { IsImage: true }:
                case FootnoteLink:
                    break;
                case ContainerInline nested:
                    foreach (var child in nested)
                    {
                        Append(child, builder);
                    }

                    break;
            }
        }
    }

    private static IEnumerable<MarkdownLink> FindLinks(MarkdownDocument document)
    {
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (link.Url is { Length: > 0 } url)
            {
                yield return new MarkdownLink(link.Line + 1, url);
            }
        }

        foreach (var (line, html) in Html(document))
        {
            foreach (Match match in HtmlLink().Matches(html))
            {
                yield return new MarkdownLink(line, System.Net.WebUtility.HtmlDecode(match.Groups["url"].Value));
            }
        }
    }

    private static IEnumerable<string> ExplicitAnchors(MarkdownDocument document) =>
        Html(document).SelectMany(h => HtmlAnchor().Matches(h.Html).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups["id"].Value)));

    /// <summary>Raw HTML, line by line (HTML blocks and inline tags), without comments.</summary>
    private static IEnumerable<(int Line, string Html)> Html(MarkdownDocument document)
    {
        foreach (var block in document.Descendants<HtmlBlock>())
        {
            if (block.Type == HtmlBlockType.Comment)
            {
                continue;
            }

            foreach (var line in block.Lines.Lines.Take(block.Lines.Count))
            {
                yield return (line.Line + 1, line.Slice.ToString());
            }
        }

        foreach (var inline in document.Descendants<HtmlInline>())
        {
            if (!inline.Tag.StartsWith("<!--", StringComparison.Ordinal))
            {
                yield return (inline.Line + 1, inline.Tag);
            }
        }
    }

    [GeneratedRegex("""\b(?:href|src)\s*=\s*(?:"(?<url>[^"]*)"|'(?<url>[^']*)')""", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlLink();

    [GeneratedRegex("""<a\s[^>]*?\b(?:id|name)\s*=\s*(?:"(?<id>[^"]*)"|'(?<id>[^']*)')""", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlAnchor();
}
