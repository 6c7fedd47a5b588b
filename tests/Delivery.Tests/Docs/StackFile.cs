using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Delivery.Tests.Docs;

/// <summary>A committed stack file, Pulumi.&lt;stack&gt;.yaml: whether it is a foundation (adot-tracing:kind: foundation),
/// and the foundation an app stack names (adot-tracing:foundation, a stack reference name whose last part is the stack).</summary>
internal sealed partial record StackFile(string Stack, bool IsFoundation, string? Foundation)
{
    public static StackFile Parse(string stack, string yaml)
    {
        var stream = new YamlStream();
        using (var reader = new StringReader(yaml))
        {
            stream.Load(reader);
        }

        var config = stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode.Get("config");
        var kind = config.Get("adot-tracing:kind").Str();
        var foundation = config.Get("adot-tracing:foundation").Str();
        return new StackFile(stack, kind == "foundation", string.IsNullOrEmpty(foundation) ? null : foundation.Split('/')[^1]);
    }

    /// <summary>The stack files at the root of the repository, by stack name.</summary>
    public static IReadOnlyDictionary<string, StackFile> Committed(IEnumerable<string> files, Func<string, string> read) =>
        files.Select(f => StackFileName().Match(f))
            .Where(m => m.Success)
            .ToDictionary(m => m.Groups["stack"].Value, m => Parse(m.Groups["stack"].Value, read(m.Value)), StringComparer.Ordinal);

    [GeneratedRegex(@"^Pulumi\.(?<stack>[^/]+)\.yaml$")]
    private static partial Regex StackFileName();
}
