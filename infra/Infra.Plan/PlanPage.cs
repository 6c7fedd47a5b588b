using System.Text;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Infra.Plan;

/// <summary>
/// Where the plan's sections are written: plain text tables for a terminal or a log, or GitHub-flavoured Markdown
/// (the pull request's job summary). Both are laid out by Spectre.Console at a width fixed by the caller, so the
/// output never depends on the terminal it happens to run in.
/// </summary>
internal sealed class PlanPage
{
    /// <summary>Wide enough for a layer ARN and the IAM grants on one line; CI logs do not wrap.</summary>
    public const int FixedWidth = 200;

    /// <summary>Markdown rows must never wrap: a wrapped row is two broken rows.</summary>
    private const int MarkdownWidth = 10_000;

    private readonly TextWriter _writer;
    private readonly int _width;
    private readonly bool _markdown;

    private PlanPage(TextWriter writer, int width, bool markdown)
    {
        _writer = writer;
        _width = width;
        _markdown = markdown;
    }

    public static PlanPage Text(TextWriter writer, int? width = null) => new(writer, width ?? FixedWidth, markdown: false);

    public static PlanPage Markdown(TextWriter writer) => new(writer, MarkdownWidth, markdown: true);

    public void Title(string text) => Block(_markdown ? $"## {Escape(text)}" : text);

    public void Heading(string title)
    {
        if (_markdown)
        {
            Block($"### {Escape(title)}");
        }
        else
        {
            _writer.WriteLine();
            _writer.WriteLine(title);
            _writer.WriteLine(new string('-', title.Length));
        }
    }

    /// <summary>A line of prose; in Markdown its own paragraph.</summary>
    public void Line(string text) => Block(Escape(text));

    public void Bullets(IEnumerable<string> items) => Block(string.Join("\n", items.Select(item => $"- {Escape(item)}")));

    public void Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        var table = new Table().Border(_markdown ? TableBorder.Markdown : TableBorder.Rounded);
        foreach (var header in headers)
        {
            table.AddColumn(new TableColumn(Cell(header)));
        }

        foreach (var row in rows)
        {
            table.AddRow(row.Select(Cell));
        }

        using var rendered = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(rendered),
        });
        console.Profile.Width = _width;
        console.Write(table);

        // Spectre pads every line to the table's width, and the Markdown border leaves blank top and bottom lines.
        var lines = rendered.ToString().Split('\n').Select(line => line.TrimEnd()).Where(line => line.Length > 0);
        Block(string.Join("\n", lines));
    }

    private IRenderable Cell(string text) => new Text(Escape(text));

    /// <summary>Writes a block of lines; in Markdown a blank line ends it, so paragraphs and tables stay apart.</summary>
    private void Block(string text)
    {
        _writer.WriteLine(text);
        if (_markdown)
        {
            _writer.WriteLine();
        }
    }

    /// <summary>Markdown would read '&lt;account-id&gt;' as an HTML tag, '*' as emphasis and '|' as a cell border.</summary>
    private string Escape(string text)
    {
        if (!_markdown)
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length);
        foreach (var character in text)
        {
            if (character is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '|' or '~' or '#')
            {
                escaped.Append('\\');
            }

            escaped.Append(character);
        }

        return escaped.ToString();
    }
}
