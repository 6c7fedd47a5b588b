namespace Infra.Core.Iam;

/// <summary>
/// The X-Ray permissions of everything that sends traces: the collector and every traced function.
/// </summary>
internal static class XRayPermissions
{
    /// <summary>
    /// Sending segments (PutTraceSegments, PutTelemetryRecords) and reading the central sampling rules
    /// (GetSamplingRules, GetSamplingTargets): AWS's AWSXRayDaemonWriteAccess without GetSamplingStatisticSummaries,
    /// which only the console and reporting tools call.
    /// https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSXRayDaemonWriteAccess.html
    /// These actions support no resource-level permissions, so the resource is "*":
    /// https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsx-ray.html
    /// </summary>
    public static readonly IReadOnlyList<string> Actions =
    [
        "xray:PutTraceSegments",
        "xray:PutTelemetryRecords",
        "xray:GetSamplingRules",
        "xray:GetSamplingTargets",
    ];

    public const string StatementId = "SendTracesAndReadSampling";

    public static PolicyStatement Statement() => PolicyStatement.Allow(StatementId, Actions, "*");

    /// <summary>
    /// A collector exporting over OTLP: the X-Ray OTLP traces endpoint authorises each request as
    /// xray:PutTraceSegments (https://docs.aws.amazon.com/xray/latest/devguide/xray-opentelemetry-bearer-token.html),
    /// and nothing else is called to send spans. The sampling reads only when SDKs fetch their rules through the
    /// collector's awsxray receiver proxy, which signs those calls with the collector's role.
    /// </summary>
    public static IReadOnlyList<PolicyStatement> OtlpStatements(bool servesSampling) => servesSampling
        ? [PolicyStatement.Allow(OtlpStatementId, [PutTraceSegments], "*"), PolicyStatement.Allow(SamplingStatementId, SamplingActions, "*")]
        : [PolicyStatement.Allow(OtlpStatementId, [PutTraceSegments], "*")];

    public const string OtlpStatementId = "SendSpansToXRayOtlpEndpoint";

    public const string SamplingStatementId = "ReadSamplingForSdks";

    private const string PutTraceSegments = "xray:PutTraceSegments";

    private static readonly IReadOnlyList<string> SamplingActions = ["xray:GetSamplingRules", "xray:GetSamplingTargets"];

    /// <summary>What the article adds to a function's execution role (Step 2d), exactly: sending only, on "*".</summary>
    public static readonly IReadOnlyList<string> ArticleFunctionActions = ["xray:PutTelemetryRecords", "xray:PutTraceSegments"];

    public const string ArticleFunctionStatementId = "SendTraces";

    /// <summary>A function's X-Ray statement: the article's under iamMode seed, otherwise <see cref="Statement"/>.</summary>
    public static PolicyStatement FunctionStatement(Settings.IamMode mode) => mode == Settings.IamMode.Seed
        ? PolicyStatement.Allow(ArticleFunctionStatementId, ArticleFunctionActions, "*")
        : Statement();
}
