using Infra.Core.Settings;

namespace Infra.Core.Messaging;

/// <summary>
/// The queue between the chatbot (producer) and the consumer. SQS carries the X-Ray trace header
/// (AWSTraceHeader) from the sender to the consumer, which is what links the two traces.
/// </summary>
/// <param name="VisibilityTimeoutSeconds">At least six times the consumer's timeout, as AWS advises for Lambda event sources.</param>
/// <param name="Protection">Applies to the queue and to its dead-letter queue.</param>
public sealed record QueueSpec(
    string Name,
    string Arn,
    string DeadLetterName,
    int VisibilityTimeoutSeconds,
    int MaxReceiveCount,
    bool SqsManagedEncryption,
    int MessageRetentionSeconds,
    int DeadLetterRetentionSeconds,
    int BatchSize,
    IReadOnlyList<string> FunctionResponseTypes,
    ResourceProtection Protection,
    TableSpec ConsumerTable);

/// <summary>One attribute of a DynamoDB key: its name, its type (S, N or B) and its role (HASH or RANGE).</summary>
public sealed record TableKeySpec(string AttributeName, string AttributeType, string KeyType);

/// <summary>The DynamoDB table the consumer records questions in.</summary>
/// <param name="ServerSideEncryption">true: encrypted with the AWS managed KMS key (aws/dynamodb); false: DynamoDB's
/// default AWS owned key. https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-dynamodb-table-ssespecification.html</param>
/// <param name="DeletionProtection">DynamoDB refuses to delete the table while this is on.</param>
public sealed record TableSpec(
    string Name,
    IReadOnlyList<TableKeySpec> KeySchema,
    string BillingMode,
    bool ServerSideEncryption,
    bool PointInTimeRecovery,
    bool DeletionProtection,
    ResourceProtection Protection)
{
    public string PartitionKey => KeySchema.Single(key => key.KeyType == "HASH").AttributeName;
}
