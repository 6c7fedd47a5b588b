using System.Text.Json;
using System.Text.RegularExpressions;

namespace Infra.Core.Settings;

/// <summary>What a stack of this project provisions.</summary>
public enum StackKind
{
    /// <summary>The app: functions, API, queues, tables, sampling rules, monitoring (and, standalone, a collector if enabled).</summary>
    App,

    /// <summary>What exists once per account and Region: API Gateway's CloudWatch Logs role, Transaction Search,
    /// Application Signals discovery, and the collector of a VPC.</summary>
    Foundation,
}

/// <summary>
/// A stack's place in the account: its kind, the foundation stack it references, and the accounts the AWS provider
/// may deploy to (aws:allowedAccountIds, the provider's own key:
/// https://www.pulumi.com/registry/packages/aws/installation-configuration/ lists allowedAccountIds).
/// </summary>
/// <param name="Foundation">The foundation's stack reference name ("foundation", "org/project/stack"); none: standalone.</param>
public sealed record StackRole(StackKind Kind, string? Foundation, IReadOnlyList<string> AllowedAccountIds)
{
    public static readonly StackRole Standalone = new(StackKind.App, null, []);

    public bool IsFoundation => Kind == StackKind.Foundation;

    /// <summary>An app stack that references a foundation: the account's API Gateway role exists, so the stage logs access.</summary>
    public bool HasFoundation => Kind == StackKind.App && Foundation is not null;

    /// <summary>The foundation's stack name when it is a stack of this project (a bare name); none when it names an
    /// organisation or project, whose stack files are not here, or when there is no foundation.</summary>
    public string? FoundationInThisProject => HasFoundation && !Foundation!.Contains('/') ? Foundation : null;
}

/// <summary>adot-tracing:kind, adot-tracing:foundation and aws:allowedAccountIds.</summary>
internal static partial class StackRoleReader
{
    public static readonly IReadOnlyDictionary<string, StackKind> Kinds = new Dictionary<string, StackKind>(StringComparer.Ordinal)
    {
        ["app"] = StackKind.App,
        ["foundation"] = StackKind.Foundation,
    };

    /// <summary>A stack reference name: stack, org/stack or org/project/stack; each part as Pulumi allows in stack
    /// names (alphanumerics, hyphens, underscores, periods: https://www.pulumi.com/docs/iac/concepts/stacks/).</summary>
    [GeneratedRegex(@"^[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+){0,2}$")]
    private static partial Regex StackReferenceName();

    [GeneratedRegex(@"^[0-9]{12}$")]
    private static partial Regex AccountId();

    public static StackRole Read(RawStackConfig raw, ErrorSink errors)
    {
        var kindKey = ConfigKeys.Full(ConfigKeys.Kind);
        var kind = StackKind.App;
        if (errors.Read(raw, kindKey) is { Length: > 0 } kindText && !Kinds.TryGetValue(kindText, out kind))
        {
            errors.Add(kindKey, $"'{kindText}' is not allowed; allowed: {string.Join(", ", Kinds.Keys)}.");
            kind = StackKind.App;
        }

        var foundationKey = ConfigKeys.Full(ConfigKeys.Foundation);
        var foundation = errors.Read(raw, foundationKey) is { Length: > 0 } name ? name : null;
        if (foundation is not null)
        {
            if (kind == StackKind.Foundation)
            {
                errors.Add(foundationKey, $"'{foundation}' is set in a stack of {kindKey} foundation; only app stacks reference a foundation. Remove it.");
                foundation = null;
            }
            else if (!StackReferenceName().IsMatch(foundation))
            {
                errors.Add(foundationKey, $"'{foundation}' is not a stack reference name; allowed: <stack>, <org>/<stack> or <org>/<project>/<stack>, "
                    + "each part letters, digits, '-', '_' or '.'.");
                foundation = null;
            }
            else if (foundation == raw.StackName)
            {
                errors.Add(foundationKey, $"'{foundation}' is this stack; name the foundation stack (one with {kindKey}: foundation).");
                foundation = null;
            }
        }

        return new StackRole(kind, foundation, ReadAccounts(raw, errors));
    }

    /// <summary>The AWS provider's aws:allowedAccountIds: a list of 12-digit account ids (Pulumi hands a list over as JSON text).</summary>
    private static List<string> ReadAccounts(RawStackConfig raw, ErrorSink errors)
    {
        var key = ConfigKeys.AwsAllowedAccountIds;
        if (errors.Read(raw, key) is not { Length: > 0 } text)
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                errors.Add(key, $"expected a list of 12-digit AWS account ids, got: {text}");
                return [];
            }

            var ids = new List<string>();
            foreach (var item in document.RootElement.EnumerateArray())
            {
                var id = item.ValueKind == JsonValueKind.String ? item.GetString()! : item.GetRawText();
                if (AccountId().IsMatch(id))
                {
                    ids.Add(id);
                }
                else
                {
                    errors.Add(key, $"'{id}' is not an AWS account id; allowed: 12 digits (quote it in YAML so leading zeros stay).");
                }
            }

            return ids;
        }
        catch (JsonException)
        {
            errors.Add(key, $"expected a list of 12-digit AWS account ids, got: {text}");
            return [];
        }
    }
}
