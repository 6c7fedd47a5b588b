using Infra.Tests.Apps;

namespace Infra.Tests;

/// <summary>The program deploys an app it has never seen (three functions in two runtimes, two routes, a queue) under mocks.</summary>
[Collection(PulumiCollection.Name)]
public class ScratchAppProgramTests
{
    private static Task<StackRun> Run(bool isPreview = false) => StackRun.RunAsync("dev", isPreview: isPreview, app: new ScratchApp());

    [Fact]
    public async Task EveryDeclaredFunctionIsATracedLambdaFunction()
    {
        var run = await Run();
        var functions = run.Mocks.OfType("aws:lambda/function:Function").ToList();
        Assert.Equal(["adot-tracing-dev-catalog", "adot-tracing-dev-fulfil", "adot-tracing-dev-orders"], functions.Select(function => function.String("name")).Order(StringComparer.Ordinal));
        Assert.All(functions, function => Assert.Equal("Active", function.Object("tracingConfig")["mode"]));
        Assert.Equal(["nodejs20.x", "nodejs20.x", "python3.12"], functions.Select(function => function.String("runtime")).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task TheQueueFeedsItsConsumerAndNothingOfTheChatbotIsCreated()
    {
        var run = await Run();
        var mapping = run.Mocks.Single("aws:lambda/eventSourceMapping:EventSourceMapping");
        Assert.Equal("adot-tracing-dev-fulfil", mapping.String("functionName"));
        Assert.Equal(5.0, mapping.Input("batchSize"));
        Assert.Empty(run.Mocks.OfType("aws-native:dynamodb:Table"));
        Assert.DoesNotContain(run.Mocks.Resources, resource => resource.Name.Contains("chatbot", StringComparison.Ordinal));
        Assert.DoesNotContain("chatbotFunctionName", run.Outputs.Keys);
    }

    [Fact]
    public async Task EachRouteMayInvokeOnlyItsOwnFunction()
    {
        var run = await Run();
        var permissions = run.Mocks.OfType("aws:lambda/permission:Permission").Select(permission => permission.String("function")).Order(StringComparer.Ordinal);
        Assert.Equal([$"arn:aws:lambda:{StackMocks.Region}:{StackMocks.Account}:function:adot-tracing-dev-catalog", $"arn:aws:lambda:{StackMocks.Region}:{StackMocks.Account}:function:adot-tracing-dev-orders"], permissions);
    }

    [Fact]
    public async Task APreviewRegistersTheSameResources()
    {
        var update = await Run();
        var preview = await Run(isPreview: true);
        Assert.Equal(update.Mocks.Resources.Select(resource => (resource.Type, resource.Name)).Order(), preview.Mocks.Resources.Select(resource => (resource.Type, resource.Name)).Order());
    }
}
