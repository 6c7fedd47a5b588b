using System.Text.Json;
using System.Text.RegularExpressions;
using Infra.Core.Naming;

namespace Infra.Tests;

/// <summary>
/// ARNs, URLs and names flow between resources as outputs. Here AWS answers with ARNs and URLs no name predicts;
/// a resource that still carries a value computed from the stack's names instead of the resource's output shows it.
/// </summary>
[Collection(PulumiCollection.Name)]
public class OutputsNotPredictionsTests
{
    private const string Suffix = "-7f3a9c";

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public async Task NoResourceCarriesAPredictedArnOrUrl(string stack)
    {
        var mocks = new StackMocks { PhysicalIdSuffix = Suffix };
        var run = await StackRun.RunAsync(stack, StackRun.CommittedConfig(stack), mocks: mocks);
        var aws = AwsContext.For(StackMocks.Region, StackMocks.Account);
        var names = new StackNames("adot-tracing", stack);
        string[] predicted =
        [
            aws.FunctionArn(names.Function("chatbot")),
            aws.FunctionArn(names.Function("sqs-consumer")),
            aws.QueueArn(names.Queue("questions")),
            aws.QueueUrl(names.Queue("questions")),
            aws.TableArn(names.Table("questions")),
        ];
        foreach (var resource in mocks.Resources)
        {
            var inputs = JsonSerializer.Serialize(resource.Inputs);
            foreach (var value in predicted)
            {
                // A prediction ends where the name ends; an output (or another resource's name, a dead-letter queue's)
                // goes on with a hyphen.
                Assert.False(Regex.IsMatch(inputs, Regex.Escape(value) + "(?![-A-Za-z0-9_])"), $"{resource.Type} {resource.Name} carries the predicted {value}");
            }
        }

        // The outputs did arrive where the predictions were: the chatbot's queue URL and the API's integration.
        Assert.Contains(aws.QueueUrl(names.Queue("questions")) + Suffix, JsonSerializer.Serialize(mocks.OfType("aws:lambda/function:Function").Select(function => function.Inputs)));
        Assert.Contains(aws.FunctionArn(names.Function("chatbot")) + Suffix, JsonSerializer.Serialize(mocks.Single("aws-native:apigateway:RestApi").Inputs));
        Assert.NotNull(run);
    }
}
