using System.Collections.Immutable;
using Infra.Components;
using Infra.Core.Messaging;
using Infra.Core.Settings;
using Pulumi;
using Pulumi.Utilities;

namespace Infra.Tests;

/// <summary>QuestionQueue alone: every field of its spec reaches the resources, and prod's data is guarded.</summary>
[Collection(PulumiCollection.Name)]
public class QuestionQueueTests
{
    private const string Consumer = "consumer-fn";

    private static Task<ComponentRun<QuestionQueue>> Run(QueueSpec spec, bool isPreview = false) =>
        ComponentRun<QuestionQueue>.RunAsync(options => new QuestionQueue("questions", new QuestionQueueArgs
        {
            Spec = spec,
            ConsumerFunctionName = Consumer,
            Tags = new Dictionary<string, string> { ["stack"] = "test" },
        }, options), isPreview);

    private static QueueSpec Spec(string stack) => Blueprints.For(stack).Queue;

    [Fact]
    public async Task BatchSizeAndResponseTypesReachTheMapping()
    {
        var run = await Run(Spec("dev") with { BatchSize = 7 });
        var mapping = run.Mocks.Single("aws:lambda/eventSourceMapping:EventSourceMapping");
        Assert.Equal(7.0, mapping.Input("batchSize"));
        Assert.Equal(Consumer, mapping.String("functionName"));
        Assert.Equal(["ReportBatchItemFailures"], Assert.IsType<ImmutableArray<object>>(mapping.Input("functionResponseTypes")).Cast<string>());
    }

    [Fact]
    public async Task MappingReadsTheQueueNotTheDeadLetterQueue()
    {
        var spec = Spec("dev");
        var run = await Run(spec);
        var mapping = run.Mocks.Single("aws:lambda/eventSourceMapping:EventSourceMapping");
        Assert.Equal($"arn:aws:sqs:{StackMocks.Region}:{StackMocks.Account}:{spec.Name}", mapping.String("eventSourceArn"));
    }

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

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task TableKeySchemaAndEncryptionComeFromTheSpec(bool sse)
    {
        var spec = Spec("dev");
        var table = spec.ConsumerTable with
        {
            KeySchema = [new TableKeySpec("questionId", "S", "HASH"), new TableKeySpec("askedAt", "N", "RANGE")],
            ServerSideEncryption = sse,
        };
        var run = await Run(spec with { ConsumerTable = table });
        var registered = run.Mocks.Single("aws-native:dynamodb:Table");
        var keys = registered.List("keySchema").Cast<ImmutableDictionary<string, object>>().Select(key => ((string)key["attributeName"], (string)key["keyType"]));
        Assert.Equal([("questionId", "HASH"), ("askedAt", "RANGE")], keys);
        var attributes = registered.List("attributeDefinitions").Cast<ImmutableDictionary<string, object>>().Select(key => ((string)key["attributeName"], (string)key["attributeType"]));
        Assert.Equal([("questionId", "S"), ("askedAt", "N")], attributes);
        Assert.Equal(sse, registered.Object("sseSpecification")["sseEnabled"]);
    }

    [Fact]
    public async Task ProdTableHasDeletionProtectionAndPointInTimeRecovery()
    {
        var run = await Run(Spec("prod"));
        var table = run.Mocks.Single("aws-native:dynamodb:Table");
        Assert.Equal(true, table.Input("deletionProtectionEnabled"));
        Assert.Equal(true, table.Object("pointInTimeRecoverySpecification")["pointInTimeRecoveryEnabled"]);
    }

    [Fact]
    public async Task DevTableCanBeDeleted()
    {
        var run = await Run(Spec("dev"));
        var table = run.Mocks.Single("aws-native:dynamodb:Table");
        Assert.Equal(false, table.Input("deletionProtectionEnabled"));
        Assert.Equal(false, table.Object("pointInTimeRecoverySpecification")["pointInTimeRecoveryEnabled"]);
        Assert.All(["questions-queue", "questions-dlq", "questions-table"], name =>
        {
            Assert.NotEqual(true, run.OptionsOf(name).Protect);
            Assert.NotEqual(true, run.OptionsOf(name).RetainOnDelete);
        });
    }

    [Fact]
    public async Task ProdProtectsTheQueuesAndTheTableAndRetainsTheTable()
    {
        var run = await Run(Spec("prod"));
        Assert.All(["questions-queue", "questions-dlq", "questions-table"], name => Assert.True(run.OptionsOf(name).Protect, $"{name} is not protected"));
        Assert.True(run.OptionsOf("questions-table").RetainOnDelete);
        Assert.NotEqual(true, run.OptionsOf("questions-queue").RetainOnDelete);
        // The mapping holds no data: it stays free to replace.
        Assert.NotEqual(true, run.OptionsOf("questions-consumer-mapping").Protect);
    }

    [Fact]
    public async Task ProtectionFollowsTheSpecNotTheEnvironment()
    {
        var spec = Spec("dev");
        var run = await Run(spec with
        {
            Protection = new ResourceProtection(Protect: true, RetainOnDelete: true),
            ConsumerTable = spec.ConsumerTable with { Protection = new ResourceProtection(Protect: false, RetainOnDelete: true) },
        });
        Assert.True(run.OptionsOf("questions-dlq").Protect);
        Assert.True(run.OptionsOf("questions-dlq").RetainOnDelete);
        Assert.NotEqual(true, run.OptionsOf("questions-table").Protect);
        Assert.True(run.OptionsOf("questions-table").RetainOnDelete);
    }

    [Fact]
    public async Task OutputsAreTheQueuesAndTheTables()
    {
        var spec = Spec("dev");
        var run = await Run(spec);
        Assert.Equal($"https://sqs.{StackMocks.Region}.amazonaws.com/{StackMocks.Account}/{spec.Name}", await OutputUtilities.GetValueAsync(run.Component.QueueUrl));
        Assert.Equal(spec.ConsumerTable.Name, await OutputUtilities.GetValueAsync(run.Component.TableName));
        Assert.Equal($"arn:aws:sqs:{StackMocks.Region}:{StackMocks.Account}:{spec.DeadLetterName}", await OutputUtilities.GetValueAsync(run.Component.DeadLetterQueueArn));
        Assert.Contains(run.Mocks.OutputsRegistered, urn => urn.EndsWith("::questions", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PreviewRegistersWhatAnUpdateRegisters()
    {
        var update = await Run(Spec("prod"));
        var preview = await Run(Spec("prod"), isPreview: true);
        var names = update.Mocks.Resources.Select(resource => (resource.Type, resource.Name)).Order().ToList();
        Assert.True(names.Count >= 4, string.Join(", ", names));
        Assert.Equal(names, preview.Mocks.Resources.Select(resource => (resource.Type, resource.Name)).Order().ToList());
        Assert.Equal(update.Options.Keys.Order(), preview.Options.Keys.Order());
        Assert.All(update.Options, pair => Assert.Equal(pair.Value.Protect, preview.Options[pair.Key].Protect));
    }
}
