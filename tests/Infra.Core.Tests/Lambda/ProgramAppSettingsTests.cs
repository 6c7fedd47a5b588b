namespace Infra.Core.Tests.Lambda;

/// <summary>How the sample app's settings change its functions.</summary>
public class ProgramAppSettingsTests
{
    /// <summary>
    /// A REST API's integration times out after 29 seconds by default ("Maximum integration timeout in milliseconds"):
    /// https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html#api-gateway-execution-service-limits-table
    /// </summary>
    [Theory]
    [InlineData(28, 28)]
    [InlineData(29, 29)]
    [InlineData(30, 29)]
    [InlineData(900, 29)]
    public void TheChatbotNeverOutlivesTheApiIntegrationWhileTheConsumerTakesTheSetting(int timeout, int chatbot)
    {
        var blueprint = TestStacks.Blueprint("dev", ("lambda", $$"""{"timeoutSeconds":{{timeout}}}"""));
        Assert.Equal((chatbot, timeout), (blueprint.Function(ChatbotApp.Chatbot).TimeoutSeconds, blueprint.Function(ChatbotApp.Consumer).TimeoutSeconds));
    }

    [Fact]
    public void OnTheLegacyLayerTheInstrumentationListsComeFromTheLayersRelease()
    {
        // The recommended profile on the legacy flavor gets the newest legacy Python layer, 1.32.0 (legacy-layer-arns.tsv).
        var chatbot = TestStacks.Blueprint("dev", ("lambda", """{"flavor":"legacy"}""")).Function(ChatbotApp.Chatbot);
        Assert.EndsWith(":layer:aws-otel-python-amd64-ver-1-32-0:2", chatbot.Layers.Single());
        Assert.StartsWith("aws-otel-python 1.32.0 ", chatbot.Instrumentation!.Layer);
    }
}
