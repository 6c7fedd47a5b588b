using System.Collections.Concurrent;
using Infra.Core.Blueprint;
using Infra.Core.Naming;
using Infra.Core.Settings;
using Pulumi;
using Pulumi.Testing;

namespace Infra.Tests;

/// <summary>
/// Runs one component alone against strict mocks, with <c>Deployment.TestAsync(mocks, options, () =&gt; new X(...))</c>.
/// The mocks see only resource inputs, so the options each child is registered with (protect, retainOnDelete,
/// dependsOn) are read through a resource transformation on the component: the SDK runs a parent's
/// transformations on every child with the options the component passed
/// (pulumi/pulumi-dotnet sdk/Pulumi/Resources/Resource.cs at v3.112.1).
/// </summary>
public sealed class ComponentRun<T> where T : ComponentResource
{
    private ComponentRun(StackMocks mocks, T component, IReadOnlyDictionary<string, ResourceOptions> options)
    {
        Mocks = mocks;
        Component = component;
        Options = options;
    }

    public StackMocks Mocks { get; }

    public T Component { get; }

    /// <summary>The options each child was registered with, by logical name.</summary>
    public IReadOnlyDictionary<string, ResourceOptions> Options { get; }

    public ResourceOptions OptionsOf(string name)
    {
        Assert.True(Options.ContainsKey(name), $"no resource named {name}; registered: {string.Join(", ", Options.Keys)}");
        return Options[name];
    }

    public static async Task<ComponentRun<T>> RunAsync(Func<ComponentResourceOptions, T> create, bool isPreview = false)
    {
        var mocks = new StackMocks();
        var captured = new ConcurrentDictionary<string, ResourceOptions>();
        var options = new ComponentResourceOptions
        {
            ResourceTransformations =
            {
                args =>
                {
                    captured[args.Resource.GetResourceName()] = args.Options;
                    return null;
                },
            },
        };
        T? component = null;
        await Deployment.TestAsync(
            mocks.Mock.Object,
            new TestOptions { StackName = "dev", ProjectName = "adot-tracing", IsPreview = isPreview },
            () => { component = create(options); });
        return new ComponentRun<T>(mocks, component ?? throw new InvalidOperationException("the component was not created"), captured);
    }
}

/// <summary>Core's blueprint for a stack, as the program builds it, to feed a component its spec.</summary>
public static class Blueprints
{
    public static StackBlueprint For(string stack, string region = StackMocks.Region, params (string Key, string Value)[] config)
    {
        var values = new Dictionary<string, string> { ["aws:region"] = region, ["aws-native:region"] = region };
        foreach (var (key, value) in config)
        {
            values[$"adot-tracing:{key}"] = value;
        }

        var settings = StackSettingsParser.Parse(new RawStackConfig(stack, values)).GetOrThrow();
        return StackBlueprint.Create(settings, AwsContext.For(settings.Region, StackMocks.Account));
    }
}
