namespace Infra.Core.Settings;

/// <summary>The three environments a stack can be. Presets differ per environment.</summary>
public enum DeploymentEnvironment { Dev, Staging, Prod }

/// <summary>How the collector's IAM is built.</summary>
public enum IamMode
{
    /// <summary>Only what the chosen collector configuration needs, scoped to resource ARNs.</summary>
    LeastPrivilege,

    /// <summary>Exactly the article's IAM: AWSDistroOpenTelemetryPolicy, the managed policies, the functions' X-Ray statement.</summary>
    Seed,
}

public enum SchedulingStrategy { Daemon, Replica }

public enum CollectorConfigSource { Bundled, Custom }

/// <summary>Which family of public ADOT Lambda layers to attach.</summary>
public enum LayerFlavor
{
    /// <summary>The original ADOT layers with a collector inside (the article's mechanism).</summary>
    Legacy,

    /// <summary>The AWS Distro for OpenTelemetry layers (AWSOpenTelemetryDistro*), one layer for both architectures.</summary>
    Distro,
}

public enum LambdaArchitecture { X86_64, Arm64 }

public enum ApiType { Rest, Http }

/// <summary>Wire names of the enums as users write them in stack files.</summary>
public static class EnumNames
{
    public static readonly IReadOnlyDictionary<string, DeploymentEnvironment> Environments =
        new Dictionary<string, DeploymentEnvironment> { ["dev"] = DeploymentEnvironment.Dev, ["staging"] = DeploymentEnvironment.Staging, ["prod"] = DeploymentEnvironment.Prod };

    public static readonly IReadOnlyDictionary<string, IamMode> IamModes =
        new Dictionary<string, IamMode> { ["least-privilege"] = IamMode.LeastPrivilege, ["seed"] = IamMode.Seed };

    public static readonly IReadOnlyDictionary<string, Profile> Profiles =
        new Dictionary<string, Profile> { ["recommended"] = Profile.Recommended, ["article"] = Profile.Article };

    public static readonly IReadOnlyDictionary<string, SchedulingStrategy> SchedulingStrategies =
        new Dictionary<string, SchedulingStrategy> { ["DAEMON"] = SchedulingStrategy.Daemon, ["REPLICA"] = SchedulingStrategy.Replica };

    public static readonly IReadOnlyDictionary<string, CollectorConfigSource> ConfigSources =
        new Dictionary<string, CollectorConfigSource> { ["bundled"] = CollectorConfigSource.Bundled, ["custom"] = CollectorConfigSource.Custom };

    public static readonly IReadOnlyDictionary<string, LayerFlavor> Flavors =
        new Dictionary<string, LayerFlavor> { ["legacy"] = LayerFlavor.Legacy, ["distro"] = LayerFlavor.Distro };

    public static readonly IReadOnlyDictionary<string, LambdaArchitecture> Architectures =
        new Dictionary<string, LambdaArchitecture> { ["x86_64"] = LambdaArchitecture.X86_64, ["arm64"] = LambdaArchitecture.Arm64 };

    public static readonly IReadOnlyDictionary<string, ApiType> ApiTypes =
        new Dictionary<string, ApiType> { ["rest"] = ApiType.Rest, ["http"] = ApiType.Http };

    /// <summary>CreateLogGroup's logGroupClass values. https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_CreateLogGroup.html</summary>
    public static readonly IReadOnlyDictionary<string, LogGroupClass> LogGroupClasses =
        new Dictionary<string, LogGroupClass> { ["STANDARD"] = LogGroupClass.Standard, ["INFREQUENT_ACCESS"] = LogGroupClass.InfrequentAccess };

    public static string Name<T>(IReadOnlyDictionary<string, T> names, T value) where T : struct, Enum =>
        names.First(pair => EqualityComparer<T>.Default.Equals(pair.Value, value)).Key;

    public static string Wire(this DeploymentEnvironment value) => Name(Environments, value);

    public static string Wire(this IamMode value) => Name(IamModes, value);

    public static string Wire(this LogGroupClass value) => Name(LogGroupClasses, value);

    public static string Wire(this Profile value) => Name(Profiles, value);

    public static string Wire(this SchedulingStrategy value) => Name(SchedulingStrategies, value);

    public static string Wire(this CollectorConfigSource value) => Name(ConfigSources, value);

    public static string Wire(this LayerFlavor value) => Name(Flavors, value);

    public static string Wire(this LambdaArchitecture value) => Name(Architectures, value);
}
