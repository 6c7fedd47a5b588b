using System.Collections.Immutable;
using Infra.Components;
using Infra.Core.Iam;
using Infra.Core.Lambda;
using Infra.Core.Settings;
using Pulumi;
using Pulumi.Testing;
using Pulumi.Utilities;
using Aws = Pulumi.Aws;
using Iam = Pulumi.AwsNative.Iam;
using Sns = Pulumi.AwsNative.Sns;

namespace Infra.Tests;

/// <summary>
/// Secret config stays secret in every input that carries it. The engine hands the program the decrypted values
/// with the list of secret keys in PULUMI_CONFIG_SECRET_KEYS (pulumi/pulumi-dotnet v3.112.1:
/// pulumi-language-dotnet/main.go, constructConfigSecretKeys; sdk/Pulumi/Deployment/Deployment_Config.cs), marking a
/// whole key secret when any value in it is (pulumi/pulumi v3.259.0 sdk/go/common/resource/config/map.go,
/// SecureKeys). A mock sees inputs without their secrecy (sdk/Pulumi/Testing/MockMonitor.cs keeps values only), so
/// these tests read each input as the resource was given it, through a resource transformation, and ask
/// <see cref="Output.IsSecretAsync{T}"/>.
/// </summary>
[Collection(PulumiCollection.Name)]
public class SecretInputTests
{
    private const string KnowledgeBase = "KB12345678";
    private const string Hook = "https://hooks.example.com/services/T0/B0/tok3n";

    private static async Task<bool> IsSecret<T>(Input<T>? input) => await Output.IsSecretAsync(Assert.IsAssignableFrom<Input<T>>(input).ToOutput());

    // --- Components alone ---

    private static readonly string QueryArn = $"arn:aws:bedrock:us-west-2:{StackMocks.Account}:knowledge-base/{KnowledgeBase}";

    /// <summary>A program passes a secret as it got it from config: an Output.CreateSecret value.</summary>
    private static Task<ComponentRun<TracedFunction>> RunFunction(bool secret)
    {
        Input<string> Value(string text) => secret ? Output.CreateSecret(text) : text;
        return ComponentRun<TracedFunction>.RunAsync(options => new TracedFunction("orders", new TracedFunctionArgs
        {
            Runtime = "python3.12",
            Handler = "orders.handle",
            CodePath = "orders-code",
            Region = StackMocks.Region,
            AccountId = StackMocks.Account,
            Environment = new InputMap<string> { ["KNOWLEDGE_BASE_ID"] = Value(KnowledgeBase), ["ORDERS_TABLE"] = "orders" },
            Statements = [FunctionStatement.Allow("Query", ["bedrock:Retrieve"], Value(QueryArn))],
        }, options));
    }

    private static SecretValues Secret(string text) => new([new SecretText("adot-tracing:test", text)]);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AnEnvironmentHoldingASecretIsSecret(bool secret)
    {
        var run = await RunFunction(secret);
        var environment = await OutputUtilities.GetValueAsync(run.Child<Aws.Lambda.Function>("orders-function").ArgsAs<Aws.Lambda.FunctionArgs>().Environment!.ToOutput());
        Assert.Equal(secret, await IsSecret(environment.Variables));
    }

