using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Infra.Core.Settings;

namespace Infra.Core.Naming;

/// <summary>
/// Physical names of everything a stack creates. IAM names are global to an account and X-Ray rule and group
/// names to a region, so every name carries the project and the stack: dev and prod in one account never collide.
/// </summary>
public sealed partial record StackNames(string Project, string Stack)
{
    public const int MaxStackNameLength = 20;

    public static StackNames For(StackSettings settings) => new(settings.Project, settings.StackName);

    public string Prefix => $"{Project}-{Stack}";

    public string CollectorPolicy => $"{Prefix}-AWSDistroOpenTelemetryPolicy";

    public string TaskRole => $"{Prefix}-AWSOTTaskRole";

    public string ExecutionRole => $"{Prefix}-TaskExecutionRole";

    public string InstanceRole => $"{Prefix}-collector-host";

    public string Cluster => $"{Prefix}-collector";

    public string TaskFamily => $"{Prefix}-aws-otel-collector";

    public string CollectorService => $"{Prefix}-collector";

    public string CollectorCapacityProvider => $"{Prefix}-collector-capacity";

    /// <summary>The collector hosts' launch template (EC2 allows 128 characters).</summary>
    public string CollectorLaunchTemplate => $"{Cluster}-hosts";

    /// <summary>The collector hosts' Auto Scaling group (255 characters allowed).</summary>
    public string CollectorAutoScalingGroup => $"{Cluster}-hosts";

    public string CollectorLogGroup => $"/{Project}/{Stack}/collector";

    /// <summary>Where a custom collector config's awsemf exporter writes metrics.</summary>
    public string CollectorMetricsLogGroup => $"/{Project}/{Stack}/collector/metrics";

    public string ConfigParameter => $"/{Project}/{Stack}/collector/config";

    public string Function(string name) => $"{Prefix}-{name}";

    public string FunctionRole(string name) => $"{Prefix}-{name}-role";

    public string FunctionLogGroup(string name) => $"/aws/lambda/{Function(name)}";

    /// <summary>An app queue (SQS allows 80 characters: letters, digits, hyphens and underscores).</summary>
    public string Queue(string key) => $"{Prefix}-{key}";

    public string DeadLetterQueue(string key) => $"{Prefix}-{key}-dlq";

    public string Table(string key) => $"{Prefix}-{key}";

    public string Api => $"{Prefix}-api";

    public string ApiAccessLogGroup => $"/{Project}/{Stack}/api-access";

    /// <summary>The stack's SNS alert topic (SNS allows 256 letters, digits, hyphens and underscores).</summary>
    public string AlertTopic => $"{Prefix}-alerts";

    /// <summary>CloudWatch allows 255 characters in an alarm name, unique per account and Region.
    /// https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html</summary>
    public string Alarm(string key) => Fit($"{Prefix}-{key}", 255);

    /// <summary>A dashboard name has up to 255 characters: letters, digits, hyphens and underscores.
    /// https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutDashboard.html</summary>
    public string Dashboard => Fit(Prefix, 255);

    /// <summary>An SLO name has 1 to 128 characters, letters or digits at both ends.
    /// https://docs.aws.amazon.com/applicationsignals/latest/APIReference/API_CreateServiceLevelObjective.html</summary>
    public string Slo(string key) => Fit($"{Prefix}-{key}", 128);

    /// <summary>Where the stack's own metrics (those its metric filters derive from logs) are published.</summary>
    public string MetricNamespace => $"{Project}/{Stack}";

    public string MetricFilter(string key) => $"{Prefix}-{key}";

    /// <summary>X-Ray's limit on a sampling rule name (RuleName, 1 to 32 characters).
    /// https://docs.aws.amazon.com/xray/latest/api/API_SamplingRule.html</summary>
    public const int MaxSamplingRuleName = 32;

    /// <summary>The longest rule key a sampling rule name keeps whole (sampling.rules[].name allows 20 characters).</summary>
    public const int MaxSamplingRuleKey = 20;

    /// <summary>
    /// Sampling rule names are shared by every project in an account and region, so they carry the project and the
    /// stack. When "&lt;project&gt;-&lt;stack&gt;-&lt;rule&gt;" is too long, the project-stack part is shortened
    /// with a hash of it (so another project or stack never gets the same prefix) and the rule's key stays whole
    /// (so the rules of one stack never collide).
    /// </summary>
    public string SamplingRule(string rule)
    {
        if (rule.Length is 0 or > MaxSamplingRuleKey)
        {
            throw new ArgumentException($"a sampling rule key has 1 to {MaxSamplingRuleKey} characters: '{rule}'", nameof(rule));
        }

        var full = $"{Prefix}-{rule}";
        return full.Length <= MaxSamplingRuleName
            ? full
            : $"{Fit(Prefix, MaxSamplingRuleName - rule.Length - 1, hashLength: 6)}-{rule}";
    }

    /// <summary>X-Ray allows 32 characters in a group name.</summary>
    public string XRayGroup => Fit(Prefix, 32);

    public static void Validate(string stackName, ErrorSink errors)
    {
        if (!StackNamePattern().IsMatch(stackName))
        {
            errors.Add("stack name", $"'{stackName}' cannot name AWS resources: use 1-{MaxStackNameLength} lower-case letters, digits or hyphens, starting with a letter or digit "
                + "(it becomes part of IAM, Lambda, SQS and X-Ray names, which have tight limits).");
        }
    }

    /// <summary>Shortens a name to a limit, keeping it unique with a short hash of the full name.</summary>
    public static string Fit(string name, int max, int hashLength = 4)
    {
        if (name.Length <= max)
        {
            return name;
        }

        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..hashLength].ToLowerInvariant();
        return $"{name[..(max - hashLength - 1)].TrimEnd('-')}-{hash}";
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,19}$")]
    private static partial Regex StackNamePattern();
}
