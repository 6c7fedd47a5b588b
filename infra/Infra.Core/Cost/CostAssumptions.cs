using System.Text;
using System.Text.RegularExpressions;

namespace Infra.Core.Cost;

/// <summary>
/// The numbers the monthly cost rests on that no price page gives: sizes of what the stack writes and how often.
/// Each is printed with the plan, so a reader can redo the sums with their own.
/// </summary>
internal static partial class CostAssumptions
{
    /// <summary>A month of 30 days, the same month the traces estimate uses.</summary>
    public const double DaysPerMonth = 30;

    public const double HoursPerMonth = DaysPerMonth * 24;

    public const double SecondsPerMonth = HoursPerMonth * 3600;

    public const double MinutesPerMonth = HoursPerMonth * 60;

    public const double BytesPerGb = 1e9;

    /// <summary>A log group that never expires is shown as it stands after this many months of the same traffic.</summary>
    public const int NeverExpiresMonths = 12;

    /// <summary>Lambda's JSON system lines per invocation at system level INFO (platform.start and platform.report), in the
    /// shapes of the telemetry schema (https://docs.aws.amazon.com/lambda/latest/dg/telemetry-schema-reference.html) as JSON
    /// logs carry them: platform.start with the function ARN and, under active tracing, the trace context; platform.report
    /// with its metrics and status. Ids and names have this stack's lengths.</summary>
    public const string JsonPlatformStart =
        "{\"time\":\"2026-11-26T12:00:00.000Z\",\"type\":\"platform.start\",\"record\":{\"requestId\":\"6f7f0961-7a2f-4f1d-9d6a-4c3b2a1f0e9d\","
        + "\"functionArn\":\"arn:aws:lambda:us-west-2:123456789012:function:adot-tracing-prod-chatbot\",\"version\":\"$LATEST\","
        + "\"tracing\":{\"spanId\":\"54565fb41ac79632\",\"type\":\"X-Amzn-Trace-Id\",\"value\":\"Root=1-62e900b2-710d76f009d6e7785905449a;Parent=0efbd19962d95b05;Sampled=1\"}}}";

    public const string JsonPlatformReport =
        "{\"time\":\"2026-11-26T12:00:00.250Z\",\"type\":\"platform.report\",\"record\":{\"requestId\":\"6f7f0961-7a2f-4f1d-9d6a-4c3b2a1f0e9d\","
        + "\"metrics\":{\"durationMs\":245.01,\"billedDurationMs\":246,\"memorySizeMB\":512,\"maxMemoryUsedMB\":98},\"status\":\"success\"}}";

    /// <summary>The handler's one INFO line per invocation in the JSON log format (the sample functions log one on success).</summary>
    public const string JsonHandlerInfoLine =
        "{\"timestamp\":\"2026-11-26T12:00:00.240Z\",\"level\":\"INFO\",\"message\":\"Question answered and queued\",\"logger\":\"app\","
        + "\"requestId\":\"6f7f0961-7a2f-4f1d-9d6a-4c3b2a1f0e9d\",\"apiRequestId\":\"c6af9ac6-7b61-11e6-9a41-93e8deadbeef\",\"questionLength\":42}";

    /// <summary>The same invocation in the Text log format (the article's functions): START, END and REPORT (with its X-Ray
    /// line), and the handler's INFO line. https://docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs.html</summary>
    public const string TextInvocationLines =
        "START RequestId: 6f7f0961-7a2f-4f1d-9d6a-4c3b2a1f0e9d Version: $LATEST\n"
        + "[INFO]\t2026-11-26T12:00:00.240Z\t6f7f0961-7a2f-4f1d-9d6a-4c3b2a1f0e9d\tQuestion answered and queued\n"
        + "END RequestId: 6f7f0961-7a2f-4f1d-9d6a-4c3b2a1f0e9d\n"
        + "REPORT RequestId: 6f7f0961-7a2f-4f1d-9d6a-4c3b2a1f0e9d\tDuration: 245.01 ms\tBilled Duration: 246 ms\tMemory Size: 512 MB\tMax Memory Used: 98 MB\t\n"
        + "XRAY TraceId: 1-62e900b2-710d76f009d6e7785905449a\tSegmentId: 0efbd19962d95b05\tSampled: true\t\n";

