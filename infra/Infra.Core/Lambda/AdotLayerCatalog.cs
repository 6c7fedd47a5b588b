using Infra.Core.Settings;

namespace Infra.Core.Lambda;

/// <summary>The instrumentation a layer provides; one entry per layer family.</summary>
internal enum AdotLanguage { Python, NodeJs, JavaWrapper, Java, DotNet }

/// <summary>A released legacy layer: its version in the name (1-25-0) and its Lambda layer version number.</summary>
internal sealed record LegacyRelease(string Version, int LayerVersion);

/// <summary>One legacy layer family: name stem, known releases (newest first), supported runtimes, wrapper.</summary>
internal sealed record LegacyLayerFamily(
    AdotLanguage Language,
    string ConfigKey,
    string NameStem,
    IReadOnlyList<LegacyRelease> Releases,
    IReadOnlyList<string> Runtimes,
    string ExecWrapper,
    string Propagators);

/// <summary>Where the AWS Distro for OpenTelemetry layers live in one region: account and layer version per language.</summary>
internal sealed record DistroRegion(string Region, string Account, IReadOnlyDictionary<AdotLanguage, int> LayerVersions);

/// <summary>
/// The public ADOT Lambda layers, as data. Facts read on 2026-11-25 from:
/// - legacy layers: https://aws-otel.github.io/docs/getting-started/lambda/lambda-python (and -js, -java),
///   aws-observability/aws-otel-lambda CHANGELOG.md and its wrapper scripts (python/scripts/otel-instrument,
///   nodejs/scripts/otel-handler, java/scripts/otel-*handler) for exec wrappers and default propagators;
/// - distro layers: https://aws-otel.github.io/docs/getting-started/lambda (src/config/lambdaLayerArns.js of
///   aws-otel/aws-otel.github.io, updated 2026-07-20) and
///   https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch-Application-Signals-Enable-LambdaMain.html.
/// </summary>
internal static class AdotLayerCatalog
{
    /// <summary>The account that publishes every legacy ADOT layer.</summary>
    public const string LegacyAccount = "901920570463";

    /// <summary>The 16 commercial regions the legacy layers are published in.</summary>
    public static readonly IReadOnlyList<string> LegacyRegions =
    [
        "ap-northeast-1", "ap-northeast-2", "ap-south-1", "ap-southeast-1", "ap-southeast-2", "ca-central-1",
        "eu-central-1", "eu-north-1", "eu-west-1", "eu-west-2", "eu-west-3", "sa-east-1",
        "us-east-1", "us-east-2", "us-west-1", "us-west-2",
    ];

    private const string PythonNodePropagators = "tracecontext,baggage,xray-lambda";

    public static readonly IReadOnlyList<LegacyLayerFamily> LegacyFamilies =
    [
        new(AdotLanguage.Python, "python", "aws-otel-python",
            [new("1.32.0", 2), new("1.29.0", 2), new("1.25.0", 1), new("1.24.0", 1), new("1.21.0", 1)],
            ["python3.8", "python3.9", "python3.10", "python3.11", "python3.12", "python3.13"],
            "/opt/otel-instrument", PythonNodePropagators),
        new(AdotLanguage.NodeJs, "nodejs", "aws-otel-nodejs",
            [new("1.30.2", 1), new("1.18.1", 4)],
            ["nodejs18.x", "nodejs20.x", "nodejs22.x"],
            "/opt/otel-handler", PythonNodePropagators),
        new(AdotLanguage.JavaWrapper, "java-wrapper", "aws-otel-java-wrapper",
            [new("1.32.0", 6)],
            ["java8.al2", "java11", "java17"],
            "/opt/otel-handler", "xray,tracecontext,b3,b3multi"),
    ];

    /// <summary>The Java wrapper layer's handler variants, chosen by the kind of handler a function has.</summary>
    public static readonly IReadOnlyDictionary<string, string> JavaWrapperHandlers = new Dictionary<string, string>
    {
        ["request"] = "/opt/otel-handler",
        ["proxy"] = "/opt/otel-proxy-handler",
        ["stream"] = "/opt/otel-stream-handler",
        ["sqs"] = "/opt/otel-sqs-handler",
    };

    public static readonly IReadOnlyDictionary<AdotLanguage, string> DistroLayerNames = new Dictionary<AdotLanguage, string>
    {
        [AdotLanguage.Python] = "AWSOpenTelemetryDistroPython",
        [AdotLanguage.NodeJs] = "AWSOpenTelemetryDistroJs",
        [AdotLanguage.Java] = "AWSOpenTelemetryDistroJava",
        [AdotLanguage.DotNet] = "AWSOpenTelemetryDistroDotNet",
    };

