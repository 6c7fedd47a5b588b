namespace Infra.Core.Settings;

/// <summary>The configuration keys the program reads; declared in Pulumi.yaml with their descriptions.</summary>
public static class ConfigKeys
{
    public const string Project = "adot-tracing";
    public const string AwsRegion = "aws:region";
    public const string AwsNativeRegion = "aws-native:region";

    public const string Environment = "environment";
    public const string Profile = "profile";
    public const string IamMode = "iamMode";
    public const string Collector = "collector";
    public const string Lambda = "lambda";
    public const string App = "app";
    public const string Api = "api";
    public const string Sampling = "sampling";
    public const string Traffic = "traffic";
    public const string TransactionSearch = "transactionSearch";
    public const string ApplicationSignals = "applicationSignals";
    public const string Tags = "tags";
    public const string Alerts = "alerts";
    public const string Slo = "slo";

    /// <summary>Every key under the project's namespace, without the "adot-tracing:" prefix.</summary>
    public static readonly IReadOnlyList<string> ProjectKeys =
        [Environment, Profile, IamMode, Collector, Lambda, App, Api, Sampling, Traffic, TransactionSearch, ApplicationSignals, Tags, Alerts, Slo];

    /// <summary>The namespaces a stack file may use: this project's and those of the providers and engine it runs with.</summary>
    public static readonly IReadOnlyList<string> KnownNamespaces = [Project, "aws", "aws-native", "pulumi"];

    /// <summary>Keys the program requires that Pulumi.yaml does not declare: the providers' own (RegionReader).</summary>
    public static readonly IReadOnlyList<string> RequiredProviderKeys = [AwsRegion, AwsNativeRegion];

    public static string Full(string key) => $"{Project}:{key}";
}
