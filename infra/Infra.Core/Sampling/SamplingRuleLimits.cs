using Infra.Core.Settings;

namespace Infra.Core.Sampling;

/// <summary>One sampling rule's fields as a program gives them, each checked against X-Ray's limits.</summary>
public sealed record StandaloneSamplingRule(
    string RuleName, int Priority, double FixedRate, int ReservoirSize,
    string ServiceName, string ServiceType, string Host, string HttpMethod, string UrlPath, string ResourceArn);

/// <summary>
/// X-Ray's limits on a sampling rule's fields (https://docs.aws.amazon.com/xray/latest/api/API_SamplingRule.html):
/// the checks the stack settings' custom rules get, for a rule a program declares on its own.
/// </summary>
public static class SamplingRuleLimits
{
    /// <summary>Reports every field out of X-Ray's limits under the key <paramref name="keyOf"/> gives the field's name.</summary>
    public static void Check(StandaloneSamplingRule rule, Func<string, string> keyOf, ErrorSink errors)
    {
        CheckLength(keyOf("ruleName"), rule.RuleName, 32, errors);
        if (rule.Priority is < 1 or > 9999)
        {
            errors.Add(keyOf("priority"), $"{rule.Priority} is out of range; allowed: 1 to 9999, lower is evaluated first.");
        }

        if (rule.FixedRate is < 0 or > 1 || double.IsNaN(rule.FixedRate))
        {
            errors.Add(keyOf("fixedRate"), $"{rule.FixedRate} is out of range; allowed: 0 to 1, the share of requests sampled after the reservoir is used.");
        }

        if (rule.ReservoirSize < 0)
        {
            errors.Add(keyOf("reservoirSize"), $"{rule.ReservoirSize} is out of range; allowed: 0 or more requests per second.");
        }

        CheckUrlPath(keyOf("urlPath"), rule.UrlPath, errors);
        CheckLength(keyOf("httpMethod"), rule.HttpMethod, 10, errors);
        CheckLength(keyOf("host"), rule.Host, 64, errors);
        CheckLength(keyOf("serviceName"), rule.ServiceName, 64, errors);
        CheckLength(keyOf("serviceType"), rule.ServiceType, 64, errors);
        CheckLength(keyOf("resourceArn"), rule.ResourceArn, 500, errors);
    }

    /// <summary>
    /// Whether an X-Ray URL path pattern can match some request path. Request paths start with / (API Gateway resource
    /// paths do, as every HTTP origin-form path does, RFC 9112 section 3.2.1), and in X-Ray's patterns * matches any
    /// characters and ? exactly one (https://docs.aws.amazon.com/xray/latest/devguide/xray-console-sampling.html).
    /// </summary>
    public static bool CanMatchARequestPath(string pattern) => pattern.Length > 0 && pattern[0] is '/' or '*' or '?';

    internal static void CheckUrlPath(string key, string urlPath, ErrorSink errors)
    {
        if (urlPath.Length > 0 && !CanMatchARequestPath(urlPath))
        {
            errors.Add(key, $"'{urlPath}' can match no request: request paths start with /, so the pattern must start with / or a wildcard (* or ?).");
        }

        CheckLength(key, urlPath, 128, errors);
    }

    internal static void CheckLength(string key, string value, int max, ErrorSink errors)
    {
        if (value.Length == 0 || value.Length > max)
        {
            errors.Add(key, $"'{value}' has {value.Length} characters; X-Ray allows 1 to {max}.");
        }
    }
}
