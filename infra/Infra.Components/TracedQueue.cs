using Infra.Core.Messaging;
using Pulumi;
using Sqs = Pulumi.AwsNative.Sqs;

namespace Infra.Components;

public sealed class TracedQueueArgs
{
    public required QueueSpec Spec { get; init; }

    public required IReadOnlyDictionary<string, string> Tags { get; init; }
}

/// <summary>
/// A queue between a producer and a consumer function (the article's Step 4): a queue with a dead-letter queue and
/// SSE. The consumer subscribes with <see cref="QueueSource"/> (its event source mapping). SQS propagates the X-Ray
/// trace header, so the producer's and consumer's traces are linked. The queues are guarded as the spec says.
/// </summary>
public sealed class TracedQueue : ComponentResource
{
    /// <summary>What this component was called before it served any queue; the alias keeps existing stacks' URNs.</summary>
    private const string FormerType = "adot-tracing:messaging:QuestionQueue";

    public TracedQueue(string name, TracedQueueArgs args, ComponentResourceOptions? options = null)
        : base("adot-tracing:messaging:TracedQueue", name, WithFormerType(options))
    {
        var spec = args.Spec;
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

        QueueUrl = queue.QueueUrl;
        QueueArn = queue.Arn;
        QueueName = queue.QueueName.Apply(queueName => queueName ?? spec.Name);
        DeadLetterQueueArn = deadLetter.Arn;
        RegisterOutputs(new Dictionary<string, object?>
        {
            ["queueUrl"] = QueueUrl,
            ["queueArn"] = QueueArn,
            ["deadLetterQueueArn"] = DeadLetterQueueArn,
        });
    }

    [Output] public Output<string> QueueUrl { get; private set; }

    [Output] public Output<string> QueueArn { get; private set; }

    [Output] public Output<string> QueueName { get; private set; }

    [Output] public Output<string> DeadLetterQueueArn { get; private set; }

    /// <summary>Stacks deployed before queues were declared per app hold this queue under a component of the former
    /// type; aliasing it keeps its children's URNs, so no queue is replaced.</summary>
    private static ComponentResourceOptions WithFormerType(ComponentResourceOptions? options)
    {
        var merged = options ?? new ComponentResourceOptions();
        merged.Aliases.Add(new Alias { Type = FormerType });
        return merged;
    }
}
