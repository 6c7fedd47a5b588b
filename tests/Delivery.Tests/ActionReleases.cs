using System.Text.RegularExpressions;

namespace Delivery.Tests;

/// <summary>
/// The releases of third-party actions the workflows may run, each with the commit its tag points to in the
/// action's own repository (git tag -> commit). A workflow pins the commit, so a moved or deleted tag cannot
/// change what runs (https://docs.github.com/en/actions/security-for-github-actions/security-guides/security-hardening-for-github-actions#using-third-party-actions),
/// and names the release in a trailing comment. To upgrade, look the new tag's commit up in the action's
/// repository and change it here and in every workflow.
/// </summary>
internal static partial class ActionReleases
{
    public static readonly IReadOnlyDictionary<string, (string Version, string Commit)> Known = new Dictionary<string, (string, string)>
    {
        // https://github.com/actions/checkout/releases/tag/v4.4.0
        ["actions/checkout"] = ("v4.4.0", "11d5960a326750d5838078e36cf38b85af677262"),
        // https://github.com/actions/setup-dotnet/releases/tag/v4.3.1
        ["actions/setup-dotnet"] = ("v4.3.1", "67a3573c9a986a3f9c594539f4ab511d57bb3ce9"),
        // https://github.com/actions/setup-node/releases/tag/v4.4.0
        ["actions/setup-node"] = ("v4.4.0", "49933ea5288caeca8642d1e84afbd3f7d6820020"),
        // https://github.com/actions/setup-python/releases/tag/v5.6.0
        ["actions/setup-python"] = ("v5.6.0", "a26af69be951a213d495a4c3e4e4022e16d87065"),
        // https://github.com/aws-actions/configure-aws-credentials/releases/tag/v4.3.1
        ["aws-actions/configure-aws-credentials"] = ("v4.3.1", "7474bc4690e29a8392af63c5b98e7449536d5c3a"),
        // https://github.com/pulumi/actions/releases/tag/v7.0.0
        ["pulumi/actions"] = ("v7.0.0", "8e5e406f4007fca908480587cb9893c07090f58d"),
    };

    /// <summary>A `uses:` line: owner/repo[/path]@ref, then optionally `# comment`.</summary>
    [GeneratedRegex(@"^\s*(-\s+)?uses:\s*(?<ref>\S+)(\s+#\s*(?<comment>.*?))?\s*$", RegexOptions.Multiline)]
    public static partial Regex UsesLine();

    [GeneratedRegex(@"^(?<action>[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+)(/[A-Za-z0-9_./-]+)?@(?<commit>[0-9a-f]{40})$")]
    private static partial Regex PinnedToCommit();

    /// <summary>The action and commit of a reference pinned to a full commit SHA; null for a tag, branch or short SHA.</summary>
    public static (string Action, string Commit)? Pin(string reference) =>
        PinnedToCommit().Match(reference) is { Success: true } match ? (match.Groups["action"].Value, match.Groups["commit"].Value) : null;
}
