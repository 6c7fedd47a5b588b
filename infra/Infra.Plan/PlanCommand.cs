using System.Text.Json;
using Infra.Core.Blueprint;
using Infra.Core.Naming;
using Infra.Core.Settings;

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

        if (!File.Exists(Path.Combine(directory, StackFiles.ProjectFile)))
        {
            stderr.WriteLine($"no {StackFiles.ProjectFile} in {directory}; run from the repository root or pass --dir <repo>");
            return Unreadable;
        }

        var stacks = StackFiles.FindStacks(directory);
        if (!stacks.Contains(stack))
        {
            stderr.WriteLine($"no stack file Pulumi.{stack}.yaml in {directory}; stacks found: {(stacks.Count == 0 ? "none" : string.Join(", ", stacks))}");
            return Unreadable;
        }

        SettingsResult result;
        try
        {
            result = StackSettingsParser.Parse(StackFiles.Load(directory, stack));
        }
        catch (YamlDotNet.Core.YamlException exception)
        {
            stderr.WriteLine($"Pulumi.{stack}.yaml or {StackFiles.ProjectFile} is not valid YAML: {exception.Message}");
            return Unreadable;
        }

        var errors = result.Errors.ToList();
        if (result.Settings is { } settings)
        {
            errors.AddRange(AcrossStacks(directory, stacks, settings));
        }

        if (errors.Count > 0 || result.Settings is null)
        {
            stderr.WriteLine($"Stack {stack}: {errors.Count} invalid setting{(errors.Count == 1 ? "" : "s")}:");
            foreach (var error in errors)
            {
                stderr.WriteLine($"  - {error}");
            }

            return InvalidSettings;
        }

        var blueprint = StackBlueprint.Create(result.Settings, AwsContext.For(result.Settings.Region, account));
        if (json)
        {
            stdout.WriteLine(PlanJson.Build(blueprint, result.Warnings).ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        }
        else
        {
            stdout.Write(PlanTable.Render(blueprint, result.Warnings));
        }

        foreach (var warning in result.Warnings)
        {
            stderr.WriteLine($"warning: {warning}");
        }

        return Ok;
    }

    /// <summary>Account-wide features may be on in one stack only: check this stack against its siblings.</summary>
    private static IEnumerable<SettingsError> AcrossStacks(string directory, IReadOnlyList<string> stacks, StackSettings current)
    {
        var all = new List<StackSettings> { current };
        foreach (var other in stacks.Where(other => other != current.StackName))
        {
            try
            {
                if (StackSettingsParser.Parse(StackFiles.Load(directory, other)).Settings is { } settings)
                {
                    all.Add(settings);
                }
            }
            catch (YamlDotNet.Core.YamlException)
            {
                // A broken sibling is reported when that stack is planned.
            }
        }

        return StackValidation.ValidateAcrossStacks(all)
            .Where(error => current.TransactionSearch.Enabled && error.Key.Contains(ConfigKeys.TransactionSearch, StringComparison.Ordinal));
    }
}
