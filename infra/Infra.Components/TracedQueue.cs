using Infra.Core.Messaging;
using Infra.Core.Settings;
using Pulumi;
using Sqs = Pulumi.AwsNative.Sqs;

namespace Infra.Components;

/// <summary>What a Pulumi program says about a traced queue; every input has a default, applied by the component.</summary>
public sealed class TracedQueueArgs : ResourceArgs
{
    /// <summary>The queue's name. Default: the component's name.</summary>
    [Input("queueName")]
    public string? QueueName { get; init; }

    /// <summary>The dead-letter queue's name. Default: &lt;queue name&gt;-dlq.</summary>
    [Input("deadLetterQueueName")]
    public string? DeadLetterQueueName { get; init; }

    /// <summary>Seconds a received message stays hidden, 0 to 43200; at least six times the consumer's timeout. Default 90.</summary>
    [Input("visibilityTimeoutSeconds")]
    public int? VisibilityTimeoutSeconds { get; init; }

    /// <summary>Receives before a message moves to the dead-letter queue, 1 to 1000. Default 5.</summary>
    [Input("maxReceiveCount")]
    public int? MaxReceiveCount { get; init; }

    /// <summary>Seconds the queue keeps a message, 60 to 1209600. Default 345600 (4 days).</summary>
    [Input("messageRetentionSeconds")]
    public int? MessageRetentionSeconds { get; init; }

    /// <summary>Seconds the dead-letter queue keeps a message, 60 to 1209600. Default 1209600 (14 days).</summary>
    [Input("deadLetterRetentionSeconds")]
    public int? DeadLetterRetentionSeconds { get; init; }

    /// <summary>Server-side encryption with SQS-owned keys. Default true.</summary>
    [Input("sqsManagedEncryption")]
    public bool? SqsManagedEncryption { get; init; }

    /// <summary>Pulumi protects both queues from deletion. Default false.</summary>
    [Input("protect")]
    public bool? Protect { get; init; }

    /// <summary>Deleting the component leaves both queues in the account. Default false.</summary>
    [Input("retainOnDelete")]
    public bool? RetainOnDelete { get; init; }

    /// <summary>Tags on both queues.</summary>
    [Input("tags")]
    public Dictionary<string, string>? Tags { get; init; }

    /// <summary>The arguments of a queue Infra.Core planned.</summary>
    public static TracedQueueArgs Of(QueueSpec spec, IReadOnlyDictionary<string, string> tags) => new()
    {
        QueueName = spec.Name,
        DeadLetterQueueName = spec.DeadLetterName,
        VisibilityTimeoutSeconds = spec.VisibilityTimeoutSeconds,
        MaxReceiveCount = spec.MaxReceiveCount,
        MessageRetentionSeconds = spec.MessageRetentionSeconds,
        DeadLetterRetentionSeconds = spec.DeadLetterRetentionSeconds,
        SqsManagedEncryption = spec.SqsManagedEncryption,
        Protect = spec.Protection.Protect,
        RetainOnDelete = spec.Protection.RetainOnDelete,
        Tags = new(tags),
    };
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
        // SQS's limits: https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SetQueueAttributes.html
        var errors = new InputErrors(nameof(TracedQueue), name);
        var queueName = args.QueueName ?? name;
        var visibility = errors.Range(args.VisibilityTimeoutSeconds, 90, 0, 43200, "visibilityTimeoutSeconds");
        var maxReceives = errors.Range(args.MaxReceiveCount, 5, 1, 1000, "maxReceiveCount");
        var retention = errors.Range(args.MessageRetentionSeconds, 4 * 24 * 3600, 60, 1209600, "messageRetentionSeconds");
        var deadLetterRetention = errors.Range(args.DeadLetterRetentionSeconds, 14 * 24 * 3600, 60, 1209600, "deadLetterRetentionSeconds");
        errors.ThrowIfAny();
        var encrypted = args.SqsManagedEncryption ?? true;
        var protection = new ResourceProtection(args.Protect ?? false, args.RetainOnDelete ?? false);
        var tags = Inputs.Tags(args.Tags ?? []);

        var deadLetter = new Sqs.Queue($"{name}-dlq", new Sqs.QueueArgs
        {
            QueueName = args.DeadLetterQueueName ?? $"{queueName}-dlq",
            SqsManagedSseEnabled = encrypted,
            MessageRetentionPeriod = deadLetterRetention,
            Tags = tags,
        }, Inputs.Guarded(this, protection));

        var queue = new Sqs.Queue($"{name}-queue", new Sqs.QueueArgs
        {
            QueueName = queueName,
            SqsManagedSseEnabled = encrypted,
            VisibilityTimeout = visibility,
            MessageRetentionPeriod = retention,
            RedrivePolicy = deadLetter.Arn.Apply(arn => (object)new Dictionary<string, object?>
            {
                ["deadLetterTargetArn"] = arn,
                ["maxReceiveCount"] = maxReceives,
            }),
            Tags = tags,
        }, Inputs.Guarded(this, protection));

        QueueUrl = queue.QueueUrl;
        QueueArn = queue.Arn;
        QueueName = queue.QueueName.Apply(found => found ?? queueName);
        DeadLetterQueueArn = deadLetter.Arn;
        RegisterOutputs(new Dictionary<string, object?>
        {
            ["queueUrl"] = QueueUrl,
            ["queueArn"] = QueueArn,
            ["deadLetterQueueArn"] = DeadLetterQueueArn,
        });
    }

    /// <summary>The queue's URL, for producers.</summary>
    [Output("queueUrl")] public Output<string> QueueUrl { get; private set; }

    /// <summary>The queue's ARN: a TracedFunction queue source's queueArn.</summary>
    [Output("queueArn")] public Output<string> QueueArn { get; private set; }

    /// <summary>The queue's name.</summary>
    [Output("queueName")] public Output<string> QueueName { get; private set; }

    /// <summary>The dead-letter queue's ARN.</summary>
    [Output("deadLetterQueueArn")] public Output<string> DeadLetterQueueArn { get; private set; }

    /// <summary>Stacks deployed before queues were declared per app hold this queue under a component of the former
    /// type; aliasing it keeps its children's URNs, so no queue is replaced.</summary>
    private static ComponentResourceOptions WithFormerType(ComponentResourceOptions? options)
    {
        var merged = options ?? new ComponentResourceOptions();
        merged.Aliases.Add(new Alias { Type = FormerType });
        return merged;
    }
}
