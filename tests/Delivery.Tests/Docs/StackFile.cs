using Infra.Core.Settings;
using Infra.Core.StackFiles;

namespace Delivery.Tests.Docs;

/// <summary>A committed stack file, Pulumi.&lt;stack&gt;.yaml: whether it is a foundation (adot-tracing:kind: foundation),
/// and the foundation of this project an app stack names (adot-tracing:foundation), read as the plan reads them.</summary>
internal sealed record StackFile(string Stack, bool IsFoundation, string? Foundation)
{
    /// <summary>The stack files at the root of the repository, by stack name.</summary>
    public static IReadOnlyDictionary<string, StackFile> Committed(string root) =>
        StackFolder.FindStacks(root).ToDictionary(stack => stack, stack => Of(stack, StackFolder.Load(root, stack)), StringComparer.Ordinal);

    private static StackFile Of(string stack, StackLoad load)
    {
        var role = load.Config is { } config ? StackRoleReader.Read(config, new ErrorSink()) : StackRole.Standalone;
        return new StackFile(stack, role.IsFoundation, role.FoundationInThisProject);
    }
}
