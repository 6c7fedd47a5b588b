using Infra.App;
using Infra.Core.Api;
using Infra.Core.App;
using Infra.Core.Settings;

namespace Infra.Plan.Tests;

/// <summary>
/// The app docs/components.md shows under "In this program": the chatbot with a third function, its route and the
/// table it writes to. The lines between the markers are the docs' snippet, word for word (DocumentedAppTests
/// compares them), so the snippet compiles against today's types and plans as the docs say.
/// </summary>
internal sealed class DocumentedApp : AppDefinition
{
    public override AppDeclaration Declare(AppSection section, StackSettings settings)
    {
        // What ChatbotApp.Declare has in hand where the snippet goes.
        var declared = new ChatbotApp().Declare(section, settings);
        var chatbot = declared.Functions.Single(function => function.Key == ChatbotApp.Chatbot);
        var consumer = declared.Functions.Single(function => function.Key == ChatbotApp.Consumer);
        var questions = declared.Queues.Single();
        const string Chatbot = ChatbotApp.Chatbot, Consumer = ChatbotApp.Consumer, Questions = ChatbotApp.Questions;

        // docs/components.md: begin
        var feedback = new FunctionDeclaration("feedback", "Records a rating of an answer", "python3.12", "app.handler",
            FunctionCode.Folder("functions/feedback"), new Dictionary<string, string>(), [], Imports: ["boto3", "json", "os"]);
        return new AppDeclaration(
            Functions: [chatbot, consumer, feedback],
            Routes: [RouteSpec.Lambda("POST", "/chat", Chatbot), RouteSpec.Mock("GET", "/health"), RouteSpec.Lambda("POST", "/feedback", "feedback")],
            Queues: [questions],
            Tables: [new TableDeclaration(Questions, new TableKey("messageId"), Writers: [Consumer, "feedback"])]);
        // docs/components.md: end
    }
}
