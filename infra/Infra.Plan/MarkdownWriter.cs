using System.Text;

namespace Infra.Plan;

/// <summary>Markdown for a generated page: LF line ends only, table cells escaped.</summary>
internal sealed class MarkdownWriter
{
    private readonly StringBuilder _text = new();

    public MarkdownWriter Line(string line = "")
    {
        _text.Append(line).Append('\n');
        return this;
    }

    public MarkdownWriter Paragraph(string text) => Line(text).Line();

    public MarkdownWriter Heading(int level, string title) => Paragraph($"{new string('#', level)} {title}");

    /// <summary>A table, then a blank line. A cell's line breaks become &lt;br&gt; and its pipes are escaped, as GitHub's tables need.</summary>
    public MarkdownWriter Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        Line(Row(header));
        Line(Row(header.Select(_ => "---").ToList()));
        foreach (var row in rows)
        {
            Line(Row(row));
        }

        return Line();
    }

    public override string ToString() => _text.ToString();

    /// <summary>The anchor GitHub gives a heading: lower case, spaces to hyphens, punctuation other than hyphens and underscores dropped.</summary>
    public static string Anchor(string heading) =>
        string.Concat(heading.ToLowerInvariant().Where(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_').Select(c => c == ' ' ? '-' : c));

    public static string Code(string text) => $"`{text}`";

    /// <summary>
    /// Text written for a reader, with &lt; and &gt; outside code spans escaped: GitHub would take <c>&lt;stack&gt;</c>
    /// for an HTML tag and drop it.
    /// </summary>
    public static string Prose(string text) =>
        string.Join('`', text.Split('`').Select((part, index) => index % 2 == 1 ? part
            : part.Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal)));

    private static string Row(IReadOnlyList<string> cells) =>
        $"| {string.Join(" | ", cells.Select(cell => cell.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", "<br>", StringComparison.Ordinal)))} |";
}
