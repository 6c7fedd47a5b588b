using Infra.App;

namespace Infra;

/// <summary>The chatbot's stack outputs that scripts/verify-traces and the runbook read.</summary>
internal static class ChatbotOutputs
{
    public static void Add(DeployedApp app, IDictionary<string, object?> outputs)
    {
        outputs["chatbotFunctionName"] = app.Functions[ChatbotApp.Chatbot].FunctionName;
        outputs["consumerFunctionName"] = app.Functions[ChatbotApp.Consumer].FunctionName;
        outputs["queueUrl"] = app.Queues[ChatbotApp.Questions].QueueUrl;
        outputs["queueName"] = app.Queues[ChatbotApp.Questions].QueueName;
    }
}
