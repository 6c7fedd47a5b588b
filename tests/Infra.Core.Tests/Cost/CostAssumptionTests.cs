using Infra.Core.Cost;

namespace Infra.Core.Tests.Cost;

/// <summary>
/// The assumptions the plan prints under the monthly cost, so a reader can redo the sums with their own: each with its
/// value, its unit and why it was taken. A month is 30 days as in the traces estimate; the sizes are the stack's own
/// (one access log line per request in the stage's format, Lambda's START/END/REPORT lines, one span per segment).
/// </summary>
public class CostAssumptionTests
{
    [Fact]
    public void ThePlanPrintsEveryAssumptionWithValueAndUnit() =>
        Assert.Equal(
            [
                ("days per month", 30.0, "days"),
                ("bytes per GB", 1e9, "bytes"),
                ("access log bytes per request", 400.0, "bytes"),
                ("function log bytes per invocation", 550.0, "bytes"),
                ("messages per producer invocation", 1.0, "messages"),
                ("collector log bytes per host per day", 1_000_000.0, "bytes"),
                ("spans per trace through a Lambda route", 9.0, "spans"),
                ("spans per other trace", 1.0, "spans"),
                ("bytes per span", 1_500.0, "bytes"),
                ("Application Signals signals per invocation", 1.0, "signals"),
                ("never-expiring log groups shown after", 12.0, "months"),
                ("article root volume", 30.0, "GiB"),
            ],
            CostAssumptions.All.Select(assumption => (assumption.Name, assumption.Value, assumption.Unit)));

    [Fact]
    public void EachAssumptionSaysWhyItWasTaken() =>
        Assert.Equal(
            [
                "The month the traces estimate uses; hosts run 24 hours a day.",
                "Decimal gigabytes.",
                "One JSON line per request in the stage's access log format.",
                "Lambda's START, END and REPORT lines plus one line from the handler.",
                "Each queue consumer runs once per message; batching would lower it.",
                "Start-up lines and occasional warnings; nothing per span at the default log level.",
                "API stage, then Lambda service, function, handler and one SDK call for the chatbot and for the consumer.",
                "Mock routes and unknown paths end at API Gateway.",
                "A span as a structured log event in aws/spans, resource attributes included.",
                "One per inbound request of each function, plus one per outbound call it declares (a queue it sends to, a table it writes, each statement of its own). Application Signals sees every request, not only sampled ones.",
                "A group without retention keeps growing; the storage line shows it after a year.",
                "The article does not size it; taken as this stack's launch template.",
            ],
            CostAssumptions.All.Select(assumption => assumption.Why));

    [Fact]
    public void AMonthHas720HoursAnd2592000Seconds()
    {
        // 30 days × 24 h = 720 h; × 3,600 s = 2,592,000 s.
        Assert.Equal(720, CostAssumptions.HoursPerMonth);
        Assert.Equal(2_592_000, CostAssumptions.SecondsPerMonth);
    }
}
