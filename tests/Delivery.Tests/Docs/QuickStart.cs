using System.Text.RegularExpressions;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

// Also compiled into tests/Infra.Plan.Tests, which runs the quick start's `scripts/plan` lines.
namespace Delivery.Tests.Docs;

/// <summary>One command of the quick start: its 1-based line in the README, the text before any comment, and its words.</summary>
internal sealed record ShellCommand(int Line, string Text, IReadOnlyList<string> Words)
{
    public string Program => Words[0];

    public IReadOnlyList<string> Arguments => Words.Skip(1).ToList();

    public override string ToString() => $"README.md:{Line}: {Text}";
}

/// <summary>
/// The README's "## Quick start" section: prose (the prerequisites) and one ```sh block, one plain command a line, a
/// comment after '#'. What cannot be read that way is a problem, so each command's check sees exactly what a reader types.
/// </summary>
internal sealed partial record QuickStart(int HeadingLine, IReadOnlyList<ShellCommand> Commands, IReadOnlyList<string> Problems)
{
    public const string Heading = "Quick start";

    public IEnumerable<ShellCommand> Running(string program) => Commands.Where(c => c.Program == program);

    public static QuickStart Read(string markdown)
    {
        var document = Markdown.Parse(markdown);
        var problems = new List<string>();
        var headings = document.OfType<HeadingBlock>().Where(h => h.Level == 2 && Text(h) == Heading).ToList();
        if (headings.Count != 1)
        {
            problems.Add($"README.md has {headings.Count} '## {Heading}' headings; expected one");
            return new QuickStart(0, [], problems);
        }

        var heading = headings[0];
        var section = document.SkipWhile(b => b != heading).Skip(1)
            .TakeWhile(b => b is not HeadingBlock { Level: <= 2 })
            .ToList();
        var blocks = section.SelectMany(b => b is ContainerBlock c ? c.Descendants<FencedCodeBlock>() : b is FencedCodeBlock f ? [f] : [])
            .ToList();
        if (blocks.Count != 1 || blocks[0].Info != "sh")
        {
            problems.Add($"README.md:{heading.Line + 1}: '## {Heading}' has {blocks.Count} code block(s) ({string.Join(", ", blocks.Select(b => $"'{b.Info}'"))}); expected one ```sh block");
            return new QuickStart(heading.Line + 1, [], problems);
        }

        var commands = new List<ShellCommand>();
        foreach (var line in blocks[0].Lines.Lines.Take(blocks[0].Lines.Count))
        {
            var number = line.Line + 1;
            var text = Comment().Replace(line.Slice.ToString(), "").Trim();
            if (text.Length == 0)
            {
                continue;
            }

            if (ShellSyntax().Match(text) is { Success: true } syntax)
            {
                problems.Add($"README.md:{number}: '{text}' uses '{syntax.Value}'; the quick start's checks read plain commands (words separated by spaces)");
                continue;
            }

            commands.Add(new ShellCommand(number, text, text.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
        }

        if (commands.Count == 0)
        {
            problems.Add($"README.md:{heading.Line + 1}: the quick start's sh block has no command");
        }

        return new QuickStart(heading.Line + 1, commands, problems);
    }

    private static string Text(HeadingBlock heading) =>
        heading.Inline is null ? "" : string.Concat(heading.Inline.Descendants<LiteralInline>().Select(l => l.Content.ToString())).Trim();

    // A shell comment starts with '#' at the start of a word.
    [GeneratedRegex(@"(^|\s)#.*$")]
    private static partial Regex Comment();

    [GeneratedRegex("""[;&|<>`$"'\\(){}*?\[\]~]""")]
    private static partial Regex ShellSyntax();
}