    [Fact]
    public async Task OnlyThePolicyHoldingASecretIsSecret()
    {
        var run = await RunFunction(secret: true);
        var policies = await OutputUtilities.GetValueAsync(run.Child<Iam.Role>("orders-role").ArgsAs<Iam.RoleArgs>().Policies.ToOutput());
        var secret = new Dictionary<string, bool>();
        foreach (var policy in policies)
        {
            secret[await OutputUtilities.GetValueAsync(policy.PolicyName.ToOutput())] = await IsSecret(policy.PolicyDocument);
        }

        Assert.Equal(new Dictionary<string, bool> { ["xray-tracing"] = false, ["function-access"] = true }, secret);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ASubscriptionEndpointHoldingASecretIsSecretAndItsProtocolIsNot(bool secret)
    {
        var spec = Blueprints.For("prod", StackMocks.Region, ("alerts", $$"""{"subscriptions":[{"protocol":"https","endpoint":"{{Hook}}"}]}""")).Monitoring;
        var run = await ComponentRun<StackMonitoring>.RunAsync(options => new StackMonitoring("monitoring", new StackMonitoringArgs
        {
            Spec = spec, Tags = new Dictionary<string, string>(), Secrets = secret ? Secret(Hook) : SecretValues.None,
        }, options));
        var subscription = Assert.Single(await OutputUtilities.GetValueAsync(run.Child<Sns.Topic>("monitoring-alerts").ArgsAs<Sns.TopicArgs>().Subscription.ToOutput()));
        Assert.Equal((secret, false), (await IsSecret(subscription.Endpoint), await IsSecret(subscription.Protocol)));
    }

    // --- The whole program, with the config the engine passes ---

    [Fact]
    public async Task ASecretAppSettingIsSecretInTheChatbotsEnvironmentAndPolicy()
    {
        var run = await ObservedRun.RunAsync("dev", new() { ["adot-tracing:app"] = $$"""{"knowledgeBaseId":"{{KnowledgeBase}}"}""" }, ["adot-tracing:app"]);
        var chatbot = run.Args<Aws.Lambda.FunctionArgs>("chatbot-function");
        Assert.True(await IsSecret((await OutputUtilities.GetValueAsync(chatbot.Environment!.ToOutput())).Variables));
        var policies = await OutputUtilities.GetValueAsync(run.Args<Iam.RoleArgs>("chatbot-role").Policies.ToOutput());
        Assert.Contains(true, await Task.WhenAll(policies.Select(policy => IsSecret(policy.PolicyDocument))));
    }

    [Fact]
    public async Task TheSameSettingNotSecretStaysPlain()
    {
        var run = await ObservedRun.RunAsync("dev", new() { ["adot-tracing:app"] = $$"""{"knowledgeBaseId":"{{KnowledgeBase}}"}""" }, []);
        var chatbot = run.Args<Aws.Lambda.FunctionArgs>("chatbot-function");
        Assert.False(await IsSecret((await OutputUtilities.GetValueAsync(chatbot.Environment!.ToOutput())).Variables));
    }

    [Fact]
    public async Task ASecretAlertEndpointIsSecretInTheTopicAndInNoStackOutput()
    {
        var run = await ObservedRun.RunAsync("prod", new() { ["adot-tracing:alerts"] = $$"""{"subscriptions":[{"protocol":"https","endpoint":"{{Hook}}"}]}""" }, ["adot-tracing:alerts"]);
        var subscription = Assert.Single(await OutputUtilities.GetValueAsync(run.Args<Sns.TopicArgs>("monitoring-alerts").Subscription.ToOutput()));
        Assert.True(await IsSecret(subscription.Endpoint));
        foreach (var output in run.Outputs.Values)
        {
            Assert.DoesNotContain("tok3n", await TextOf(output), StringComparison.Ordinal);
        }
    }

    /// <summary>A stack output's value as JSON text, read through the SDK's OutputUtilities when it is an output.</summary>
    private static async Task<string> TextOf(object? value)
    {
        if (value?.GetType() is { IsGenericType: true } type && type.GetGenericTypeDefinition() == typeof(Output<>))
        {
            var read = typeof(OutputUtilities).GetMethod(nameof(OutputUtilities.GetValueAsync))!.MakeGenericMethod(type.GetGenericArguments()[0]);
            var task = (Task)read.Invoke(null, [value])!;
            await task;
            value = task.GetType().GetProperty("Result")!.GetValue(task);
        }

        return System.Text.Json.JsonSerializer.Serialize(value);
    }

    [Fact]
    public async Task ASecretTagStopsTheProgramNamingTheTagAndNotItsValue()
    {
        var exception = await Assert.ThrowsAnyAsync<Exception>(() =>
            ObservedRun.RunAsync("dev", new() { ["adot-tracing:tags"] = """{"owner":"alice-s3cret"}""" }, ["adot-tracing:tags"]));
        var run = Assert.IsType<RunException>(exception is AggregateException aggregate ? aggregate.InnerException : exception);
        Assert.Contains("adot-tracing:tags.owner", run.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("alice-s3cret", run.Message, StringComparison.Ordinal);
    }

    // --- Keys an imported Pulumi ESC environment supplies: the engine merges them in (pkg/workspace/config.go, mergeConfig) ---

    [Fact]
    public async Task TheProgramRunsWithKeysAnEnvironmentSuppliesForOtherProviders()
    {
        var run = await ObservedRun.RunAsync("dev", new() { ["datadog:apiKey"] = "dd-key", ["aws:profile"] = "dev" }, ["datadog:apiKey", "aws:region"]);
        Assert.Equal(StackMocks.Region, run.Outputs["region"]);
    }
}

/// <summary>
/// The whole program under a stack whose resource transformation records every resource's args as given: a stack's
/// transformations apply to every resource below it (pulumi/pulumi-dotnet v3.112.1 sdk/Pulumi/Resources/Resource.cs).
/// </summary>
public sealed class ObservedRun
{
    private static readonly List<ResourceTransformationArgs> Seen = [];

    private ObservedRun(IReadOnlyList<ResourceTransformationArgs> registrations, IDictionary<string, object?> outputs)
    {
        Registrations = registrations;
        Outputs = outputs;
    }

    public IReadOnlyList<ResourceTransformationArgs> Registrations { get; }

    public IDictionary<string, object?> Outputs { get; }

    public TArgs Args<TArgs>(string name)
        where TArgs : ResourceArgs =>
        Assert.IsType<TArgs>(Assert.Single(Registrations, registration => registration.Resource.GetResourceName() == name).Args);

    public static async Task<ObservedRun> RunAsync(string stack, Dictionary<string, string> config, string[] secretKeys)
    {
        var values = new Dictionary<string, string> { ["aws:region"] = StackMocks.Region, ["aws-native:region"] = StackMocks.Region };
        foreach (var (key, value) in config)
        {
            values[key] = value;
        }

        lock (Seen)
        {
            Seen.Clear();
        }

        System.Environment.SetEnvironmentVariable("PULUMI_CONFIG", StackMocks.ConfigJson(values));
        System.Environment.SetEnvironmentVariable("PULUMI_CONFIG_SECRET_KEYS", System.Text.Json.JsonSerializer.Serialize(secretKeys));
        try
        {
            var resources = await Deployment.TestAsync<Observed>(new StackMocks().Mock.Object,
                new TestOptions { StackName = stack, ProjectName = "adot-tracing", IsPreview = false });
            var observed = resources.OfType<Observed>().Single();
            var outputs = await OutputUtilities.GetValueAsync(observed.Result);
            lock (Seen)
            {
                return new ObservedRun(Seen.ToList(), outputs);
            }
        }
        finally
        {
            System.Environment.SetEnvironmentVariable("PULUMI_CONFIG", null);
            System.Environment.SetEnvironmentVariable("PULUMI_CONFIG_SECRET_KEYS", null);
        }
    }

    public sealed class Observed : Stack
    {
        public Observed()
            : base(new StackOptions { ResourceTransformations = { Record } })
        {
            Result = Output.Create(AdotTracingProgram.RunAsync()).Apply(outputs => (IDictionary<string, object?>)outputs.ToImmutableDictionary());
        }

        [Output] public Output<IDictionary<string, object?>> Result { get; private set; }

        private static ResourceTransformationResult? Record(ResourceTransformationArgs args)
        {
            lock (Seen)
            {
                Seen.Add(args);
            }

            return null;
        }
    }
}
