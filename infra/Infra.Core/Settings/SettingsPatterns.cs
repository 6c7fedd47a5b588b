using System.Text.RegularExpressions;

namespace Infra.Core.Settings;

/// <summary>
/// The shapes of AWS identifiers the settings accept. Each ends in \z, not $: $ also matches before a final newline,
/// which a YAML block scalar leaves in a value.
/// </summary>
internal static partial class SettingsPatterns
{
    [GeneratedRegex(@"^vpc-([0-9a-f]{8}|[0-9a-f]{17})\z")]
    public static partial Regex VpcId();

    [GeneratedRegex(@"^subnet-([0-9a-f]{8}|[0-9a-f]{17})\z")]
    public static partial Regex SubnetId();

    [GeneratedRegex(@"^v[0-9]+\.[0-9]+\.[0-9]+\z")]
    public static partial Regex ImageTag();

    /// <summary>arn:partition:lambda:region:account:layer:name:version; groups name them.</summary>
    [GeneratedRegex(@"^arn:(?<partition>aws[a-z-]*):lambda:(?<region>[a-z0-9-]+):(?<account>[0-9]{12}):layer:(?<name>[A-Za-z0-9_-]{1,140}):(?<version>[0-9]{1,9})\z")]
    public static partial Regex LayerArn();

    /// <summary>A Bedrock knowledge base id: 10 letters or digits (pattern [0-9a-zA-Z]{10}, https://docs.aws.amazon.com/bedrock/latest/APIReference/API_agent_GetAgentKnowledgeBase.html).</summary>
    [GeneratedRegex(@"^[0-9a-zA-Z]{10}\z")]
    public static partial Regex KnowledgeBaseId();

    [GeneratedRegex(@"^[A-Za-z0-9_-]{1,128}\z")]
    public static partial Regex StageName();

    [GeneratedRegex(@"^[A-Za-z0-9_-]{1,20}\z")]
    public static partial Regex RuleName();

    [GeneratedRegex(@"^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|ANY)\z")]
    public static partial Regex HttpMethod();
}
