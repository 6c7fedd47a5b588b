using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Infra.Core.Api;
using Infra.Core.Collector;
using Infra.Core.Cost;
using Infra.Core.Iam;
using Infra.Core.Lambda;
using Infra.Core.Messaging;
using Infra.Core.Monitoring;
using Infra.Core.Sampling;
using Infra.Core.Settings;
using Infra.Core.Signals;

namespace Infra.Core.Blueprint;

/// <summary>
/// The plan as JSON: the blueprint's own spec records under the plan's documented top-level keys. Every key is
/// always present; <see cref="Iam"/> and <see cref="Collector"/> are null when the stack runs no collector.
/// </summary>
internal sealed record PlanDocument(
    string Stack,
    DeploymentEnvironment Environment,
    ProfileSpec Profile,
    string Region,
    string Account,
    CollectorIamSpec? Iam,
    CollectorSpec? Collector,
    IReadOnlyList<FunctionSpec> Functions,
    ApiSpec Api,
    IReadOnlyList<QueueSpec> Queues,
    IReadOnlyList<TableSpec> Tables,
    SamplingSpec Sampling,
    ApplicationSignalsSpec ApplicationSignals,
    CostEstimate Cost,
    MonthlyCost MonthlyCost,
    MonitoringSpec Monitoring,
    IReadOnlyDictionary<string, string> Tags,
    IReadOnlyList<string> Warnings)
{
    public static PlanDocument Of(StackBlueprint blueprint, IReadOnlyList<string> warnings) => new(
        blueprint.Settings.StackName,
        blueprint.Settings.Environment,
        ProfileSpec.Of(blueprint.Settings),
        blueprint.Settings.Region,
        blueprint.Aws.AccountId,
        blueprint.CollectorIam,
        blueprint.Collector,
        blueprint.Functions,
        blueprint.Api,
        blueprint.Queues,
        blueprint.Tables,
        blueprint.Sampling,
        blueprint.ApplicationSignals,
        blueprint.Cost,
        blueprint.MonthlyCost,
        blueprint.Monitoring,
        blueprint.Tags,
        warnings);
}

/// <summary>
/// System.Text.Json over the spec records: camelCase keys, enums as the names users write in stack files, IAM
/// documents in IAM's own JSON grammar. Only what a record holds is written (its constructor parameters), not
/// the conveniences it derives from them. A field added to a spec shows up here without any change.
/// </summary>
public static class PlanJson
{
    public static readonly JsonSerializerOptions Options = CreateOptions();

    public static string Serialize(StackBlueprint blueprint, IReadOnlyList<string> warnings) =>
        JsonSerializer.Serialize(PlanDocument.Of(blueprint, warnings), Options);

    /// <summary>The JSON Schema (draft 2020-12) of <see cref="Serialize"/>'s output, generated from the records.</summary>
    public static string Schema()
    {
        var schema = SchemaOf(typeof(PlanDocument));
        var document = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["title"] = "scripts/plan --json",
            ["description"] = "The offline plan of one stack. Generated from the records in infra/Infra.Core; do not edit by hand.",
        };
        foreach (var (key, value) in schema.ToList())
        {
            schema.Remove(key);
            document[key] = value;
        }

