using System.Text.RegularExpressions;
using Infra.Core.Api;
using Infra.Core.App;
using Infra.Core.Iam;
using Infra.Core.Naming;
using Infra.Core.Settings;

namespace Infra.App;

/// <summary>
/// The app this program deploys, the article's chatbot: POST /chat answers a question (from an Amazon Bedrock
/// knowledge base when one is set) and queues it; a consumer records each queued question in a table. GET /health
/// is answered by API Gateway itself. Its settings are the stack's <c>app</c> object.
/// This file is the whole app: the program and the offline plan both declare it from here.
/// </summary>
public sealed partial class ChatbotApp : AppDefinition
{
    public const string Chatbot = "chatbot";
    public const string Consumer = "sqs-consumer";
    public const string Questions = "questions";
    private const string Runtime = "python3.12";
    private const string Handler = "app.handler";

    /// <summary>What functions/chatbot imports: only boto3 has an instrumentation (botocore). functions/tests checks it.</summary>
    public static readonly IReadOnlyList<string> ChatbotImports =
        ["base64", "binascii", "boto3", "dataclasses", "json", "logging", "os", "typing"];

    /// <summary>What functions/sqs-consumer imports: boto3 for DynamoDB, opentelemetry for its manual span.</summary>
    public static readonly IReadOnlyList<string> ConsumerImports =
        ["boto3", "contextlib", "datetime", "json", "logging", "opentelemetry", "os", "typing"];

    public override AppDeclaration Declare(AppSection section, StackSettings settings)
    {
        var simulateFailure = section.Bool("simulateFailure", false);
        var knowledgeBaseId = section.OptionalString("knowledgeBaseId");
        // prod retries a question more before it gives up on it.
        var maxReceiveCount = section.Int("maxReceiveCount", settings.Environment == DeploymentEnvironment.Prod ? 5 : 3, 1, AppValidation.MaxReceiveCountLimit);
        var batchSize = section.Int("batchSize", 10, 1, AppValidation.MaxQueueBatchSize);
        // The consumer only records questions: a second's wait lets Lambda hand it full batches, far fewer invocations.
        var batchingWindow = section.Int("batchingWindowSeconds", 1, 0, AppValidation.MaxBatchingWindowSeconds);
        section.Finish();
        if (knowledgeBaseId is not null && !section.IsEncrypted("knowledgeBaseId") && !KnowledgeBaseId().IsMatch(knowledgeBaseId))
        {
            section.Error("knowledgeBaseId", $"'{knowledgeBaseId}' is not a Bedrock knowledge base id (10 letters or digits).");
            knowledgeBaseId = null;
        }

        var environment = new Dictionary<string, string> { ["SIMULATE_FAILURE"] = simulateFailure ? "true" : "false" };
        var statements = new List<PolicyStatement>();
        if (knowledgeBaseId is not null)
        {
            var aws = AwsContext.For(settings.Region);
            statements.Add(PolicyStatement.Allow("QueryKnowledgeBase", ["bedrock:Retrieve"], aws.KnowledgeBaseArn(knowledgeBaseId)));
            environment["KNOWLEDGE_BASE_ID"] = knowledgeBaseId;
        }

        var chatbot = new FunctionDeclaration(
            Chatbot,
            "Answers questions from the knowledge base and queues each one (API Gateway proxy handler)",
            Runtime, Handler, FunctionCode.Folder("functions/chatbot"), environment, statements,
            Imports: ChatbotImports);
        var consumer = new FunctionDeclaration(
            Consumer,
            "Records each queued question in DynamoDB, reporting partial batch failures",
            Runtime, Handler, FunctionCode.Folder("functions/sqs-consumer"), new Dictionary<string, string>(), [],
            Imports: ConsumerImports);
        var questions = new QueueDeclaration(Questions, Producer: Chatbot, Consumer: Consumer, batchSize, maxReceiveCount, BatchingWindowSeconds: batchingWindow);
        return new AppDeclaration(
            Functions: [chatbot, consumer],
            Routes: [RouteSpec.Lambda("POST", "/chat", Chatbot), RouteSpec.Mock("GET", "/health")],
            Queues: [questions],
            // The consumer records each question under the SQS message id, a string.
            Tables: [new TableDeclaration(Questions, new TableKey("messageId"), Writers: [Consumer])]);
    }

    /// <summary>A Bedrock knowledge base id: 10 letters or digits (pattern [0-9a-zA-Z]{10},
    /// https://docs.aws.amazon.com/bedrock/latest/APIReference/API_agent_GetAgentKnowledgeBase.html).</summary>
    [GeneratedRegex(@"^[0-9a-zA-Z]{10}\z")]
    private static partial Regex KnowledgeBaseId();
}
