using System.Globalization;
using System.Text;

namespace Infra.Core.Collector;

/// <summary>
/// A collector configuration as data (components and pipelines), rendered to YAML. Keeping it as data lets
/// tests check that every pipeline names only defined components, and lets IAM follow the exporters.
/// </summary>
internal sealed record CollectorConfigModel(
    IReadOnlyDictionary<string, object?> Extensions,
    IReadOnlyDictionary<string, object?> Receivers,
    IReadOnlyDictionary<string, object?> Processors,
    IReadOnlyDictionary<string, object?> Exporters,
    IReadOnlyList<string> ServiceExtensions,
    IReadOnlyDictionary<string, CollectorPipeline> Pipelines)
{
    public string ToYaml()
    {
        var root = new List<KeyValuePair<string, object?>>
        {
            new("extensions", Extensions),
            new("receivers", Receivers),
            new("processors", Processors),
            new("exporters", Exporters),
            new("service", new Dictionary<string, object?>
            {
                ["extensions"] = ServiceExtensions,
                ["pipelines"] = Pipelines.ToDictionary(
                    pipeline => pipeline.Key,
                    pipeline => (object?)new Dictionary<string, object?>
                    {
                        ["receivers"] = pipeline.Value.Receivers,
                        ["processors"] = pipeline.Value.Processors,
                        ["exporters"] = pipeline.Value.Exporters,
                    }),
            }),
        };
        var builder = new StringBuilder();
        WriteMap(builder, root, 0);
        return builder.ToString();
    }

    private static void WriteMap(StringBuilder builder, IEnumerable<KeyValuePair<string, object?>> map, int indent)
    {
        foreach (var (key, value) in map)
        {
            builder.Append(' ', indent).Append(key).Append(':');
            switch (value)
            {
                case null:
                    builder.Append('\n');
                    break;
                case IReadOnlyDictionary<string, object?> nested:
                    builder.Append('\n');
                    WriteMap(builder, nested, indent + 2);
                    break;
                case IEnumerable<string> list:
                    builder.Append(" [").Append(string.Join(", ", list.Select(Scalar))).Append("]\n");
                    break;
                default:
                    builder.Append(' ').Append(Scalar(value)).Append('\n');
                    break;
            }
        }
    }

    private static string Scalar(object value) => value switch
    {
        bool flag => flag ? "true" : "false",
        int number => number.ToString(CultureInfo.InvariantCulture),
        double number => number.ToString(CultureInfo.InvariantCulture),
        string text when NeedsQuotes(text) => $"'{text.Replace("'", "''", StringComparison.Ordinal)}'",
        string text => text,
        _ => throw new ArgumentException($"Unsupported YAML scalar {value.GetType()}"),
    };

    private static bool NeedsQuotes(string text) =>
        text.Length == 0 || text.IndexOfAny([':', '#', '{', '}', '[', ']', ',', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`']) >= 0
        || text.StartsWith('/') || text.StartsWith('-') || text.StartsWith(' ');
}

internal sealed record CollectorPipeline(IReadOnlyList<string> Receivers, IReadOnlyList<string> Processors, IReadOnlyList<string> Exporters);

/// <summary>
/// The custom configuration this program renders for collector.config.source = custom: OTLP, X-Ray and StatsD
/// receivers, health_check for the container health check, batching, ECS/EC2 resource detection, a trace exporter
/// chosen by <see cref="TraceExport"/> (awsxray, or otlp_http signed by the sigv4auth extension) and the EMF
/// exporter. SDKs on the hosts fetch the stack's central sampling rules through the awsxray receiver's own TCP
/// proxy (<c>proxy_server</c>), which that receiver always starts; a separate awsproxy extension on the same port
/// would make the collector exit on start.
/// Component reference: https://aws-otel.github.io/docs/components/ (read 2026-11-25).
/// </summary>
internal static class CustomCollectorConfig
{
    /// <summary>The X-Ray daemon port: segments over UDP, the sampling proxy over TCP.</summary>
    public const int XRayPort = 2000;

    public static CollectorConfigModel Build(string region, string metricsLogGroup, string metricsNamespace, TraceExportSpec traces) => new(
        Extensions: Extensions(region, traces),
        Receivers: new Dictionary<string, object?>
        {
            ["otlp"] = new Dictionary<string, object?>
            {
                ["protocols"] = new Dictionary<string, object?>
                {
                    ["grpc"] = new Dictionary<string, object?> { ["endpoint"] = "0.0.0.0:4317" },
                    ["http"] = new Dictionary<string, object?> { ["endpoint"] = "0.0.0.0:4318" },
                },
            },
            ["awsxray"] = new Dictionary<string, object?>
            {
                ["endpoint"] = $"0.0.0.0:{XRayPort}",
                ["transport"] = "udp",
                // An explicit region spares the proxy the metadata look-up it would otherwise need to start.
                ["proxy_server"] = new Dictionary<string, object?> { ["endpoint"] = $"0.0.0.0:{XRayPort}", ["region"] = region },
            },
            ["statsd"] = new Dictionary<string, object?> { ["endpoint"] = "0.0.0.0:8125", ["aggregation_interval"] = "60s" },
        },
        Processors: new Dictionary<string, object?>
        {
            ["batch/traces"] = new Dictionary<string, object?> { ["timeout"] = "1s", ["send_batch_size"] = 50 },
            ["batch/metrics"] = new Dictionary<string, object?> { ["timeout"] = "60s" },
            ["resource_detection"] = new Dictionary<string, object?>
            {
                ["detectors"] = new[] { "env", "ecs", "ec2" },
                ["timeout"] = "2s",
                ["override"] = false,
            },
        },
        Exporters: new Dictionary<string, object?>
        {
            [traces.Exporter] = TraceExporter(region, traces),
            ["awsemf"] = new Dictionary<string, object?>
            {
                ["region"] = region,
                ["namespace"] = metricsNamespace,
                ["log_group_name"] = metricsLogGroup,
            },
        },
        ServiceExtensions: traces.Authenticator is { } authenticator ? ["health_check", authenticator] : ["health_check"],
        Pipelines: new Dictionary<string, CollectorPipeline>
        {
            ["traces"] = new(["otlp", "awsxray"], ["resource_detection", "batch/traces"], [traces.Exporter]),
            ["metrics"] = new(["otlp", "statsd"], ["resource_detection", "batch/metrics"], ["awsemf"]),
        });

    private static Dictionary<string, object?> Extensions(string region, TraceExportSpec traces)
    {
        var extensions = new Dictionary<string, object?>
        {
            ["health_check"] = new Dictionary<string, object?> { ["endpoint"] = "0.0.0.0:13133" },
        };
        if (traces.Authenticator is { } authenticator)
        {
            // region and service set explicitly rather than inferred from the endpoint's host name.
            extensions[authenticator] = new Dictionary<string, object?> { ["region"] = region, ["service"] = TraceExport.SigningService };
        }

        return extensions;
    }

    /// <summary>awsxray: the Region's X-Ray API. otlp_http: the OTLP traces endpoint, each request signed by the authenticator.</summary>
    private static Dictionary<string, object?> TraceExporter(string region, TraceExportSpec traces) => traces.Endpoint is { } endpoint
        ? new Dictionary<string, object?>
        {
            ["traces_endpoint"] = endpoint,
            ["auth"] = new Dictionary<string, object?> { ["authenticator"] = traces.Authenticator },
        }
        : new Dictionary<string, object?> { ["region"] = region };

    /// <summary>
    /// What this config makes the collector call and where it listens: X-Ray (spans through the chosen exporter, and
    /// sampling for SDKs through the receiver's proxy), EMF logs in the stack's own group. Its ec2 detector has no
    /// <c>tags</c>, so it reads IMDS only.
    /// </summary>
    public static CollectorNeeds Needs(string metricsLogGroup, string metricsNamespace, TraceExportSpec traces) => new(
        traces.Exporter,
        ServesSampling: true,
        [new EmfOutput(metricsNamespace, metricsLogGroup)],
        [
            new("tcp", 4317, "OTLP gRPC"),
            new("tcp", 4318, "OTLP HTTP"),
            new("udp", XRayPort, "X-Ray segments (awsxray receiver)"),
            new("tcp", XRayPort, "X-Ray sampling rules and targets for SDKs (awsxray receiver proxy)"),
            new("udp", 8125, "StatsD"),
        ]);
}
