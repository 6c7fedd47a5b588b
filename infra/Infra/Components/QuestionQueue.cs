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
/// The queues and the table are guarded against deletion as the spec's protection says.
/// </summary>
public sealed class QuestionQueue : ComponentResource
{
    public QuestionQueue(string name, QuestionQueueArgs args, ComponentResourceOptions? options = null)
        : base("adot-tracing:messaging:QuestionQueue", name, options)
    {
        var spec = args.Spec;
        var tableSpec = spec.ConsumerTable;
        var tags = Inputs.Tags(args.Tags);

        var deadLetter = new Sqs.Queue($"{name}-dlq", new Sqs.QueueArgs
        {
            QueueName = spec.DeadLetterName,
            SqsManagedSseEnabled = spec.SqsManagedEncryption,
            MessageRetentionPeriod = spec.DeadLetterRetentionSeconds,
            Tags = tags,
        }, Inputs.Guarded(this, spec.Protection));

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
        }, Inputs.Guarded(this, spec.Protection));

        var table = new DynamoDb.Table($"{name}-table", new DynamoDb.TableArgs
        {
            TableName = tableSpec.Name,
            BillingMode = tableSpec.BillingMode,
            AttributeDefinitions = tableSpec.KeySchema
                .Select(key => new DynamoDb.Inputs.TableAttributeDefinitionArgs { AttributeName = key.AttributeName, AttributeType = key.AttributeType })
                .ToList(),
            KeySchema = tableSpec.KeySchema
                .Select(key => new DynamoDb.Inputs.TableKeySchemaArgs { AttributeName = key.AttributeName, KeyType = key.KeyType })
                .ToImmutableArray(),
            SseSpecification = new DynamoDb.Inputs.TableSseSpecificationArgs { SseEnabled = tableSpec.ServerSideEncryption },
            PointInTimeRecoverySpecification = new DynamoDb.Inputs.TablePointInTimeRecoverySpecificationArgs { PointInTimeRecoveryEnabled = tableSpec.PointInTimeRecovery },
            DeletionProtectionEnabled = tableSpec.DeletionProtection,
            Tags = tags,
        }, Inputs.Guarded(this, tableSpec.Protection));

        var mapping = new Aws.Lambda.EventSourceMapping($"{name}-consumer-mapping", new Aws.Lambda.EventSourceMappingArgs
        {
            EventSourceArn = queue.Arn,
            FunctionName = args.ConsumerFunctionName,
            BatchSize = spec.BatchSize,
            FunctionResponseTypes = spec.FunctionResponseTypes.ToList(),
        }, new CustomResourceOptions { Parent = this });

        QueueUrl = queue.QueueUrl;
        QueueArn = queue.Arn;
        QueueName = queue.QueueName.Apply(queueName => queueName ?? spec.Name);
        DeadLetterQueueArn = deadLetter.Arn;
        TableName = table.TableName.Apply(tableName => tableName ?? tableSpec.Name);
        TableArn = table.Arn;
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

    [Output] public Output<string> TableArn { get; private set; }

    [Output] public Output<string> MappingId { get; private set; }
}
