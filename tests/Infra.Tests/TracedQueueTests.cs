using System.Collections.Immutable;
using Infra.Components;
using Infra.Core.Messaging;
using Infra.Core.Settings;
using Pulumi;
using Pulumi.Utilities;

namespace Infra.Tests;

/// <summary>TracedQueue alone: every field of its spec reaches the resources, and prod's queues are guarded.</summary>
[Collection(PulumiCollection.Name)]
public class TracedQueueTests
{
    private static Task<ComponentRun<TracedQueue>> Run(QueueSpec spec, bool isPreview = false) =>
        ComponentRun<TracedQueue>.RunAsync(options => new TracedQueue("questions", TracedQueueArgs.Of(spec, new Dictionary<string, string> { ["stack"] = "test" }), options), isPreview);

    private static QueueSpec Spec(string stack) => Blueprints.For(stack).Queues.Single();

    [Fact]
    public async Task QueueRedrivesToItsDeadLetterQueue()
    {
        var spec = Spec("dev") with { MaxReceiveCount = 4 };
        var run = await Run(spec);
        var queue = run.Mocks.OfType("aws-native:sqs:Queue").Single(queue => queue.String("queueName") == spec.Name);
        var redrive = queue.Object("redrivePolicy");
        Assert.Equal($"arn:aws:sqs:{StackMocks.Region}:{StackMocks.Account}:{spec.DeadLetterName}", redrive["deadLetterTargetArn"]);
        Assert.Equal(4.0, redrive["maxReceiveCount"]);
    }

    [Fact]
    public async Task ProdProtectsBothQueues()
    {
        var run = await Run(Spec("prod"));
        Assert.All(["questions-queue", "questions-dlq"], name => Assert.True(run.OptionsOf(name).Protect, $"{name} is not protected"));
        Assert.NotEqual(true, run.OptionsOf("questions-queue").RetainOnDelete);
    }

    [Fact]
    public async Task DevQueuesCanBeDeleted()
    {
        var run = await Run(Spec("dev"));
        Assert.All(["questions-queue", "questions-dlq"], name =>
        {
            Assert.NotEqual(true, run.OptionsOf(name).Protect);
            Assert.NotEqual(true, run.OptionsOf(name).RetainOnDelete);
        });
    }

    [Fact]
    public async Task ProtectionFollowsTheSpecNotTheEnvironment()
    {
        var run = await Run(Spec("dev") with { Protection = new ResourceProtection(Protect: true, RetainOnDelete: true) });
        Assert.True(run.OptionsOf("questions-dlq").Protect);
        Assert.True(run.OptionsOf("questions-dlq").RetainOnDelete);
    }

    [Fact]
    public async Task OutputsAreTheQueues()
    {
        var spec = Spec("dev");
        var run = await Run(spec);
        Assert.Equal($"https://sqs.{StackMocks.Region}.amazonaws.com/{StackMocks.Account}/{spec.Name}", await OutputUtilities.GetValueAsync(run.Component.QueueUrl));
        Assert.Equal($"arn:aws:sqs:{StackMocks.Region}:{StackMocks.Account}:{spec.DeadLetterName}", await OutputUtilities.GetValueAsync(run.Component.DeadLetterQueueArn));
        Assert.Contains(run.Mocks.OutputsRegistered, urn => urn.EndsWith("::questions", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ExistingStacksKeepTheirQueuesUrns()
    {
        // The component was adot-tracing:messaging:QuestionQueue before apps were declared; Pulumi follows the alias.
        var run = await Run(Spec("dev"));
        var alias = await OutputUtilities.GetValueAsync(Assert.Single(run.OptionsOf("questions").Aliases).ToOutput());
        Assert.Equal("adot-tracing:messaging:QuestionQueue", await OutputUtilities.GetValueAsync(alias.Type!.ToOutput()));
    }

    [Fact]
    public async Task PreviewRegistersWhatAnUpdateRegisters()
    {
        var update = await Run(Spec("prod"));
        var preview = await Run(Spec("prod"), isPreview: true);
        var names = update.Mocks.Resources.Select(resource => (resource.Type, resource.Name)).Order().ToList();
        Assert.True(names.Count >= 2, string.Join(", ", names));
        Assert.Equal(names, preview.Mocks.Resources.Select(resource => (resource.Type, resource.Name)).Order().ToList());
        Assert.All(update.Options, pair => Assert.Equal(pair.Value.Protect, preview.Options[pair.Key].Protect));
    }
}
