namespace Infra.Core.Cost;

/// <summary>
/// The numbers the monthly cost rests on that no price page gives: sizes of what the stack writes and how often.
/// Each is printed with the plan, so a reader can redo the sums with their own.
/// </summary>
internal static class CostAssumptions
{
    /// <summary>A month of 30 days, the same month the traces estimate uses.</summary>
    public const double DaysPerMonth = 30;

    public const double HoursPerMonth = DaysPerMonth * 24;

    public const double SecondsPerMonth = HoursPerMonth * 3600;

    public const double BytesPerGb = 1e9;

    /// <summary>A log group that never expires is shown as it stands after this many months of the same traffic.</summary>
    public const int NeverExpiresMonths = 12;

    /// <summary>One JSON access log line per request (the stage's format: ids, times, route, status, latency, trace id).</summary>
    public const double AccessLogBytesPerRequest = 400;

    /// <summary>Lambda's START, END and REPORT lines (REPORT carries the X-Ray trace id) plus one line of the handler's own.</summary>
    public const double FunctionLogBytesPerInvocation = 550;

    /// <summary>The collector logs its start-up and the odd warning; nothing per span at its default log level.</summary>
    public const double CollectorLogBytesPerHostPerDay = 1_000_000;

    /// <summary>Spans of a trace through a Lambda-backed route: the API stage, then for the chatbot and the consumer each
    /// the Lambda service, function and handler spans and one AWS SDK call (SQS SendMessage, DynamoDB PutItem).</summary>
    public const double SpansPerLambdaTrace = 9;

    /// <summary>Spans of a trace API Gateway answers itself (mock routes, unknown paths): the stage's segment only.</summary>
    public const double SpansPerOtherTrace = 1;

    /// <summary>An OpenTelemetry span as a structured log event in aws/spans, with its resource attributes.</summary>
    public const double BytesPerSpan = 1_500;

    /// <summary>A queue's consumer is counted once per message, and each producer invocation sends one message: an
    /// upper bound, as SQS batches can invoke the consumer for several messages at once.</summary>
    public const double MessagesPerProducerInvocation = 1;

    /// <summary>The article's collector host: one t2.medium ("my ASG is using the t2.medium instance type").</summary>
    public const string ArticleInstanceType = "t2.medium";

    public const int ArticleHosts = 1;

    /// <summary>The article does not size the host's root volume; taken as this stack's.</summary>
    public const int ArticleRootVolumeGiB = 30;

    public static IReadOnlyList<CostAssumption> All =>
    [
        new("days per month", DaysPerMonth, "days", "The month the traces estimate uses; hosts run 24 hours a day."),
        new("bytes per GB", BytesPerGb, "bytes", "Decimal gigabytes."),
        new("access log bytes per request", AccessLogBytesPerRequest, "bytes", "One JSON line per request in the stage's access log format."),
        new("function log bytes per invocation", FunctionLogBytesPerInvocation, "bytes", "Lambda's START, END and REPORT lines plus one line from the handler."),
        new("messages per producer invocation", MessagesPerProducerInvocation, "messages", "Each queue consumer runs once per message; batching would lower it."),
        new("collector log bytes per host per day", CollectorLogBytesPerHostPerDay, "bytes", "Start-up lines and occasional warnings; nothing per span at the default log level."),
        new("spans per trace through a Lambda route", SpansPerLambdaTrace, "spans", "API stage, then Lambda service, function, handler and one SDK call for the chatbot and for the consumer."),
        new("spans per other trace", SpansPerOtherTrace, "spans", "Mock routes and unknown paths end at API Gateway."),
        new("bytes per span", BytesPerSpan, "bytes", "A span as a structured log event in aws/spans, resource attributes included."),
        new("Application Signals signals per invocation", 1, "signals", "One per inbound request of each function, plus one per outbound call it declares (a queue it sends to, a table it writes, each statement of its own). Application Signals sees every request, not only sampled ones."),
        new("never-expiring log groups shown after", NeverExpiresMonths, "months", "A group without retention keeps growing; the storage line shows it after a year."),
        new("article root volume", ArticleRootVolumeGiB, "GiB", "The article does not size it; taken as this stack's launch template."),
    ];
}
