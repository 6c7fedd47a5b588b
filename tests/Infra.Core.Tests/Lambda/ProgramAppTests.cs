namespace Infra.Core.Tests.Lambda;

/// <summary>The sample app's functions and queue, in the regions and settings that change them.</summary>
public class ProgramAppTests
{
    [Fact]
    public void InTheChinaRegionsTheQueueUrlAndArnsUseTheirPartition()
    {
        // SQS endpoints in China end in amazonaws.com.cn and ARNs use the aws-cn partition:
        // https://docs.amazonaws.cn/en_us/aws/latest/userguide/endpoints-Beijing.html
        var blueprint = TestStacks.Blueprint(
            "staging",
            ("aws:region", "cn-north-1"),
            ("aws-native:region", "cn-north-1"),
            ("lambda", """{"flavor":"distro"}"""),
            ("applicationSignals", """{"enabled":true}"""));
        Assert.Equal($"https://sqs.cn-north-1.amazonaws.com.cn/{TestStacks.Account}/adot-tracing-staging-questions", blueprint.Function(ChatbotApp.Chatbot).Environment["QUEUE_URL"]);
        var send = blueprint.Function(ChatbotApp.Chatbot).Policy.Statements.Single(statement => statement.Actions.Contains("sqs:SendMessage"));
        Assert.Equal([$"arn:aws-cn:sqs:cn-north-1:{TestStacks.Account}:adot-tracing-staging-questions"], send.Resources);
        // With Application Signals on, the distro layer's managed policy is in the same partition.
        Assert.Equal(
            ["arn:aws-cn:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole", "arn:aws-cn:iam::aws:policy/CloudWatchLambdaApplicationSignalsExecutionRolePolicy"],
            blueprint.Function(ChatbotApp.Chatbot).Role.ManagedPolicyArns);
    }

    [Fact]
    public void TheConsumerIsToldItsTable() =>
        Assert.Equal("adot-tracing-dev-questions", TestStacks.Blueprint("dev").Function(ChatbotApp.Consumer).Environment["TABLE_NAME"]);

    [Fact]
    public void FunctionsRunTheirOwnCodeWithTheAppHandler()
    {
        var blueprint = TestStacks.Blueprint("dev");
        Assert.Equal(("functions/chatbot", "app.handler", "python3.12"), (blueprint.Function(ChatbotApp.Chatbot).Code.Path, blueprint.Function(ChatbotApp.Chatbot).Handler, blueprint.Function(ChatbotApp.Chatbot).Runtime));
        Assert.Equal(("functions/sqs-consumer", "app.handler", "python3.12"), (blueprint.Function(ChatbotApp.Consumer).Code.Path, blueprint.Function(ChatbotApp.Consumer).Handler, blueprint.Function(ChatbotApp.Consumer).Runtime));
        Assert.All(new[] { blueprint.Function(ChatbotApp.Chatbot), blueprint.Function(ChatbotApp.Consumer) }, function => Assert.True(File.Exists(Path.Combine(ProjectRoot.Find(AppContext.BaseDirectory), function.Code.Path, "app.py"))));
    }

    [Theory]
    [InlineData(3, 30)]
    [InlineData(5, 30)]
    [InlineData(6, 36)]
    public void TheQueueHidesAMessageForSixConsumerTimeoutsAndAtLeastTheSqsDefault(int timeout, int visibility)
    {
        // Lambda's guidance: at least six times the function timeout
        // (https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-configure.html); SQS's default is 30 seconds
        // (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SetQueueAttributes.html).
        var blueprint = TestStacks.Blueprint("dev", ("lambda", $$"""{"timeoutSeconds":{{timeout}}}"""));
        Assert.Equal(timeout, blueprint.Function(ChatbotApp.Consumer).TimeoutSeconds);
        Assert.Equal(visibility, blueprint.Queues.Single().VisibilityTimeoutSeconds);
    }

    [Fact]
    public void EachStatementOfTheFunctionsHasItsOwnSid()
    {
        var blueprint = TestStacks.Blueprint("dev", ("app", """{"knowledgeBaseId":"KB12345678"}"""));
        string[] Sids(Infra.Core.Lambda.FunctionSpec function) => function.Policy.Statements.Select(statement => statement.Sid!).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["QueryKnowledgeBase", "SendQuestions", "SendTracesAndReadSampling"], Sids(blueprint.Function(ChatbotApp.Chatbot)));
        Assert.Equal(["ConsumeQuestions", "SendTracesAndReadSampling", "WriteQuestions"], Sids(blueprint.Function(ChatbotApp.Consumer)));
        Assert.All(blueprint.Functions, function => Assert.Equal(["function-access", "xray-tracing"], function.Role.InlinePolicies.Select(policy => policy.Name).Order(StringComparer.Ordinal)));
        Assert.All(blueprint.Functions, function => Assert.False(string.IsNullOrWhiteSpace(function.Description)));
    }

    [Fact]
    public void TheQueueKeepsMessagesFourDaysAndFailedOnesTheSqsMaximum()
    {
        // SQS: retention 60 s to 1,209,600 s (14 days), default 345,600 s (4 days); SSE-SQS on.
        // https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SetQueueAttributes.html
        var queue = TestStacks.Blueprint("dev").Queues.Single();
        Assert.Equal((345_600, 1_209_600), (queue.MessageRetentionSeconds, queue.DeadLetterRetentionSeconds));
        Assert.True(queue.SqsManagedEncryption);
    }

    [Fact]
    public void TheTableIsKeyedByWhatTheConsumerWritesAndPaidPerRequest()
    {
        var table = TestStacks.Blueprint("dev").Tables.Single();
        var consumer = File.ReadAllText(Path.Combine(ProjectRoot.Find(AppContext.BaseDirectory), "functions", "sqs-consumer", "app.py"));
        Assert.Contains($"\"{table.PartitionKey}\": {{\"S\":", consumer);
        Assert.Equal("PAY_PER_REQUEST", table.BillingMode);
    }

    [Theory]
    [InlineData("dev", false)]
    [InlineData("staging", false)]
    [InlineData("prod", true)]
    public void OnlyProdKeepsPointInTimeRecovery(string stack, bool expected) =>
        Assert.Equal(expected, TestStacks.Blueprint(stack).Tables.Single().PointInTimeRecovery);

    [Fact]
    public void TheConsumerMayReadDeleteAndRequeueItsMessagesAndOnlyPutItems()
    {
        // An SQS event source needs ReceiveMessage, DeleteMessage and GetQueueAttributes on the queue
        // (https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-configure.html); ChangeMessageVisibility lets a
        // failed message come back; the consumer only writes new items.
        var consumer = TestStacks.Blueprint("dev").Function(ChatbotApp.Consumer);
        var statements = consumer.Policy.Statements.Where(statement => statement.Sid != "SendTracesAndReadSampling")
            .ToDictionary(statement => statement.Sid!, statement => statement.Actions.Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(
            new Dictionary<string, string[]>
            {
                ["ConsumeQuestions"] = ["sqs:ChangeMessageVisibility", "sqs:DeleteMessage", "sqs:GetQueueAttributes", "sqs:ReceiveMessage"],
                ["WriteQuestions"] = ["dynamodb:PutItem"],
            },
            statements);
    }
}
