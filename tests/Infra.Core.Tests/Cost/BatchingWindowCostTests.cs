using Infra.Core.Api;
using Infra.Core.App;
using Infra.Core.Cost;
using Infra.Core.Settings;

namespace Infra.Core.Tests.Cost;

/// <summary>
/// A batching window lets Lambda hand a queue's consumer fuller batches. Lambda reads a standard queue with five
/// batches at once when messages arrive (https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-scaling.html), so a
/// batch holds what arrives in the window over five pollers, at least one message and at most the batch size.
/// </summary>
public class BatchingWindowCostTests
{
    private const double SecondsPerMonth = 30 * 24 * 3600;

    [Theory]
    [InlineData(0, 10, 50, 1)]     // no window: each message its own invocation
    [InlineData(1, 10, 10, 2)]     // 10/s × 1 s ÷ 5 pollers
    [InlineData(1, 10, 100, 10)]   // 100/s × 1 s ÷ 5 = 20, held to the batch size
    [InlineData(1, 10, 0.1, 1)]    // 0.02 per poller: never less than one message
    [InlineData(30, 100, 5, 30)]   // 5/s × 30 s ÷ 5
    public void MessagesPerInvocationAreWhatArrivesInTheWindowPerPoller(int window, int batchSize, double messagesPerSecond, double expected) =>
        Assert.Equal(expected, new QueueLink("p", "c", batchSize, window).MessagesPerInvocation(messagesPerSecond), 9);

    [Fact]
    public void TheConsumerRunsOncePerFullBatch()
    {
        // 50 requests/s to the producer: 129,600,000 messages a month; with a 1 s window, 50 ÷ 5 = 10 per batch.
        var invocations = MonthlyCostBuilder.InvocationsPerMonth(
            [RouteSpec.Lambda("POST", "/a", "a")], [new RouteTraffic("POST", "/a", 50)], [new QueueLink("a", "b", 10, 1)]);
        Assert.Equal(50 * SecondsPerMonth, invocations["a"], 3);
        Assert.Equal(50 * SecondsPerMonth / 10, invocations["b"], 3);
    }

    [Fact]
    public void TheArticlesConsumerHasNoWindowWhateverTheStacks()
    {
        var batched = TestStacks.Blueprint("prod", ("app", """{"batchingWindowSeconds":1}""")).MonthlyCost;
        var unbatched = TestStacks.Blueprint("prod", ("app", """{"batchingWindowSeconds":0}""")).MonthlyCost;
        Assert.Equal(unbatched.Article.PricedUsd, batched.Article.PricedUsd, 9);
        Assert.True(batched.Stack.PricedUsd < unbatched.Stack.PricedUsd);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(301)]
    public void AWindowOutsideWhatLambdaTakesIsRefused(int window)
    {
        var errors = new ErrorSink();
        AppValidation.Validate(new AppDeclaration(
            [new FunctionDeclaration("p", "", "python3.12", "app.handler", FunctionCode.Folder("p"), new Dictionary<string, string>(), []),
             new FunctionDeclaration("c", "", "python3.12", "app.handler", FunctionCode.Folder("c"), new Dictionary<string, string>(), [])],
            [], [new QueueDeclaration("q", "p", "c", BatchingWindowSeconds: window)], []), errors);
        var error = Assert.Single(errors.Errors);
        Assert.Equal("app.queues.q.batchingWindowSeconds", error.Key);
        Assert.Contains("0..300", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheLongestWindowIsAccepted()
    {
        var errors = new ErrorSink();
        AppValidation.Validate(new AppDeclaration(
            [new FunctionDeclaration("p", "", "python3.12", "app.handler", FunctionCode.Folder("p"), new Dictionary<string, string>(), [])],
            [], [new QueueDeclaration("q", "p", "p", BatchingWindowSeconds: 300)], []), errors);
        Assert.Empty(errors.Errors);
    }
}