    public static readonly IReadOnlyDictionary<AdotLanguage, IReadOnlyList<string>> DistroRuntimes = new Dictionary<AdotLanguage, IReadOnlyList<string>>
    {
        [AdotLanguage.Python] = ["python3.10", "python3.11", "python3.12", "python3.13"],
        [AdotLanguage.NodeJs] = ["nodejs18.x", "nodejs20.x", "nodejs22.x"],
        [AdotLanguage.Java] = ["java11", "java17", "java21"],
        [AdotLanguage.DotNet] = ["dotnet8"],
    };

    /// <summary>Distro layers export through the wrapper's own default; these are the documented defaults made explicit.</summary>
    public static readonly IReadOnlyDictionary<AdotLanguage, string> DistroPropagators = new Dictionary<AdotLanguage, string>
    {
        [AdotLanguage.Python] = "baggage,xray,tracecontext",
        [AdotLanguage.NodeJs] = "baggage,tracecontext,xray",
        [AdotLanguage.Java] = "baggage,tracecontext,xray",
        [AdotLanguage.DotNet] = "tracecontext,b3,b3multi,xray",
    };

    public const string DistroExecWrapper = "/opt/otel-instrument";

    public static readonly IReadOnlyList<DistroRegion> DistroRegions = BuildDistroRegions();

    public static LegacyLayerFamily Legacy(AdotLanguage language) => LegacyFamilies.Single(family => family.Language == language);

    public static string ArchitectureSuffix(LambdaArchitecture architecture) =>
        architecture == LambdaArchitecture.Arm64 ? "arm64" : "amd64";

    private static IReadOnlyList<DistroRegion> BuildDistroRegions()
    {
        const string Main = "615299751070";
        var rows = new List<DistroRegion>();
        void Add(string account, int python, int js, int java, int dotnet, params string[] regions)
        {
            foreach (var region in regions)
            {
                var versions = new Dictionary<AdotLanguage, int>();
                if (python > 0) { versions[AdotLanguage.Python] = python; }
                if (js > 0) { versions[AdotLanguage.NodeJs] = js; }
                if (java > 0) { versions[AdotLanguage.Java] = java; }
                if (dotnet > 0) { versions[AdotLanguage.DotNet] = dotnet; }
                rows.Add(new DistroRegion(region, account, versions));
            }
        }

        Add(Main, 33, 15, 16, 13, "us-west-1", "us-west-2");
        Add(Main, 29, 15, 16, 14, "us-east-1");
        Add(Main, 26, 15, 16, 13, "us-east-2", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-south-1", "ap-southeast-2",
            "ca-central-1", "eu-central-1", "eu-north-1", "eu-west-1", "eu-west-2", "eu-west-3", "sa-east-1");
        Add(Main, 25, 15, 16, 13, "ap-southeast-1");
        Add("904233096616", 23, 15, 16, 13, "af-south-1");
        Add("888577020596", 23, 15, 16, 13, "ap-east-1");
        Add("412664885777", 4, 4, 5, 4, "ap-east-2");
        Add("796973505492", 23, 15, 16, 13, "ap-south-2");
        Add("039612877180", 23, 15, 16, 13, "ap-southeast-3");
        Add("713881805771", 23, 15, 16, 13, "ap-southeast-4");
        Add("152034782359", 14, 8, 13, 9, "ap-southeast-5");
        Add("313828097273", 3, 3, 5, 3, "ap-southeast-6");
        Add("980416031188", 14, 8, 13, 9, "ap-southeast-7");
        Add("595944127152", 14, 8, 13, 9, "ca-west-1");
        Add("440179912924", 14, 8, 13, 9, "cn-north-1");
        Add("440180067931", 14, 8, 13, 9, "cn-northwest-1");
        Add("156041407956", 23, 15, 16, 13, "eu-central-2");
        Add("257394471194", 23, 15, 16, 13, "eu-south-1");
        Add("490004653786", 23, 15, 16, 13, "eu-south-2");
        Add("746669239226", 23, 15, 16, 13, "il-central-1");
        Add("739275441131", 22, 15, 16, 13, "me-central-1");
        Add("980921751758", 0, 12, 0, 0, "me-south-1");
        Add("610118373846", 14, 8, 13, 9, "mx-central-1");
        return rows;
    }
}