        return document.ToJsonString(Options) + "\n";
    }

    /// <summary>The schema of one serialised type, without the document's header.</summary>
    internal static JsonObject SchemaOf(Type type) => Options.GetJsonSchemaAsNode(type, new JsonSchemaExporterOptions
    {
        TreatNullObliviousAsNonNullable = true,
        TransformSchemaNode = DescribeConvertedTypes,
    }).AsObject();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            WriteIndented = true,
            IndentSize = 2,
            NewLine = "\n",
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,

            // The plan is read by people and scripts, never embedded in HTML: keep '<account-id>' and '→' readable.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { RecordDataOnly } },
        };
        options.Converters.Add(new WireEnumConverterFactory());
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.Converters.Add(new PolicyDocumentConverter());
        options.MakeReadOnly();
        return options;
    }

    /// <summary>Drops computed properties (FunctionSpec.Policy, ApiSpec.XRayServiceName, ...): they repeat data already written.</summary>
    private static void RecordDataOnly(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object || typeInfo.Type.Assembly != typeof(PlanJson).Assembly)
        {
            return;
        }

        var parameters = typeInfo.Type.GetConstructors()
            .SelectMany(constructor => constructor.GetParameters())
            .Select(parameter => parameter.Name)
            .ToHashSet(StringComparer.Ordinal);
        var derived = typeInfo.Properties
            .Where(property => property.AttributeProvider is not MemberInfo member || !parameters.Contains(member.Name))
            .ToList();
        foreach (var property in derived)
        {
            typeInfo.Properties.Remove(property);
        }
    }

    /// <summary>The exporter cannot see through custom converters: describe what they write.</summary>
    private static JsonNode DescribeConvertedTypes(JsonSchemaExporterContext context, JsonNode schema)
    {
        var type = context.TypeInfo.Type;
        var nullable = Nullable.GetUnderlyingType(type) is not null;
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (WireEnumConverterFactory.NamesOf(type) is { } names)
        {
            var described = new JsonObject
            {
                ["type"] = nullable ? new JsonArray("string", "null") : "string",
                ["enum"] = new JsonArray(names.Select(name => (JsonNode?)name).Concat(nullable ? [null] : []).ToArray()),
            };
            return described;
        }

        if (type == typeof(PolicyDocument))
        {
            var described = IamPolicySchema();
            if (context.PropertyInfo is { IsGetNullable: true })
            {
                described["type"] = new JsonArray("object", "null");
            }

            return described;
        }

        return schema;
    }

    /// <summary>
    /// The parts of IAM's policy grammar the program writes.
    /// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
    /// </summary>
    private static JsonObject IamPolicySchema()
    {
        JsonObject OneOrMany() => new() { ["anyOf"] = new JsonArray(new JsonObject { ["type"] = "string" }, new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" } }) };
        return new JsonObject
        {
            ["type"] = "object",
            ["description"] = "An IAM policy document in IAM's JSON grammar.",
            ["properties"] = new JsonObject
            {
                ["Version"] = new JsonObject { ["const"] = PolicyDocument.Version },
                ["Statement"] = new JsonObject
                {
                    ["type"] = "array",
                    ["items"] = new JsonObject
                    {
                        ["type"] = "object",
                        ["properties"] = new JsonObject
                        {
                            ["Sid"] = new JsonObject { ["type"] = "string" },
                            ["Effect"] = new JsonObject { ["enum"] = new JsonArray("Allow", "Deny") },
                            ["Principal"] = new JsonObject { ["type"] = "object" },
                            ["Action"] = OneOrMany(),
                            ["Resource"] = OneOrMany(),
                            ["Condition"] = new JsonObject { ["type"] = "object" },
                        },
                        ["required"] = new JsonArray("Effect", "Action"),
                    },
                },
            },
            ["required"] = new JsonArray("Version", "Statement"),
        };
    }

    /// <summary>Enums that have wire names in <see cref="EnumNames"/> are written as those names (least-privilege, DAEMON, x86_64).</summary>
    private sealed class WireEnumConverterFactory : JsonConverterFactory
    {
        private static readonly IReadOnlyDictionary<Type, (object Table, IReadOnlyList<string> Names)> Tables = typeof(EnumNames)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.FieldType.IsGenericType
                && field.FieldType.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>)
                && field.FieldType.GenericTypeArguments[0] == typeof(string)
                && field.FieldType.GenericTypeArguments[1].IsEnum)
            .ToDictionary(
                field => field.FieldType.GenericTypeArguments[1],
                field =>
                {
                    var table = field.GetValue(null)!;
                    var names = (IEnumerable<string>)field.FieldType.GetProperty(nameof(IReadOnlyDictionary<string, int>.Keys))!.GetValue(table)!;
                    return (table, (IReadOnlyList<string>)names.ToList());
                });

        public static IReadOnlyList<string>? NamesOf(Type type) => Tables.TryGetValue(type, out var wire) ? wire.Names : null;

        public override bool CanConvert(Type typeToConvert) => Tables.ContainsKey(typeToConvert);

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            (JsonConverter)Activator.CreateInstance(typeof(WireEnumConverter<>).MakeGenericType(typeToConvert), Tables[typeToConvert].Table)!;
    }

    private sealed class WireEnumConverter<T>(IReadOnlyDictionary<string, T> names) : JsonConverter<T>
        where T : struct, Enum
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            names.TryGetValue(reader.GetString() ?? "", out var value)
                ? value
                : throw new JsonException($"'{reader.GetString()}' is not one of {string.Join(", ", names.Keys)}");

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WriteStringValue(EnumNames.Name(names, value));
    }

    /// <summary>Writes a policy document the way IAM reads it (Version, Statement, Sid, Effect, Action, ...).</summary>
    private sealed class PolicyDocumentConverter : JsonConverter<PolicyDocument>
    {
        public override PolicyDocument Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("the plan is written, never read back");

        public override void Write(Utf8JsonWriter writer, PolicyDocument value, JsonSerializerOptions options) =>
            value.ToJson().WriteTo(writer, options);
    }
}
