using System.Collections.Immutable;
using Infra.Core.Messaging;
using Pulumi;
using Aws = Pulumi.Aws;
using DynamoDb = Pulumi.AwsNative.DynamoDb;
using Sqs = Pulumi.AwsNative.Sqs;

namespace Infra.Components;

public sealed class QuestionQueueArgs
{
    public required QueueSpec Spec { get; init; }

    /// <summary>The function that consumes the queue; it gets the event source mapping.</summary>
    public required Input<string> ConsumerFunctionName { get; init; }

    public required IReadOnlyDictionary<string, string> Tags { get; init; }
}

/// <summary>
/// The SQS link between producer and consumer (the article's Step 4): a queue with a dead-letter queue, SSE,
/// and an event source mapping that reports partial batch failures; plus the table the consumer writes.
/// SQS propagates the X-Ray trace header, so the producer's and consumer's traces are linked.
/// </summary>
public sealed class QuestionQueue : ComponentResource
{
    public QuestionQueue(string name, QuestionQueueArgs args, ComponentResourceOptions? options = null)
        : base("adot-tracing:messaging:QuestionQueue", name, options)
    {
        var child = new CustomResourceOptions { Parent = this };
        var spec = args.Spec;
        var tags = Inputs.Tags(args.Tags);

        var deadLetter = new Sqs.Queue($"{name}-dlq", new Sqs.QueueArgs
        {
            QueueName = spec.DeadLetterName,
            SqsManagedSseEnabled = spec.SqsManagedEncryption,
            MessageRetentionPeriod = spec.DeadLetterRetentionSeconds,
            Tags = tags,
        }, child);

        var queue = new Sqs.Queue($"{name}-queue", new Sqs.QueueArgs
        {
            QueueName = spec.Name,
            SqsManagedSseEnabled = spec.SqsManagedEncryption,
            VisibilityTimeout = spec.VisibilityTimeoutSeconds,
            MessageRetentionPeriod = spec.MessageRetentionSeconds,
            RedrivePolicy = deadLetter.Arn.Apply(arn => (object)new Dictionary<string, object?>
            {
                ["deadLetterTargetArn"] = arn,
                ["maxReceiveCount"] = spec.MaxReceiveCount,
            }),
            Tags = tags,
        }, child);

        var table = new DynamoDb.Table($"{name}-table", new DynamoDb.TableArgs
        {
            TableName = spec.ConsumerTable.Name,
            BillingMode = spec.ConsumerTable.BillingMode,
            AttributeDefinitions = { new DynamoDb.Inputs.TableAttributeDefinitionArgs { AttributeName = spec.ConsumerTable.PartitionKey, AttributeType = "S" } },
            KeySchema = new[] { new DynamoDb.Inputs.TableKeySchemaArgs { AttributeName = spec.ConsumerTable.PartitionKey, KeyType = "HASH" } }.ToImmutableArray(),
            SseSpecification = new DynamoDb.Inputs.TableSseSpecificationArgs { SseEnabled = true },
            PointInTimeRecoverySpecification = new DynamoDb.Inputs.TablePointInTimeRecoverySpecificationArgs { PointInTimeRecoveryEnabled = spec.ConsumerTable.PointInTimeRecovery },
            Tags = tags,
        }, child);

        var mapping = new Aws.Lambda.EventSourceMapping($"{name}-consumer-mapping", new Aws.Lambda.EventSourceMappingArgs
        {
            EventSourceArn = queue.Arn,
            FunctionName = args.ConsumerFunctionName,
            BatchSize = spec.BatchSize,
            FunctionResponseTypes = spec.FunctionResponseTypes.ToList(),
        }, child);

        QueueUrl = queue.QueueUrl;
        QueueArn = queue.Arn;
        QueueName = queue.QueueName.Apply(queueName => queueName ?? spec.Name);
        DeadLetterQueueArn = deadLetter.Arn;
        TableName = table.TableName.Apply(tableName => tableName ?? spec.ConsumerTable.Name);
        MappingId = mapping.Id;
        RegisterOutputs(new Dictionary<string, object?>
        {
            ["queueUrl"] = QueueUrl,
            ["queueArn"] = QueueArn,
            ["deadLetterQueueArn"] = DeadLetterQueueArn,
            ["tableName"] = TableName,
        });
    }

    [Output] public Output<string> QueueUrl { get; private set; }

    [Output] public Output<string> QueueArn { get; private set; }

    [Output] public Output<string> QueueName { get; private set; }

    [Output] public Output<string> DeadLetterQueueArn { get; private set; }

    [Output] public Output<string> TableName { get; private set; }

    [Output] public Output<string> MappingId { get; private set; }
}
