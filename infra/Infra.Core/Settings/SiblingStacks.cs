using Infra.Core.App;
using Infra.Core.StackFiles;

namespace Infra.Core.Settings;

/// <summary>
/// The one-owner-per-(account, Region) checks against the project's other stack files. The offline plan and the
/// program (preview and up) both run this, so they refuse the same stacks with the same message.
/// </summary>
public static class SiblingStacks
{
    /// <summary>The errors that concern <paramref name="current"/>, and a warning for each sibling that could not be read.</summary>
    public static (IReadOnlyList<SettingsError> Errors, IReadOnlyList<string> Warnings) Check(string directory, StackSettings current, AppDefinition app)
    {
        var all = new List<StackSettings> { current };
        var warnings = new List<string>();
        foreach (var other in StackFolder.FindStacks(directory).Where(other => other != current.StackName))
        {
            var load = StackFolder.Load(directory, other);
            if (load.Config is { } config && load.Hidden.Count == 0 && StackSettingsParser.Parse(config, app).Settings is { } settings)
            {
                all.Add(settings);
            }
            else
            {
                warnings.Add($"{PulumiStack.FileName(other)} is not valid or not fully readable offline, so the one-owner-per-account-and-Region checks "
                    + $"(Transaction Search, Application Signals discovery, the foundation) could not compare with it; run scripts/plan {other}.");
            }
        }

        return (StackValidation.ValidateAcrossStacks(all, current), warnings);
    }

    /// <summary>The settings of the foundation an app stack references, when it is a stack of this project whose file is here.</summary>
    public static StackSettings? Foundation(string directory, StackSettings app, AppDefinition definition)
    {
        if (app.Role.FoundationInThisProject is not { } name || !StackFolder.FindStacks(directory).Contains(name))
        {
            return null;
        }

        var load = StackFolder.Load(directory, name);
        return load.Config is { } config && load.Hidden.Count == 0 && StackSettingsParser.Parse(config, definition).Settings is { Role.IsFoundation: true } settings
            ? settings
            : null;
    }
}
