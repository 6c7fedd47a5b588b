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

    public string Queue => $"{Prefix}-questions";

    public string DeadLetterQueue => $"{Prefix}-questions-dlq";

    public string Table => $"{Prefix}-questions";

    public string Api => $"{Prefix}-api";

    public string ApiAccessLogGroup => $"/{Project}/{Stack}/api-access";

    /// <summary>X-Ray allows 32 characters in a sampling rule name.</summary>
    public string SamplingRule(string rule) => Fit($"{Stack}-{rule}", 32);

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
    public static string Fit(string name, int max)
    {
        if (name.Length <= max)
        {
            return name;
        }

        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..4].ToLowerInvariant();
        return $"{name[..(max - 5)].TrimEnd('-')}-{hash}";
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,19}$")]
    private static partial Regex StackNamePattern();
}
