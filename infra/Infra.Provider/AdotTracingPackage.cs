using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Infra.Components;
using Pulumi;
using Pulumi.Experimental.Provider;

namespace Infra.Provider;

/// <summary>
/// The Pulumi package "adot-tracing": the components other languages may use, served by Pulumi's
/// <see cref="ComponentProvider"/>, which infers the schema from the components' argument classes.
/// </summary>
public static class AdotTracingPackage
{
    public const string Name = "adot-tracing";

    /// <summary>The components the package serves. The library's other components take Infra.Core's planned specs, which
    /// the provider cannot receive, so they are C# only.</summary>
    public static readonly Type[] Components = [typeof(TracedFunction), typeof(TracedRestApi), typeof(TracedQueue), typeof(TracedSamplingRule)];

    public static string Version { get; } = typeof(AdotTracingPackage).Assembly.GetName().Version is { } version
        ? $"{version.Major}.{version.Minor}.{version.Build}"
        : "0.0.0";

    public static Pulumi.Experimental.Provider.Provider CreateProvider() =>
        new DescribedComponentProvider(typeof(TracedFunction).Assembly, new Metadata(Name, Version: Version, DisplayName: "ADOT tracing"), Components);

    /// <summary>The schema exactly as the provider's GetSchema serves it.</summary>
    public static async Task<string> SchemaAsync()
    {
        var response = await CreateProvider().GetSchema(new GetSchemaRequest(0, null, null), CancellationToken.None);
        return response.Schema ?? "";
    }
}

/// <summary>
/// The component provider, with the descriptions the inferred schema lacks: ComponentAnalyzer (pulumi-dotnet v3.112.1)
/// writes types and names only, so each resource, input, output and type gets the summary its C# member documents,
/// which generated SDKs show as their doc comments.
/// </summary>
internal sealed class DescribedComponentProvider : ComponentProvider
{
    private readonly Assembly assembly;
    private readonly Metadata metadata;
    private readonly Type[] components;

    public DescribedComponentProvider(Assembly assembly, Metadata metadata, Type[] components)
        : base(assembly, metadata, components)
    {
        this.assembly = assembly;
        this.metadata = metadata;
        this.components = components;
    }

    public override async Task<GetSchemaResponse> GetSchema(GetSchemaRequest request, CancellationToken ct)
    {
        var inferred = await base.GetSchema(request, ct);
        var schema = JsonNode.Parse(inferred.Schema ?? "{}")!.AsObject();
        var docs = XmlDocs.For(assembly);
        foreach (var component in components)
        {
            var resource = schema["resources"]![$"{metadata.Name}:index:{component.Name}"]!.AsObject();
            resource["description"] = docs.Summary(component);
            Describe(resource["inputProperties"], ArgsTypeOf(component), docs);
            Describe(resource["properties"], component, docs);
        }

        foreach (var type in ArgsTypesReachable(components))
        {
            if (schema["types"]?[$"{metadata.Name}:index:{TypeName(type)}"] is JsonObject spec)
            {
                spec["description"] = docs.Summary(type);
                Describe(spec["properties"], type, docs);
            }
        }

        return new GetSchemaResponse { Schema = schema.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) };
    }

    private static void Describe(JsonNode? properties, Type type, XmlDocs docs)
    {
        if (properties is not JsonObject map)
        {
            return;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var name = SchemaName(property);
            if (name is not null && map[name] is JsonObject spec)
            {
                spec["description"] = docs.Summary(property);
            }
        }
    }

    /// <summary>The name in the schema: the [Input] or [Output] attribute's first argument.</summary>
    internal static string? SchemaName(PropertyInfo property) => property.GetCustomAttributesData()
        .Where(attribute => attribute.AttributeType == typeof(InputAttribute) || attribute.AttributeType == typeof(OutputAttribute))
        .Select(attribute => attribute.ConstructorArguments.FirstOrDefault().Value as string)
        .FirstOrDefault();

    /// <summary>The args type of a component, as ComponentAnalyzer finds it: its constructor's second parameter.</summary>
    private static Type ArgsTypeOf(Type component) => component.GetConstructors().Single().GetParameters()[1].ParameterType;

    private static IEnumerable<Type> ArgsTypesReachable(IEnumerable<Type> components)
    {
        var seen = new HashSet<Type>();
        var pending = new Queue<Type>(components.Select(ArgsTypeOf));
        while (pending.TryDequeue(out var type))
        {
            foreach (var nested in type.GetProperties().SelectMany(property => Unwrapped(property.PropertyType)))
            {
                if (typeof(ResourceArgs).IsAssignableFrom(nested) && seen.Add(nested))
                {
                    pending.Enqueue(nested);
                    yield return nested;
                }
            }
        }
    }

    private static IEnumerable<Type> Unwrapped(Type type) =>
        type.IsGenericType ? type.GetGenericArguments().SelectMany(Unwrapped) : [type];

    /// <summary>ComponentAnalyzer's type name: the class name without a trailing "Args".</summary>
    private static string TypeName(Type type) => type.Name.EndsWith("Args", StringComparison.Ordinal) ? type.Name[..^4] : type.Name;
}

/// <summary>The summaries of an assembly's XML documentation file (shipped next to it).</summary>
internal sealed class XmlDocs(IReadOnlyDictionary<string, string> summaries)
{
    public static XmlDocs For(Assembly assembly)
    {
        var path = Path.ChangeExtension(assembly.Location, ".xml");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{Path.GetFileName(path)} (the components' documentation) is missing next to {Path.GetFileName(assembly.Location)}; build with GenerateDocumentationFile.", path);
        }

        var summaries = XDocument.Load(path).Descendants("member")
            .Where(member => member.Element("summary") is not null)
            .ToDictionary(member => (string)member.Attribute("name")!, member => Flatten(member.Element("summary")!));
        return new XmlDocs(summaries);
    }

    public string? Summary(Type type) => summaries.GetValueOrDefault($"T:{type.FullName}");

    public string? Summary(PropertyInfo property) => summaries.GetValueOrDefault($"P:{property.DeclaringType!.FullName}.{property.Name}");

    /// <summary>The summary as one line of Markdown: see-references by their short name, whitespace collapsed.</summary>
    private static string Flatten(XElement summary)
    {
        var text = string.Concat(summary.Nodes().Select(node => node switch
        {
            XElement { Name.LocalName: "see" } see => ((string?)see.Attribute("cref"))?.Split('.').Last() ?? see.Value,
            XElement element => element.Value,
            _ => node.ToString(),
        }));
        return string.Join(' ', System.Net.WebUtility.HtmlDecode(text).Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
    }
}
