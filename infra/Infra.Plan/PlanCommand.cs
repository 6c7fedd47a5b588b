using System.Text.Json;
using Infra.Core.Blueprint;
using Infra.Core.Naming;
using Infra.Core.Settings;
using Infra.Core.StackFiles;

namespace Infra.Plan;

/// <summary>scripts/plan &lt;stack&gt; [--json] [--dir &lt;repo&gt;] [--account &lt;id&gt;]</summary>
public static class PlanCommand
{
    public const int Ok = 0;
    public const int Unreadable = 1;
    public const int InvalidSettings = 2;
    public const int Usage = 64;

    private const string UsageText = "usage: scripts/plan <stack> [--json] [--dir <repo>] [--account <12-digit account id>]";

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        string? stack = null;
        var json = false;
        var directory = Directory.GetCurrentDirectory();
        var account = AwsContext.UnknownAccount;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--json":
                    json = true;
                    break;
                case "--dir" when i + 1 < args.Count:
                    directory = args[++i];
                    break;
                case "--account" when i + 1 < args.Count:
                    account = args[++i];
                    break;
                case "-h" or "--help":
                    stdout.WriteLine(UsageText);
                    return Ok;
                default:
                    if (args[i].StartsWith('-') || stack is not null)
                    {
                        stderr.WriteLine($"unexpected argument '{args[i]}'");
                        stderr.WriteLine(UsageText);
                        return Usage;
                    }

                    stack = args[i];
                    break;
            }
        }

        if (stack is null)
        {
            stderr.WriteLine(UsageText);
            return Usage;
        }

        if (account != AwsContext.UnknownAccount && (account.Length != 12 || !account.All(char.IsAsciiDigit)))
        {
            stderr.WriteLine($"--account: '{account}' is not a 12-digit AWS account id");
            return Usage;
        }

        if (!File.Exists(Path.Combine(directory, PulumiProject.FileName)))
        {
            stderr.WriteLine($"no {PulumiProject.FileName} in {directory}; run from the repository root or pass --dir <repo>");
            return Unreadable;
        }

        var stacks = StackFolder.FindStacks(directory);
        if (!stacks.Contains(stack))
        {
            stderr.WriteLine($"no stack file Pulumi.{stack}.yaml in {directory}; stacks found: {(stacks.Count == 0 ? "none" : string.Join(", ", stacks))}");
            return Unreadable;
        }

        var loaded = StackLoader.Load(directory, stack, stacks);
        foreach (var warning in loaded.Warnings)
        {
            stderr.WriteLine($"warning: {warning}");
        }

        if (loaded.Settings is not { } settings)
        {
            WriteErrors(stderr, stack, loaded.Errors);
            return loaded.ExitCode;
        }

        StackBlueprint blueprint;
        try
        {
            blueprint = StackBlueprint.Create(settings, AwsContext.For(settings.Region, account));
        }
        catch (InvalidStackSettingsException exception)
        {
            WriteErrors(stderr, stack, exception.Errors);
            return InvalidSettings;
        }

        if (json)
        {
            stdout.WriteLine(PlanJson.Build(blueprint, loaded.Warnings).ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        }
        else
        {
            stdout.Write(PlanTable.Render(blueprint, loaded.Warnings));
        }

        return Ok;
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
