using Infra.Core.App;
using Infra.Core.Naming;
using Infra.Core.Settings;

namespace Infra.Core.Messaging;

/// <summary>
/// A queue between a producer and a consumer function. SQS carries the X-Ray trace header (AWSTraceHeader) from
/// the sender to the consumer, which is what links the two traces.
/// </summary>
/// <param name="VisibilityTimeoutSeconds">At least six times the consumer's timeout, as AWS advises for Lambda event sources.</param>
/// <param name="Protection">Applies to the queue and to its dead-letter queue.</param>
public sealed record QueueSpec(
    string Key,
    string Name,
    string Arn,
    string Url,
    string DeadLetterName,
    string Producer,
    string Consumer,
    string UrlVariable,
    int VisibilityTimeoutSeconds,
    int MaxReceiveCount,
    bool SqsManagedEncryption,
    int MessageRetentionSeconds,
    int DeadLetterRetentionSeconds,
    int BatchSize,
    IReadOnlyList<string> FunctionResponseTypes,
    ResourceProtection Protection,
    int BatchingWindowSeconds = 0);

/// <summary>One attribute of a DynamoDB key: its name, its type (S, N or B) and its role (HASH or RANGE).</summary>
public sealed record TableKeySpec(string AttributeName, string AttributeType, string KeyType);

/// <summary>A DynamoDB table that app functions write.</summary>
/// <param name="ServerSideEncryption">true: encrypted with the AWS managed KMS key (aws/dynamodb); false: DynamoDB's
/// default AWS owned key. https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-dynamodb-table-ssespecification.html</param>
/// <param name="DeletionProtection">DynamoDB refuses to delete the table while this is on.</param>
public sealed record TableSpec(
    string Key,
    string Name,
    string Arn,
    IReadOnlyList<string> Writers,
    string NameVariable,
    IReadOnlyList<TableKeySpec> KeySchema,
    string BillingMode,
    bool ServerSideEncryption,
    bool PointInTimeRecovery,
    bool DeletionProtection,
    ResourceProtection Protection)
{
    public string PartitionKey => KeySchema.Single(key => key.KeyType == "HASH").AttributeName;
}

/// <summary>The app's queues and tables, guarded as the environment's data protection says.</summary>
public static class MessagingBuilder
{
    /// <summary>Lambda's SQS guidance: a visibility timeout of at least six times the function timeout.
    /// https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-configure.html</summary>
    public const int VisibilityTimeoutsPerFunctionTimeout = 6;

    /// <summary>The partial batch response Lambda reads from an SQS consumer.
    /// https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-errorhandling.html</summary>
    public const string ReportBatchItemFailures = "ReportBatchItemFailures";

    public static QueueSpec Queue(QueueDeclaration queue, int consumerTimeoutSeconds, StackSettings settings, StackNames names, AwsContext aws)
    {
        var protection = EnvironmentPresets.For(settings.Environment).Protection;
        var name = names.Queue(queue.Key);
        return new QueueSpec(
            queue.Key,
            name,
            aws.QueueArn(name),
            aws.QueueUrl(name),
            names.DeadLetterQueue(queue.Key),
            queue.Producer,
            queue.Consumer,
            queue.UrlVariable,
            VisibilityTimeoutSeconds: Math.Max(30, VisibilityTimeoutsPerFunctionTimeout * consumerTimeoutSeconds),
            queue.MaxReceiveCount,
            SqsManagedEncryption: true,
            MessageRetentionSeconds: 4 * 24 * 3600,
            DeadLetterRetentionSeconds: 14 * 24 * 3600,
            queue.BatchSize,
            queue.PartialBatchFailures ? [ReportBatchItemFailures] : [],
            protection.Queues,
            queue.BatchingWindowSeconds);
    }

    public static TableSpec Table(TableDeclaration table, StackSettings settings, StackNames names, AwsContext aws)
    {
        var protection = EnvironmentPresets.For(settings.Environment).Protection;
        var name = names.Table(table.Key);
        return new TableSpec(
            table.Key,
            name,
            aws.TableArn(name),
            table.Writers,
            table.NameVariable,
            [new TableKeySpec(table.PartitionKey.Name, table.PartitionKey.Type, "HASH")],
            "PAY_PER_REQUEST",
            ServerSideEncryption: true,
            protection.PointInTimeRecovery,
            protection.TableDeletionProtection,
            protection.Table);
    }
}
