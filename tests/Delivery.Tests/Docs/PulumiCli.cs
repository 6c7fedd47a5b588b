namespace Delivery.Tests.Docs;

/// <summary>A Pulumi CLI command as pulumi/pulumi defines it with cobra: how it may be spelled, whether it takes a stack
/// name as its argument, its flags (only those the docs may show), and the file that defines it.</summary>
internal sealed record PulumiCommand(
    string Name,
    IReadOnlyList<string> Spellings,
    bool TakesStackName,
    IReadOnlyList<string> BooleanFlags,
    string Source);

/// <summary>
/// The Pulumi CLI commands the docs may show, read from pulumi/pulumi@v3.259.0 (the CLI's cobra command definitions;
/// the Pulumi CLI itself cannot run here). Every one has the string flag <c>--stack</c>/<c>-s</c> ("The name of the stack
/// to operate on", a persistent flag of the command). A command or flag not listed is not known to be right: read its
/// definition and add it.
/// </summary>
internal static class PulumiCli
{
    public const string Release = "pulumi/pulumi@v3.259.0";

    public static readonly IReadOnlyList<string> StackFlags = ["--stack", "-s"];

    public static readonly IReadOnlyList<PulumiCommand> Commands =
    [
        // Use "new", Aliases {"init", "create", "setup"}; one optional argument "[org-name/]<stack-name>"; the stack
        // created is selected unless --no-select. Registered under `pulumi stack` by pkg/cmd/pulumi/stack/stack.go.
        new("stack init", ["stack new", "stack init", "stack create", "stack setup"], true, ["--yes", "-y"], "pkg/cmd/pulumi/stack/stack_new.go"),

        // Use "up", Aliases {"update"}; its one optional argument is a template or URL, not a stack.
        new("up", ["up", "update"], false, ["--yes", "-y"], "pkg/cmd/pulumi/operations/up.go"),

        // Use "preview", Aliases {"pre"}.
        new("preview", ["preview", "pre"], false, [], "pkg/cmd/pulumi/operations/preview.go"),

        // Use "refresh".
        new("refresh", ["refresh"], false, ["--yes", "-y"], "pkg/cmd/pulumi/operations/refresh.go"),

        // Use "destroy", Aliases {"down", "dn"}.
        new("destroy", ["destroy", "down", "dn"], false, ["--yes", "-y"], "pkg/cmd/pulumi/operations/destroy.go"),
    ];

    /// <summary>The command the words start with (the longest spelling that matches), and the words after it.</summary>
    public static (PulumiCommand Command, IReadOnlyList<string> Remaining)? Find(IReadOnlyList<string> words)
    {
        var match = Commands
            .SelectMany(c => c.Spellings.Select(s => (Command: c, Words: s.Split(' '))))
            .Where(c => c.Words.Length <= words.Count && c.Words.SequenceEqual(words.Take(c.Words.Length)))
            .OrderByDescending(c => c.Words.Length)
            .FirstOrDefault();
        return match.Command is null ? null : (match.Command, words.Skip(match.Words.Length).ToList());
    }
}
