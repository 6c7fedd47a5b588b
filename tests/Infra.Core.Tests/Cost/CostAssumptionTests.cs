using Infra.Core.Cost;

namespace Infra.Core.Tests.Cost;

/// <summary>
/// The assumptions the plan prints under the monthly cost, so a reader can redo the sums with their own: each with its
/// value, its unit and why it was taken. A month is 30 days as in the traces estimate; the sizes are the stack's own
/// (one access log line per request in the stage's format, Lambda's system and handler lines, one span per segment).
/// </summary>
public class CostAssumptionTests
{
    [Fact]
    public void ThePlanPrintsEveryAssumptionWithValueAndUnit() =>
        Assert.Equal(
            [
                ("days per month", 30.0, "days"),
                ("bytes per GB", 1e9, "bytes"),
                // {"rid":"","xray":"","ip":"","t":"","m":"","p":"","s":"","ms":""} is 64 characters; the values a UUID (36), a
                // "Root=1-…" trace id (40), an IPv4 address (15), epoch ms (13), POST (4), /health (7), 200 (3), a latency (4): 186.
                ("access log bytes per request", 186.0, "bytes"),
                // platform.start 380 B (function ARN and trace context) + platform.report 236 B.
                ("function system log bytes per invocation (JSON)", 616.0, "bytes"),
                ("function handler log bytes per invocation (JSON, level INFO or finer)", 236.0, "bytes"),
                ("function log bytes per invocation (Text, the article)", 457.0, "bytes"),
                ("consumer invocations per producer invocation", 1.0, "invocations"),
                ("concurrent SQS batches", 5.0, "batches"),
                ("collector log bytes per host per day", 1_000_000.0, "bytes"),
                ("spans per function in a trace", 4.0, "spans"),
                ("spans per other trace", 1.0, "spans"),
                ("bytes per span", 1_500.0, "bytes"),
                ("Application Signals signals per invocation", 1.0, "signals"),
                ("Application Signals signals per SLO period", 2.0, "signals"),
                ("detailed metrics per API method", 7.0, "metrics"),
                ("Container Insights metrics per cluster", 24.0, "metrics"),
                ("Container Insights event bytes", 1_000.0, "bytes"),
                ("never-expiring log groups shown after", 12.0, "months"),
                ("article root volume", 30.0, "GiB"),
            ],
            CostAssumptions.All.Select(assumption => (assumption.Name, assumption.Value, assumption.Unit)));

    [Fact]
    public void EachAssumptionSaysWhyItWasTaken() =>
        Assert.All(CostAssumptions.All, assumption => Assert.False(string.IsNullOrWhiteSpace(assumption.Why), assumption.Name));

    [Fact]
    public void AnAccessLogVariableOutsideTheTableCountsTwentyBytes() =>
        // 2 literal characters around one unknown variable.
        Assert.Equal(2 + 20, CostAssumptions.AccessLogBytesPerRequest("[$context.authorizer.principalId]"));

    [Fact]
    public void ALeanerAccessLogFormatCostsFewerBytes() =>
        // The previous format: nine long keys, the formatted request time and the response length.
        Assert.True(CostAssumptions.AccessLogBytesPerRequest(Infra.Core.Api.ApiBuilder.AccessLogFormat) < CostAssumptions.AccessLogBytesPerRequest(
            "{\"requestId\":\"$context.requestId\",\"xrayTraceId\":\"$context.xrayTraceId\",\"ip\":\"$context.identity.sourceIp\","
            + "\"requestTime\":\"$context.requestTime\",\"httpMethod\":\"$context.httpMethod\",\"resourcePath\":\"$context.resourcePath\","
            + "\"status\":\"$context.status\",\"responseLength\":\"$context.responseLength\",\"integrationLatency\":\"$context.integrationLatency\"}"));

    [Fact]
    public void AMonthHas720HoursAnd2592000Seconds()
    {
        // 30 days × 24 h = 720 h; × 3,600 s = 2,592,000 s.
        Assert.Equal(720, CostAssumptions.HoursPerMonth);
        Assert.Equal(2_592_000, CostAssumptions.SecondsPerMonth);
    }
}
