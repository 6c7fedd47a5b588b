using System.CommandLine;
using System.CommandLine.Help;
using Infra.App;
using Infra.Core.App;
using Infra.Core.Blueprint;
using Infra.Core.Naming;
using Infra.Core.Settings;
using Infra.Core.StackFiles;

namespace Infra.Plan;

/// <summary>scripts/plan &lt;stack&gt; [--format table|json|markdown] [--json] [--dir &lt;repo&gt;] [--account &lt;id&gt;] [--config &lt;key=value&gt;]...</summary>
internal static class PlanCommand
{
    public const int Ok = 0;
    public const int Unreadable = 1;
    public const int InvalidSettings = 2;

    /// <summary>A key the stack needs cannot be seen offline (an imported ESC environment's, or encrypted) and --config did not give it.</summary>
    public const int Incomplete = 3;

    public const int Usage = 64;

    public const string UsageText = "usage: scripts/plan <stack> [--format table|json|markdown] [--json] [--dir <repo>] [--account <12-digit account id>] [--config <key>=<value>]...";

    /// <param name="terminalWidth">The terminal's width when stdout is one; tables then fit it. Otherwise a fixed width.</param>
    /// <param name="app">The app to plan; the program's own (<see cref="ChatbotApp"/>) unless another is given.</param>
    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, int? terminalWidth = null, AppDefinition? app = null)
    {
        var cli = new PlanCli();
        var parsed = cli.Command.Parse(args);
        if (parsed.Action is HelpAction)
        {
            return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
        }

        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                stderr.WriteLine(error.Message);
            }

            stderr.WriteLine(UsageText);
            return Usage;
        }

        var request = cli.Read(parsed);
        var loaded = LoadAndValidate(request, app ?? new ChatbotApp(), stderr);
        if (loaded.Settings is not { } settings)
        {
            return loaded.ExitCode;
        }

        StackBlueprint blueprint;
        try
        {
            blueprint = StackBlueprint.Create(settings, loaded.App ?? AppDeclaration.Empty, AwsContext.For(settings.Region, request.Account));
        }
        catch (InvalidStackSettingsException exception)
        {
            WriteErrors(stderr, request.Stack, exception.Errors);
            return InvalidSettings;
        }

        IReadOnlyList<string> warnings = [.. loaded.Warnings, .. blueprint.RouteWarnings];
        switch (request.Format)
        {
            case PlanFormat.Json:
                stdout.WriteLine(PlanJson.Serialize(blueprint, warnings));
                break;
            case PlanFormat.Markdown:
                PlanTable.Write(blueprint, warnings, PlanPage.Markdown(stdout));
                break;
            default:
                PlanTable.Write(blueprint, warnings, PlanPage.Text(stdout, terminalWidth));
                break;
        }

        foreach (var warning in warnings)
        {
            stderr.WriteLine($"warning: {warning}");
        }

        return Ok;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Reading and validating the stack. Everything above only prints what this returns.
    // ---------------------------------------------------------------------------------------------------------------

    /// <summary>
    /// Reads Pulumi.yaml and Pulumi.&lt;stack&gt;.yaml from <paramref name="directory"/> with Pulumi's rules, parses and
    /// validates the settings (this stack alone, then against its sibling stacks) and reports every problem on stderr.
    /// </summary>
    private static LoadedStack LoadAndValidate(PlanRequest request, AppDefinition app, TextWriter stderr)
    {
        var (directory, stack) = (request.Directory, request.Stack);
        if (!File.Exists(Path.Combine(directory, PulumiProject.FileName)))
        {
            stderr.WriteLine($"no {PulumiProject.FileName} in {directory}; run from the repository root or pass --dir <repo>");
            return new LoadedStack(Unreadable, null, [], []);
        }

        var stacks = StackFolder.FindStacks(directory);
        if (!stacks.Contains(stack))
        {
            stderr.WriteLine($"no stack file Pulumi.{stack}.yaml in {directory}; stacks found: {(stacks.Count == 0 ? "none" : string.Join(", ", stacks))}");
            return new LoadedStack(Unreadable, null, [], []);
        }

        var loaded = StackLoader.Load(directory, stack, stacks, app, request.Config);
        if (loaded.Settings is null)
        {
            foreach (var warning in loaded.Warnings)
            {
                stderr.WriteLine($"warning: {warning}");
            }

            if (loaded.Errors.Count > 0)
            {
                WriteErrors(stderr, stack, loaded.Errors);
            }

            WriteHidden(stderr, stack, loaded.Hidden);
        }

        return loaded;
    }

    private static void WriteHidden(TextWriter stderr, string stack, IReadOnlyList<HiddenKey> hidden)
    {
        if (hidden.Count == 0)
        {
            return;
        }

        stderr.WriteLine($"Stack {stack}: {hidden.Count} needed setting{(hidden.Count == 1 ? "" : "s")} the offline plan cannot see:");
        foreach (var key in hidden)
        {
            stderr.WriteLine($"  - {key.Key}: {key.Source}. Pass it with --config {key.Key}=<value>");
        }
    }

    private static void WriteErrors(TextWriter stderr, string stack, IReadOnlyList<SettingsError> errors)
    {
        stderr.WriteLine($"Stack {stack}: {errors.Count} invalid setting{(errors.Count == 1 ? "" : "s")}:");
        foreach (var error in errors)
        {
            stderr.WriteLine($"  - {error}");
        }
    }
}
