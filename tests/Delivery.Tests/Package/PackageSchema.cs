using System.Text.Json.Nodes;
using Infra.Core;

namespace Delivery.Tests.Package;

/// <summary>The committed snapshot of the schema the provider serves (infra/Infra.Provider/schema.json).</summary>
internal static class PackageSchema
{
    public static readonly string Root = ProjectRoot.Find(AppContext.BaseDirectory)!;

    private static readonly Lazy<JsonObject> Lazy = new(() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Root, "infra", "Infra.Provider", "schema.json")))!.AsObject());

    public static JsonObject Schema => Lazy.Value;

    public static string Name => (string)Schema["name"]!;

    public static IEnumerable<(string Token, JsonObject Spec)> Resources =>
        Schema["resources"]!.AsObject().Select(pair => (pair.Key, pair.Value!.AsObject()));

    public static IEnumerable<(string Token, JsonObject Spec)> Types =>
        (Schema["types"]?.AsObject() ?? []).Select(pair => (pair.Key, pair.Value!.AsObject()));

    public static JsonObject Resource(string token) => Schema["resources"]![token]?.AsObject()
        ?? throw new Xunit.Sdk.XunitException($"the schema has no resource {token}");

    public static JsonObject? TypeOf(string reference) =>
        reference.StartsWith("#/types/", StringComparison.Ordinal) ? Schema["types"]?[reference["#/types/".Length..]]?.AsObject() : null;
}
