using Infra.Core.App;
using Infra.Core.Settings;
using Infra.Core.StackFiles;

namespace Infra.Plan;

/// <summary>A stack read and validated: its settings, or every error and the exit code that goes with them.</summary>
/// <param name="Hidden">Keys the stack needs whose value the plan cannot see (exit 3 when nothing else is wrong).</param>
internal sealed record LoadedStack(int ExitCode, StackSettings? Settings, IReadOnlyList<SettingsError> Errors, IReadOnlyList<string> Warnings, AppDeclaration? App = null)
{
    public IReadOnlyList<HiddenKey> Hidden { get; init; } = [];
}

/// <summary>
/// Reads a stack the way `pulumi preview` would (Pulumi's config rules, then the program's settings parser) and
/// checks it against its sibling stacks. Nothing in the files makes it throw.
/// </summary>
internal static class StackLoader
{
    /// <param name="overrides">Values from --config, standing in for what the plan cannot see.</param>
    public static LoadedStack Load(string directory, string stack, IReadOnlyList<string> stacks, AppDefinition app, IReadOnlyDictionary<string, string>? overrides = null)
    {
        var load = StackFolder.Load(directory, stack, overrides);
        if (load.Config is not { } config)
        {
            var code = load.Outcome == LoadOutcome.Unreadable ? PlanCommand.Unreadable : PlanCommand.InvalidSettings;
            return new LoadedStack(code, null, load.Errors, []);
        }

        var hidden = Hidden(stack, load, config);
        var hiddenKeys = hidden.Select(key => key.Key).ToHashSet(StringComparer.Ordinal);
        var result = StackSettingsParser.Parse(config with
        {
            // Unseen, not set: the parser must neither read the placeholder nor speak of it.
            Values = config.Values.Where(pair => !hiddenKeys.Contains(pair.Key)).ToDictionary(StringComparer.Ordinal),
            SecretKeys = config.SecretKeys.Where(key => !hiddenKeys.Contains(key)).ToHashSet(StringComparer.Ordinal),
        }, app);
        var warnings = Notes(stack, load).Concat(result.Warnings).ToList();
        if (hidden.Count > 0)
        {
            // What the plan cannot see is not wrong: only the other errors count.
            var errors = result.Errors.Where(error => !hidden.Any(key => IsAtOrBelow(error.Key, key.Key))).ToList();
            return errors.Count > 0
                ? new LoadedStack(PlanCommand.InvalidSettings, null, errors, warnings) { Hidden = hidden }
                : new LoadedStack(PlanCommand.Incomplete, null, [], warnings) { Hidden = hidden };
        }

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
    /// The keys the stack needs that the plan cannot see: those the files leave hidden, and the providers' keys the
    /// program requires when the stack file does not set them but imports an environment that may.
    /// </summary>
    private static List<HiddenKey> Hidden(string stack, StackLoad load, RawStackConfig config)
    {
        var hidden = load.Hidden.ToList();
        if (load.Environments.Count > 0)
        {
            hidden.AddRange(ConfigKeys.RequiredProviderKeys
                .Where(key => !config.Values.ContainsKey(key))
                .Select(key => new HiddenKey(key, PulumiStack.FromEnvironments(PulumiStack.FileName(stack), load.Environments))));
        }

        return hidden.OrderBy(key => key.Key, StringComparer.Ordinal).ToList();
    }

    /// <summary>What the plan could not read, and what stands in for it.</summary>
    private static IEnumerable<string> Notes(string stack, StackLoad load)
    {
        if (load.Environments.Count > 0)
        {
            yield return $"{PulumiStack.FileName(stack)} imports the Pulumi ESC environment{(load.Environments.Count == 1 ? "" : "s")} {string.Join(", ", load.Environments)}, "
                + "which the offline plan cannot read: a key they set is planned with its value from the stack file (which wins over an environment's), "
                + "Pulumi.yaml's default or --config, and members they add to an object are not shown. Pass any of them with --config <key>=<value>.";
        }

        if (load.FromCommandLine.Count > 0)
        {
            yield return $"from --config, not from {PulumiStack.FileName(stack)}: {string.Join(", ", load.FromCommandLine)}.";
        }
    }

    private static bool IsAtOrBelow(string key, string path) =>
        key == path || (key.StartsWith(path, StringComparison.Ordinal) && key[path.Length] is '.' or '[');

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
            if (load.Config is { } config && load.Hidden.Count == 0 && StackSettingsParser.Parse(config, app).Settings is { } settings)
            {
                all.Add(settings);
            }
            else
            {
                warnings.Add($"{PulumiStack.FileName(other)} is not valid or not fully readable offline, so the one-stack-only checks (Transaction Search, Application Signals discovery) could not compare with it; run scripts/plan {other}.");
            }
        }

        return StackValidation.ValidateAcrossStacks(all)
            .Where(error => StackValidation.Concerns(error, current))
            .ToList();
    }
}
