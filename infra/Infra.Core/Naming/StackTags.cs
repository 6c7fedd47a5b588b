using Infra.Core.Settings;

namespace Infra.Core.Naming;

/// <summary>The tags every taggable resource carries: the stack's own plus the user's from adot-tracing:tags.</summary>
internal static class StackTags
{
    /// <summary>The tags every resource gets from the stack itself.</summary>
    public static readonly IReadOnlyList<string> GeneratedKeys = ["project", "stack", "environment", "managed-by"];

    public static IReadOnlyDictionary<string, string> For(StackSettings settings)
    {
        var tags = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in settings.Tags)
        {
            tags[key] = value;
        }

        // The stack's identifying tags win over user tags of the same key: cost reports and clean-up rely on them.
        tags["project"] = settings.Project;
        tags["stack"] = settings.StackName;
        tags["environment"] = settings.Environment.Wire();
        tags["managed-by"] = "pulumi";
        return tags;
    }
}
