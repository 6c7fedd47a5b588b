using Infra.Core.Blueprint;
using Infra.Core.Naming;
using Infra.Core.Settings;
using Pulumi;
using Pulumi.Testing;
using Pulumi.Utilities;

namespace Infra.Tests;

/// <summary>A resource as the component registered it: its args and options before the engine saw them.</summary>
public sealed record Registration(Resource Resource, ResourceArgs Args, ResourceOptions Options)
{
    public string Name => Resource.GetResourceName();

    public string Type => Resource.GetResourceType();

    public TArgs ArgsAs<TArgs>()
        where TArgs : ResourceArgs => Assert.IsType<TArgs>(Args);
}

/// <summary>
/// Runs one component alone with <c>Deployment.TestAsync</c> against the strict <see cref="StackMocks"/>. A resource
/// transformation on the component's options (which Pulumi applies to the component and every child) records what
/// each resource was registered with, so tests can see DependsOn and which resource's output feeds which input.
/// </summary>
public sealed class ComponentRun<TComponent>
    where TComponent : ComponentResource
{
    private ComponentRun(StackMocks mocks, TComponent component, IReadOnlyList<Registration> registrations)
    {
        Mocks = mocks;
        Component = component;
        Registrations = registrations;
    }

    public StackMocks Mocks { get; }

    public TComponent Component { get; }

    public IReadOnlyList<Registration> Registrations { get; }

    /// <summary>The options each child was registered with, by logical name.</summary>
    public IReadOnlyDictionary<string, ResourceOptions> Options =>
        Registrations.GroupBy(registration => registration.Name).ToDictionary(group => group.Key, group => group.Last().Options);

    public ResourceOptions OptionsOf(string name)
    {
        Assert.True(Options.ContainsKey(name), $"no resource named {name}; registered: {string.Join(", ", Options.Keys)}");
        return Options[name];
    }

    public static async Task<ComponentRun<TComponent>> RunAsync(Func<ComponentResourceOptions, TComponent> create, bool isPreview = false)
    {
        var mocks = new StackMocks();
        var registrations = new List<Registration>();
        TComponent? component = null;
        await Deployment.TestAsync(
            mocks.Mock.Object,
            new TestOptions { StackName = "dev", ProjectName = "adot-tracing", IsPreview = isPreview },
            () =>
            {
                var options = new ComponentResourceOptions();
                options.ResourceTransformations.Add(args =>
                {
                    lock (registrations)
                    {
                        registrations.Add(new Registration(args.Resource, args.Args, args.Options));
                    }

                    return null;
                });
                component = create(options);
                return new Dictionary<string, object?>();
            });
        return new ComponentRun<TComponent>(mocks, component!, registrations);
    }

    /// <summary>The one child of this type whose logical name ends with the suffix.</summary>
    public Registration Child<TResource>(string nameSuffix)
        where TResource : Resource =>
        Assert.Single(Registrations, registration => registration.Resource is TResource && registration.Name.EndsWith(nameSuffix, StringComparison.Ordinal));

    /// <summary>The resources an explicit DependsOn names.</summary>
    public static async Task<IReadOnlyList<Resource>> DependsOnAsync(Registration registration) =>
        await OutputUtilities.GetValueAsync(registration.Options.DependsOn.ToOutput());

    /// <summary>The resources whose outputs flow into an input.</summary>
    public static Task<System.Collections.Immutable.ImmutableHashSet<Resource>> SourcesOfAsync<T>(Input<T>? input) =>
        OutputUtilities.GetDependenciesAsync(Assert.IsAssignableFrom<Input<T>>(input).ToOutput());
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

        var result = StackSettingsParser.Parse(new RawStackConfig(stack, values), new Infra.App.ChatbotApp());
        var settings = result.GetOrThrow();
        return StackBlueprint.Create(settings, result.Declaration, AwsContext.For(settings.Region, StackMocks.Account));
    }
}
