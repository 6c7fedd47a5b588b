namespace Infra.Core.Messaging;

/// <summary>
/// The queue between the chatbot (producer) and the consumer. SQS carries the X-Ray trace header
/// (AWSTraceHeader) from the sender to the consumer, which is what links the two traces.
/// </summary>
/// <param name="VisibilityTimeoutSeconds">At least six times the consumer's timeout, as AWS advises for Lambda event sources.</param>
public sealed record QueueSpec(
    string Name,
    string Arn,
    string DeadLetterName,
    string DeadLetterArn,
    int VisibilityTimeoutSeconds,
    int MaxReceiveCount,
    bool SqsManagedEncryption,
    int MessageRetentionSeconds,
    int DeadLetterRetentionSeconds,
    string Producer,
    string Consumer,
    int BatchSize,
    IReadOnlyList<string> FunctionResponseTypes,
    TableSpec ConsumerTable);

/// <summary>The DynamoDB table the consumer records questions in.</summary>
public sealed record TableSpec(string Name, string Arn, string PartitionKey, string BillingMode, bool PointInTimeRecovery);
