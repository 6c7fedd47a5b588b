using Infra.Core.Iam;
using Infra.Core.Messaging;
using Infra.Core.Naming;
using Infra.Core.Settings;

namespace Infra.Core.Lambda;

/// <summary>The sample app of the article: a chatbot that queues every question, and a consumer that records them.</summary>
public static class SampleApp
{
    public const string Chatbot = "chatbot";
    public const string Consumer = "sqs-consumer";
    public const string Runtime = "python3.12";
    public const string Handler = "app.handler";

    /// <summary>The chatbot sits behind API Gateway, whose integration times out after 29 seconds.</summary>
    public const int ApiIntegrationTimeoutSeconds = 29;

    /// <summary>What functions/chatbot imports: only boto3 has an instrumentation (botocore).</summary>
    public static readonly IReadOnlyList<string> ChatbotImports =
        ["base64", "binascii", "boto3", "dataclasses", "json", "logging", "os", "typing"];

    /// <summary>What functions/sqs-consumer imports: boto3 for DynamoDB, opentelemetry for its manual span.</summary>
    public static readonly IReadOnlyList<string> ConsumerImports =
        ["boto3", "contextlib", "datetime", "json", "logging", "opentelemetry", "os", "typing"];

    /// <summary>Every function the sample app declares.</summary>
    public static IReadOnlyList<FunctionDeclaration> Declarations(StackSettings settings)
    {
        var names = StackNames.For(settings);
        var aws = AwsContext.For(settings.Region);
        return [ChatbotDeclaration(settings, names, aws), ConsumerDeclaration(names, aws)];
    }

    public static FunctionDeclaration ChatbotDeclaration(StackSettings settings, StackNames names, AwsContext aws)
    {
        var statements = new List<PolicyStatement>
        {
            PolicyStatement.Allow("SendQuestions", ["sqs:SendMessage"], aws.QueueArn(names.Queue)),
        };
        var environment = new Dictionary<string, string>
        {
            ["QUEUE_URL"] = aws.QueueUrl(names.Queue),
            ["SIMULATE_FAILURE"] = settings.App.SimulateFailure ? "true" : "false",
        };
        if (settings.App.KnowledgeBaseId is { } knowledgeBase)
        {
            statements.Add(PolicyStatement.Allow("QueryKnowledgeBase", ["bedrock:Retrieve"], aws.KnowledgeBaseArn(knowledgeBase)));
            environment["KNOWLEDGE_BASE_ID"] = knowledgeBase;
        }

        return new FunctionDeclaration(
            Chatbot,
            "Answers questions from the knowledge base and queues each one (API Gateway proxy handler)",
            Runtime,
            Handler,
            "functions/chatbot",
            environment,
            statements,
            TimeoutSeconds: Math.Min(settings.Lambda.TimeoutSeconds, ApiIntegrationTimeoutSeconds),
            Imports: ChatbotImports);
    }

    public static FunctionDeclaration ConsumerDeclaration(StackNames names, AwsContext aws) => new(
        Consumer,
        "Records each queued question in DynamoDB, reporting partial batch failures",
        Runtime,
        Handler,
        "functions/sqs-consumer",
        new Dictionary<string, string> { ["TABLE_NAME"] = names.Table },
        [
            PolicyStatement.Allow("ConsumeQuestions", ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes", "sqs:ChangeMessageVisibility"], aws.QueueArn(names.Queue)),
            PolicyStatement.Allow("RecordQuestions", ["dynamodb:PutItem"], aws.TableArn(names.Table)),
        ],
        Imports: ConsumerImports);

    /// <summary>The consumer records each question under the SQS message id, a string.</summary>
    public static readonly IReadOnlyList<TableKeySpec> QuestionKey = [new("messageId", "S", "HASH")];

    public static QueueSpec Queue(StackSettings settings, StackNames names, AwsContext aws, FunctionSpec consumer)
    {
        var protection = EnvironmentPresets.For(settings.Environment).Protection;
        return new QueueSpec(
            names.Queue,
            aws.QueueArn(names.Queue),
            names.DeadLetterQueue,
            // Lambda's SQS guidance: visibility timeout at least six times the function timeout.
            // https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-configure.html
            VisibilityTimeoutSeconds: Math.Max(30, 6 * consumer.TimeoutSeconds),
            settings.App.MaxReceiveCount,
            SqsManagedEncryption: true,
            MessageRetentionSeconds: 4 * 24 * 3600,
            DeadLetterRetentionSeconds: 14 * 24 * 3600,
            settings.App.BatchSize,
            ["ReportBatchItemFailures"],
            protection.Queues,
            new TableSpec(
                names.Table,
                QuestionKey,
                "PAY_PER_REQUEST",
                ServerSideEncryption: true,
                protection.PointInTimeRecovery,
                protection.TableDeletionProtection,
                protection.Table));
    }
}
