using Infra.Core.Lambda;

namespace Infra.Core.Tests.Lambda;

public class TracedFunctionSpecTests
{
    [Fact]
    public void EveryFunctionIsTracedWithLayerAndWrapper()
    {
        var functions = TestStacks.Blueprint("dev", ("lambda", """{"flavor":"legacy"}""")).Functions;
        Assert.Equal(["adot-tracing-dev-chatbot", "adot-tracing-dev-sqs-consumer"], functions.Select(function => function.FunctionName).Order(StringComparer.Ordinal));
        foreach (var function in functions)
        {
            Assert.Equal("Active", function.TracingMode);
            Assert.Equal("arn:aws:lambda:us-west-2:901920570463:layer:aws-otel-python-amd64-ver-1-32-0:2", Assert.Single(function.Layers));
            Assert.Equal("/opt/otel-instrument", function.Environment["AWS_LAMBDA_EXEC_WRAPPER"]);
            Assert.Equal(function.FunctionName, function.Environment["OTEL_SERVICE_NAME"]);
            Assert.Contains("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole", function.Role.ManagedPolicyArns);
            // AWS's AWSXRayDaemonWriteAccess less the statistics summary:
            // https://docs.aws.amazon.com/xray/latest/devguide/security_iam_id-based-policy-examples.html
            Assert.Equal(
                ["xray:GetSamplingRules", "xray:GetSamplingTargets", "xray:PutTelemetryRecords", "xray:PutTraceSegments"],
                function.Policy.Statements.Single(statement => statement.Resources.Contains("*")).Actions.Order(StringComparer.Ordinal));
            // The wrapper's own default, stated (aws-observability/aws-otel-lambda, python/scripts/otel-instrument).
            Assert.Equal("tracecontext,baggage,xray-lambda", function.Environment["OTEL_PROPAGATORS"]);
            Assert.Equal("JSON", function.LogFormat);
            Assert.Equal($"/aws/lambda/{function.FunctionName}", function.LogGroupName);
        }
    }

    [Fact]
    public void LambdaSettingsReachEveryFunction()
    {
        var functions = TestStacks.Blueprint("dev", ("lambda", """{"memorySize":1024,"timeoutSeconds":20,"logRetentionDays":14}""")).Functions;
        Assert.Equal(2, functions.Count);
        Assert.All(functions, function => Assert.Equal((1024, 20, 14), (function.MemorySize, function.TimeoutSeconds, function.LogRetentionDays)));
    }

    [Fact]
    public void OnlyLambdaActingForThisAccountMayAssumeAFunctionRole()
    {
        var functions = TestStacks.Blueprint("dev").Functions;
        Assert.Equal(2, functions.Count);
        foreach (var function in functions)
        {
            var trust = Assert.Single(function.Role.TrustPolicy.Statements);
            Assert.Equal(("lambda.amazonaws.com", "Allow"), (trust.ServicePrincipal, trust.Effect));
            Assert.Equal(["sts:AssumeRole"], trust.Actions);
            var condition = Assert.Single(trust.Conditions!);
            Assert.Equal(("StringEquals", "aws:SourceAccount"), (condition.Operator, condition.Key));
            Assert.Equal([TestStacks.Account], condition.Values);
        }
    }

    [Fact]
    public void ChatbotMayOnlySendToItsQueue()
    {
        var chatbot = TestStacks.Blueprint("dev").Function(ChatbotApp.Chatbot);
        var scoped = chatbot.Policy.Statements.Where(statement => !statement.Resources.Contains("*")).ToList();
        var send = Assert.Single(scoped);
        Assert.Equal(["sqs:SendMessage"], send.Actions);
        Assert.Equal([$"arn:aws:sqs:us-west-2:{TestStacks.Account}:adot-tracing-dev-questions"], send.Resources);
        Assert.Equal($"https://sqs.us-west-2.amazonaws.com/{TestStacks.Account}/adot-tracing-dev-questions", chatbot.Environment["QUEUE_URL"]);
    }

    [Fact]
    public void KnowledgeBaseAccessIsScopedToThatKnowledgeBase()
    {
        var chatbot = TestStacks.Blueprint("dev", ("app", """{"knowledgeBaseId":"KB12345678"}""")).Function(ChatbotApp.Chatbot);
        var retrieve = chatbot.Policy.Statements.Single(statement => statement.Actions.Contains("bedrock:Retrieve"));
        Assert.Equal([$"arn:aws:bedrock:us-west-2:{TestStacks.Account}:knowledge-base/KB12345678"], retrieve.Resources);
        Assert.Equal("KB12345678", chatbot.Environment["KNOWLEDGE_BASE_ID"]);
    }

    [Fact]
    public void FailureSwitchReachesTheChatbot()
    {
        Assert.Equal("false", TestStacks.Blueprint("dev").Function(ChatbotApp.Chatbot).Environment["SIMULATE_FAILURE"]);
        Assert.Equal("true", TestStacks.Blueprint("dev", ("app", """{"simulateFailure":true}""")).Function(ChatbotApp.Chatbot).Environment["SIMULATE_FAILURE"]);
    }

    [Fact]
    public void ConsumerReadsOnlyItsQueueAndWritesOnlyItsTable()
    {
        var consumer = TestStacks.Blueprint("dev").Function(ChatbotApp.Consumer);
        var scoped = consumer.Policy.Statements.Where(statement => !statement.Resources.Contains("*")).ToList();
        Assert.Equal(
            [$"arn:aws:sqs:us-west-2:{TestStacks.Account}:adot-tracing-dev-questions", $"arn:aws:dynamodb:us-west-2:{TestStacks.Account}:table/adot-tracing-dev-questions"],
            scoped.SelectMany(statement => statement.Resources));
        Assert.DoesNotContain(scoped.SelectMany(statement => statement.Actions), action => action.Contains('*'));
    }

    [Fact]
    public void QueueVisibilityIsAtLeastSixConsumerTimeouts()
    {
        var blueprint = TestStacks.Blueprint("prod", ("lambda", """{"timeoutSeconds":60}"""));
        Assert.True(blueprint.Queues.Single().VisibilityTimeoutSeconds >= 6 * blueprint.Function(ChatbotApp.Consumer).TimeoutSeconds);
        Assert.Equal(29, blueprint.Function(ChatbotApp.Chatbot).TimeoutSeconds);
        Assert.Equal(5, blueprint.Queues.Single().MaxReceiveCount);
        Assert.Equal(["ReportBatchItemFailures"], blueprint.Queues.Single().FunctionResponseTypes);
    }
}
