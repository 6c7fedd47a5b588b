using Infra.Core.App;
using Infra.Core.Settings;
using Infra.Core.StackFiles;

namespace Infra.Plan;

/// <summary>A stack read and validated: its settings, or every error and the exit code that goes with them.</summary>
internal sealed record LoadedStack(int ExitCode, StackSettings? Settings, IReadOnlyList<SettingsError> Errors, IReadOnlyList<string> Warnings, AppDeclaration? App = null);

/// <summary>
/// Reads a stack the way `pulumi preview` would (Pulumi's config rules, then the program's settings parser) and
/// checks it against its sibling stacks. Nothing in the files makes it throw.
/// </summary>
internal static class StackLoader
{
    public static LoadedStack Load(string directory, string stack, IReadOnlyList<string> stacks, AppDefinition app)
    {
        var load = StackFolder.Load(directory, stack);
        if (load.Config is not { } config)
        {
            var code = load.Outcome == LoadOutcome.Unreadable ? PlanCommand.Unreadable : PlanCommand.InvalidSettings;
            return new LoadedStack(code, null, load.Errors, []);
        }

        var result = StackSettingsParser.Parse(config, app);
        var warnings = result.Warnings.ToList();
        if (result.Settings is not { } settings)
        {
            return new LoadedStack(PlanCommand.InvalidSettings, null, result.Errors, warnings);
        }

        var acrossStacks = AcrossStacks(directory, stacks, settings, app, warnings);
        return acrossStacks.Count > 0
            ? new LoadedStack(PlanCommand.InvalidSettings, null, acrossStacks, warnings)
            : new LoadedStack(PlanCommand.Ok, settings, [], warnings, result.Declaration);
    }

    /// <summary>
    /// Account-wide features may be on in one stack only: check this stack against its siblings. A sibling that
    /// cannot be read or is invalid is skipped with a warning; it is reported when that stack is planned.
    /// </summary>
    private static List<SettingsError> AcrossStacks(string directory, IReadOnlyList<string> stacks, StackSettings current, AppDefinition app, List<string> warnings)
    {
        var all = new List<StackSettings> { current };
        foreach (var other in stacks.Where(other => other != current.StackName))
        {
            var load = StackFolder.Load(directory, other);
            if (load.Config is { } config && StackSettingsParser.Parse(config, app).Settings is { } settings)
            {
                all.Add(settings);
            }
            else
            {
                warnings.Add($"{PulumiStack.FileName(other)} is not valid, so the one-stack-only checks (Transaction Search, Application Signals discovery) could not compare with it; run scripts/plan {other}.");
            }
        }

        return StackValidation.ValidateAcrossStacks(all)
            .Where(error => StackValidation.Concerns(error, current))
            .ToList();
    }
}