    public static double JsonSystemBytesPerInvocation => Utf8(JsonPlatformStart) + Utf8(JsonPlatformReport);

    public static double JsonApplicationBytesPerInvocation => Utf8(JsonHandlerInfoLine);

    public static double TextBytesPerInvocation => Utf8(TextInvocationLines);

    /// <summary>Typical lengths of the access log variables' values: a UUID request id, an X-Ray trace id with its "Root=" prefix,
    /// an IPv4 address, an epoch in milliseconds, the sample API's methods and paths, a three-digit status, latencies under 10 s.</summary>
    public static readonly IReadOnlyDictionary<string, int> AccessLogValueLengths = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["$context.requestId"] = 36,
        ["$context.xrayTraceId"] = 40,
        ["$context.identity.sourceIp"] = 15,
        ["$context.requestTimeEpoch"] = 13,
        ["$context.requestTime"] = 26,
        ["$context.httpMethod"] = 4,
        ["$context.resourcePath"] = 7,
        ["$context.status"] = 3,
        ["$context.responseLatency"] = 4,
        ["$context.integrationLatency"] = 4,
        ["$context.responseLength"] = 4,
    };

    /// <summary>A variable the table above does not know.</summary>
    public const int UnknownAccessLogValueLength = 20;

    /// <summary>One access log line: the format's own characters plus each variable's typical value.</summary>
    public static double AccessLogBytesPerRequest(string format)
    {
        var literal = Variable().Replace(format, "");
        var values = Variable().Matches(format).Sum(match => AccessLogValueLengths.GetValueOrDefault(match.Value, UnknownAccessLogValueLength));
        return Utf8(literal) + values;
    }

    /// <summary>The collector logs its start-up and the odd warning; nothing per span at its default log level.</summary>
    public const double CollectorLogBytesPerHostPerDay = 1_000_000;

    /// <summary>Spans of a trace through a Lambda-backed route: the API stage, then for each function it reaches the
    /// Lambda service, function and handler spans and one AWS SDK call.</summary>
    public const double SpansPerFunctionInTrace = 4;

    /// <summary>Spans of a trace API Gateway answers itself (mock routes, unknown paths): the stage's segment only.</summary>
    public const double SpansPerOtherTrace = 1;

    /// <summary>An OpenTelemetry span as a structured log event in aws/spans, with its resource attributes.</summary>
    public const double BytesPerSpan = 1_500;

    /// <summary>One SQS message per producer invocation, and one consumer invocation per message (an upper bound: SQS batches
    /// can carry several messages to one invocation).</summary>
    public const double ConsumerInvocationsPerProducerInvocation = 1;

    /// <summary>The batches Lambda reads from a standard queue at once when messages arrive: five to start, down to two at
    /// low traffic (https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-scaling.html); five gives the smaller
    /// batches, so the more invocations.</summary>
    public const double ConcurrentSqsBatches = 5;

    /// <summary>Application Signals: one signal per inbound request of an instrumented function and one per outbound call it
    /// makes; the outbound calls are the services its role's statements call (the queue it consumes from is Lambda's poller's).</summary>
    public const double SignalsPerInboundRequest = 1;

    /// <summary>Each SLO is taken to generate 2 Application Signals signals per SLI period (not in the stored copy of the pricing page).</summary>
    public const double SignalsPerSloPeriod = 2;

    /// <summary>A REST API stage with detailed metrics publishes per method 4XXError, 5XXError, CacheHitCount, CacheMissCount, Count,
    /// IntegrationLatency and Latency. https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-metrics-and-dimensions.html</summary>
    public const int DetailedMetricsPerApiMethod = 7;

    /// <summary>Container Insights' ECS metrics (ContainerInstanceCount, CpuUtilized, CpuReserved, DeploymentCount, DesiredTaskCount,
    /// MemoryUtilized, MemoryReserved, NetworkRxBytes, NetworkTxBytes, PendingTaskCount, RunningTaskCount, ServiceCount,
    /// StorageReadBytes, StorageWriteBytes, TaskCount, TaskSetCount) at cluster and service level for one cluster running one
    /// service, counted as custom metrics. https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/appinsights-metrics-ecs.html</summary>
    public const int ContainerInsightsMetricsPerCluster = 24;

    /// <summary>Container Insights' performance log events: one a minute per cluster, service, task and container instance, about 1 KB each.</summary>
    public const double ContainerInsightsEventBytes = 1_000;

    /// <summary>The article's collector host: one t2.medium ("my ASG is using the t2.medium instance type").</summary>
    public const string ArticleInstanceType = "t2.medium";

    public const int ArticleHosts = 1;

    /// <summary>The article does not size the host's root volume; taken as this stack's.</summary>
    public const int ArticleRootVolumeGiB = 30;

    /// <summary>The traffic multiples the plan prices besides the stack's own, to show how cost grows with load.</summary>
    public static readonly IReadOnlyList<double> TrafficFactors = [0.1, 1, 10];

    public static IReadOnlyList<CostAssumption> All =>
    [
        new("days per month", DaysPerMonth, "days", "The month the traces estimate uses; hosts run 24 hours a day."),
        new("bytes per GB", BytesPerGb, "bytes", "Decimal gigabytes."),
        new("access log bytes per request", AccessLogBytesPerRequest(Api.ApiBuilder.AccessLogFormat), "bytes", "The stage's access log format with typical values (UUID ids, IPv4, epoch ms, 3-digit status)."),
        new("function system log bytes per invocation (JSON)", JsonSystemBytesPerInvocation, "bytes", "platform.start (with the trace context) and platform.report, at system log level INFO."),
        new("function handler log bytes per invocation (JSON, level INFO or finer)", JsonApplicationBytesPerInvocation, "bytes", "One INFO line per invocation; none at WARN."),
        new("function log bytes per invocation (Text, the article)", TextBytesPerInvocation, "bytes", "START, the handler's INFO line, END, REPORT with its X-Ray line."),
        new("consumer invocations per producer invocation", ConsumerInvocationsPerProducerInvocation, "invocations", "One SQS message per producer invocation; without a batching window each is taken to be its own batch."),
        new("concurrent SQS batches", ConcurrentSqsBatches, "batches", "With a batching window, a batch holds what arrives in the window spread over Lambda's five pollers, up to the batch size."),
        new("collector log bytes per host per day", CollectorLogBytesPerHostPerDay, "bytes", "Start-up lines and occasional warnings; nothing per span at the default log level."),
        new("spans per function in a trace", SpansPerFunctionInTrace, "spans", "Lambda service, function, handler and one SDK call, plus 1 for the API stage per trace."),
        new("spans per other trace", SpansPerOtherTrace, "spans", "Mock routes and unknown paths end at API Gateway."),
        new("bytes per span", BytesPerSpan, "bytes", "A span as a structured log event in aws/spans, resource attributes included."),
        new("Application Signals signals per invocation", SignalsPerInboundRequest, "signals", "One per inbound request, plus one per service the function calls (from its role's statements). Application Signals sees every request, not only sampled ones."),
        new("Application Signals signals per SLO period", SignalsPerSloPeriod, "signals", "Per SLO and SLI period (60 s here); not confirmed on a stored AWS page."),
        new("detailed metrics per API method", DetailedMetricsPerApiMethod, "metrics", "4XXError, 5XXError, CacheHitCount, CacheMissCount, Count, IntegrationLatency, Latency."),
        new("Container Insights metrics per cluster", ContainerInsightsMetricsPerCluster, "metrics", "Cluster- and service-level ECS metrics of one service."),
        new("Container Insights event bytes", ContainerInsightsEventBytes, "bytes", "One performance event a minute per cluster, service, task and host."),
        new("never-expiring log groups shown after", NeverExpiresMonths, "months", "A group without retention keeps growing; the storage line shows it after a year."),
        new("article root volume", ArticleRootVolumeGiB, "GiB", "The article does not size it; taken as this stack's launch template."),
    ];

    private static double Utf8(string text) => Encoding.UTF8.GetByteCount(text);

    [GeneratedRegex(@"\$context(\.[A-Za-z]+)+")]
    private static partial Regex Variable();
}
