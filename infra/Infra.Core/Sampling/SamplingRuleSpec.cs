using Infra.Core.Settings;

namespace Infra.Core.Sampling;

public enum RuleKind { Critical, Routine, Custom, Fallback }

/// <summary>An X-Ray sampling rule, scoped through ServiceName and ServiceType to the stack's API stage or to a service a custom rule names.</summary>
public sealed record SamplingRuleSpec(
    string Key,
    string RuleName,
    RuleKind Kind,
    int Priority,
    double FixedRate,
    int ReservoirSize,
    string ServiceName,
    string ServiceType,
    string Host,
    string HttpMethod,
    string UrlPath,
    string ResourceArn,
    SamplingBoost? Boost)
{
    /// <summary>The rule's fields as X-Ray takes them, the same record a rule declared on its own has.</summary>
    public StandaloneSamplingRule Fields => new(RuleName, Priority, FixedRate, ReservoirSize, ServiceName, ServiceType, Host, HttpMethod, UrlPath, ResourceArn);

    /// <summary>Whether a request to the stack's API stage (X-Ray service <paramref name="apiServiceName"/>) with this
    /// method and path is matched by the rule.</summary>
    public bool Matches(string apiServiceName, string method, string path) =>
        XRayWildcard.Matches(ServiceName, apiServiceName) && XRayWildcard.Matches(ServiceType, SamplingBuilder.ServiceType)
        && XRayWildcard.Matches(HttpMethod, method) && XRayWildcard.Matches(UrlPath, path) && Host == "*";
}

/// <summary>An X-Ray group collecting the stack's traces, with Insights where the environment wants it.</summary>
public sealed record XRayGroupSpec(string Name, string FilterExpression, bool InsightsEnabled, bool NotificationsEnabled);

/// <summary>X-Ray Transaction Search: account-wide, so at most one stack turns it on.</summary>
public sealed record TransactionSearchSpec(bool Enabled, double IndexingPercentage, string ResourcePolicyName, Iam.PolicyDocument? ResourcePolicy);

public sealed record SamplingSpec(
    IReadOnlyList<SamplingRuleSpec> Rules,
    XRayGroupSpec Group,
    TransactionSearchSpec TransactionSearch);

/// <summary>
/// X-Ray's wildcards in sampling rules: '*' matches any run of characters, '?' exactly one.
/// https://docs.aws.amazon.com/xray/latest/devguide/xray-console-sampling.html
/// </summary>
internal static class XRayWildcard
{
    public static bool Matches(string pattern, string text)
    {
        // Iterative glob match with backtracking to the last '*'.
        int p = 0, t = 0, star = -1, mark = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || char.ToLowerInvariant(pattern[p]) == char.ToLowerInvariant(text[t])))
            {
                p++;
                t++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                mark = t;
            }
            else if (star >= 0)
            {
                p = star + 1;
                t = ++mark;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }
}
