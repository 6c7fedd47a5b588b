using Pulumi;
using Pulumi.Testing;
using Pulumi.Utilities;

namespace Infra.Tests;

/// <summary>Runs the whole program against strict mocks for one stack and its config.</summary>
public sealed class StackRun
{
    private StackRun(StackMocks mocks, IDictionary<string, object?> outputs)
    {
        Mocks = mocks;
        Outputs = outputs;
    }

    public StackMocks Mocks { get; }

    public IDictionary<string, object?> Outputs { get; }

    /// <param name="app">Another app than the program's own.</param>
    public static async Task<StackRun> RunAsync(string stack, IReadOnlyDictionary<string, string>? config = null, bool isPreview = false, StackMocks? mocks = null,
        Infra.Core.App.AppDefinition? app = null)
    {
        var values = new Dictionary<string, string>
        {
            ["aws:region"] = StackMocks.Region,
            ["aws-native:region"] = StackMocks.Region,
        };
        foreach (var (key, value) in config ?? new Dictionary<string, string>())
        {
            values[key.Contains(':') ? key : $"adot-tracing:{key}"] = value;
        }

        mocks ??= new StackMocks(isPreview);
        Assert.Equal(isPreview, mocks.IsPreview);
        System.Environment.SetEnvironmentVariable("PULUMI_CONFIG", StackMocks.ConfigJson(values));
        try
        {
            var (_, outputs) = await Deployment.TestAsync(
                mocks.Mock.Object,
                new TestOptions { StackName = stack, ProjectName = "adot-tracing", IsPreview = isPreview },
                app is null ? AdotTracingProgram.RunAsync : () => AdotTracingProgram.RunAsync(app));
            return new StackRun(mocks, outputs);
        }
        finally
        {
            System.Environment.SetEnvironmentVariable("PULUMI_CONFIG", null);
        }
    }

    /// <summary>A committed stack's config as the engine would pass it: Pulumi.yaml's defaults merged with the stack file.</summary>
    public static IReadOnlyDictionary<string, string> CommittedConfig(string stack)
    {
        var load = Infra.Core.StackFiles.StackFolder.Load(Infra.Core.ProjectRoot.Find(AppContext.BaseDirectory), stack);
        Assert.True(load.Outcome == Infra.Core.StackFiles.LoadOutcome.Loaded, string.Join(" | ", load.Errors));
        return load.Config!.Values;
    }

    public async Task<T> OutputAsync<T>(string key)
    {
        Assert.True(Outputs.ContainsKey(key), $"stack output {key} is missing");
        return Outputs[key] switch
        {
            Output<T> output => await OutputUtilities.GetValueAsync(output),
            T value => value,
            var other => throw new InvalidOperationException($"output {key} is {other?.GetType().Name ?? "null"}, not {typeof(T).Name}"),
        };
    }
}

/// <summary>Runs one component alone against strict mocks, as the SDK's testing guide does for a component.</summary>
public static class ComponentRun
{
    public static async Task<T> RunAsync<T>(StackMocks mocks, Func<T> create)
        where T : ComponentResource
    {
        T? component = null;
        await Deployment.TestAsync(
            mocks.Mock.Object,
            new TestOptions { StackName = "test", ProjectName = "adot-tracing", IsPreview = mocks.IsPreview },
            () => { component = create(); });
        return component ?? throw new InvalidOperationException("the component was not created");
    }
}
