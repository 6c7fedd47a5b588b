using Infra.Core.Naming;
using Infra.Core.Settings;

namespace Infra.Core.Collector;

/// <summary>How the collector's traces pipeline sends spans, and why this one.</summary>
/// <param name="Exporter">The exporter the traces pipeline names: <c>awsxray</c> (X-Ray's PutTraceSegments API) or
/// <c>otlp_http</c> (the X-Ray OTLP traces endpoint).</param>
/// <param name="Endpoint">Where <c>otlp_http</c> posts spans (its <c>traces_endpoint</c>); null for <c>awsxray</c>,
/// which calls the X-Ray API of the region it is configured with.</param>
/// <param name="Authenticator">The extension that signs the exporter's requests with SigV4; <c>otlp_http</c> only.</param>
/// <param name="Reason">Why this exporter: the config source and the account's Transaction Search state.</param>
public sealed record TraceExportSpec(string Exporter, string? Endpoint, string? Authenticator, string Reason);

/// <summary>
/// Chooses the trace exporter. ADOT deprecates the collector's awsxray exporter and recommends the OTLP traces
/// endpoint <c>https://xray.&lt;region&gt;.amazonaws.com/v1/traces</c> with the OTLP/HTTP exporter and SigV4
/// (https://aws-otel.github.io/docs/getting-started/x-ray, read 2026-11-26). That endpoint needs Transaction Search on
/// in the account (same page; https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch-Transaction-Search.html),
/// accepts HTTP only, with the sigv4auth extension (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch-OTLPEndpoint.html),
/// and authorises a request as <c>xray:PutTraceSegments</c>
/// (https://docs.aws.amazon.com/xray/latest/devguide/xray-opentelemetry-bearer-token.html). So the custom config
/// exports over OTLP exactly when the account has Transaction Search on, and with awsxray otherwise. Bundled configs
/// are files in the image and keep the awsxray exporter they ship with.
/// </summary>
internal static class TraceExport
{
    /// <summary>The X-Ray exporter's component type (contrib exporter/awsxrayexporter at the pinned collector).</summary>
    public const string AwsXRay = "awsxray";

    /// <summary>
    /// The OTLP/HTTP exporter's component type at the pinned collector: <c>otlp_http</c>; <c>otlphttp</c> is its
    /// deprecated alias, which the collector accepts with a warning (aws-otel-collector@v0.49.0:
    /// vendor/go.opentelemetry.io/collector/exporter/otlphttpexporter/internal/metadata/generated_status.go).
    /// </summary>
    public const string OtlpHttp = "otlp_http";

    /// <summary>The SigV4 authenticator extension (contrib extension/sigv4authextension at the pinned collector).</summary>
    public const string SigV4Auth = "sigv4auth";

    /// <summary>The signing name of the X-Ray OTLP endpoint.</summary>
    public const string SigningService = "xray";

    /// <summary>
    /// The X-Ray OTLP traces endpoint of the stack's Region, on the partition's DNS suffix; null where there is none.
    /// Commercial Regions: https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch-OTLPEndpoint.html.
    /// China: Transaction Search is documented for the aws-cn partition
    /// (https://docs.amazonaws.cn/en_us/AmazonCloudWatch/latest/monitoring/Enable-TransactionSearch.html) and ADOT sends
    /// to the X-Ray OTLP endpoint there on amazonaws.com.cn
    /// (https://github.com/aws-observability/aws-otel-python-instrumentation/releases/tag/v0.21.0). AWS GovCloud (US): Transaction Search is not available
    /// (https://docs.aws.amazon.com/govcloud-us/latest/UserGuide/govcloud-cw.html), so the endpoint has nothing to accept.
    /// </summary>
    public static string? XRayOtlpEndpoint(AwsContext aws) =>
        aws.Partition == "aws-us-gov" ? null : $"{aws.ServiceEndpoint("xray")}/v1/traces";

    public static TraceExportSpec Choose(StackSettings settings, AwsContext aws)
    {
        var search = ConfigKeys.Full(ConfigKeys.TransactionSearch);
        if (settings.Collector.Config.Source == CollectorConfigSource.Bundled)
        {
            return new TraceExportSpec(AwsXRay, null, null,
                $"the bundled config {settings.Collector.Config.BundledPath} ships with the awsxray exporter; "
                + $"{ConfigKeys.Full(ConfigKeys.Collector)}.config.source: custom exports over OTLP when Transaction Search is on");
        }

        if (!settings.TransactionSearch.OnForAccount)
        {
            return new TraceExportSpec(AwsXRay, null, null,
                $"Transaction Search is off for the account ({search}.enabled and .enabledElsewhere are false), "
                + "and the X-Ray OTLP endpoint accepts spans only with it on");
        }

        if (XRayOtlpEndpoint(aws) is not { } endpoint)
        {
            return new TraceExportSpec(AwsXRay, null, null,
                $"{aws.Region} ({aws.Partition}) has no X-Ray OTLP endpoint (no Transaction Search there)");
        }

        var owner = settings.TransactionSearch.Enabled
            ? $"this stack turns it on ({search}.enabled)"
            : $"another stack or account setup has it on ({search}.enabledElsewhere)";
        return new TraceExportSpec(OtlpHttp, endpoint, SigV4Auth,
            $"Transaction Search is on for the account: {owner}; spans go to the X-Ray OTLP endpoint, signed with SigV4, "
            + "instead of the deprecated awsxray exporter");
    }
}
