using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Delivery.Tests.Package;

/// <summary>
/// The schema snapshot obeys Pulumi's package-schema rules, as pulumi/pulumi@v3.259.0 states them in
/// pkg/codegen/schema/pulumi.json (the metaschema) and pkg/codegen/schema/bind.go (what binding rejects).
/// </summary>
public class PackageSchemaRules
{
    /// <summary>pulumi.json: properties.name.pattern.</summary>
    private static readonly Regex PackageName = new("^[a-zA-Z][-a-zA-Z0-9_]*$");

    /// <summary>pulumi.json: $defs.token.pattern (resource and type tokens are "package:module:member").</summary>
    private static readonly Regex Token = new("^[a-zA-Z][-a-zA-Z0-9_]*:([^0-9][a-zA-Z0-9._/-]*)?:[^0-9][a-zA-Z0-9._/]*$");

    /// <summary>pulumi.json: $defs.typeSpec, "Primitive Type": type is one of these.</summary>
    private static readonly string[] Primitives = ["boolean", "integer", "number", "string"];

    /// <summary>bind.go: refs outside the package's own #/types/ must name one of pulumi.json's built-in types.</summary>
    private static readonly string[] BuiltinRefs = ["pulumi.json#/Archive", "pulumi.json#/Asset", "pulumi.json#/Any", "pulumi.json#/Json"];

    [Fact]
    public void PackageNameMatchesThePattern() => Assert.Matches(PackageName, PackageSchema.Name);

    [Fact]
    public void PackageHasAVersion() => Assert.Matches(new Regex(@"^\d+\.\d+\.\d+"), (string)PackageSchema.Schema["version"]!);

    [Fact]
    public void EveryResourceAndTypeTokenMatchesThePatternAndThePackage()
    {
        var tokens = PackageSchema.Resources.Select(pair => pair.Token).Concat(PackageSchema.Types.Select(pair => pair.Token)).ToList();
        Assert.All(tokens, token =>
        {
            Assert.Matches(Token, token);
            Assert.StartsWith($"{PackageSchema.Name}:", token, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void AtLeastFourComponentsAreServedAndEachIsAComponent()
    {
        Assert.True(PackageSchema.Resources.Count() >= 4, $"{PackageSchema.Resources.Count()} components served");
        Assert.All(PackageSchema.Resources, pair => Assert.True(pair.Spec["isComponent"]?.GetValue<bool>() == true, $"{pair.Token} lacks isComponent: true"));
    }

    /// <summary>bind.go bindProperties: "unknown required property" for a requiredInputs or required name that is not a property.</summary>
    [Fact]
    public void RequiredNamesAreAmongTheProperties()
    {
        foreach (var (token, spec) in PackageSchema.Resources)
        {
            AssertAmong(token, "requiredInputs", spec["requiredInputs"], spec["inputProperties"]);
            AssertAmong(token, "required", spec["required"], spec["properties"]);
        }

        foreach (var (token, spec) in PackageSchema.Types)
        {
            AssertAmong(token, "required", spec["required"], spec["properties"]);
        }
    }

    [Fact]
    public void EveryPropertyTypeIsAValidTypeSpec()
    {
        foreach (var (owner, name, property) in AllProperties())
        {
            AssertTypeSpec($"{owner}.{name}", property);
        }
    }

    /// <summary>reserved_keywords.go: "pulumi" is reserved everywhere, "urn" on every resource (and "id" on custom ones).</summary>
    [Fact]
    public void NoPropertyUsesAReservedName() =>
        Assert.All(AllProperties(), entry => Assert.DoesNotContain(entry.Name, (string[])["pulumi", "urn"]));

    [Fact]
    public void EveryComponentAndTypeAndEachOfTheirInputsAndOutputsIsDocumented()
    {
        Assert.All(PackageSchema.Resources.Concat(PackageSchema.Types), pair => Assert.False(string.IsNullOrWhiteSpace((string?)pair.Spec["description"]), $"{pair.Token} has no description"));
        Assert.All(AllProperties(), entry => Assert.False(string.IsNullOrWhiteSpace((string?)entry.Property["description"]), $"{entry.Owner}.{entry.Name} has no description"));
    }

    private static IEnumerable<(string Owner, string Name, JsonObject Property)> AllProperties()
    {
        foreach (var (token, spec) in PackageSchema.Resources)
        {
            foreach (var section in (string[])["inputProperties", "properties"])
            {
                foreach (var (name, property) in spec[section]?.AsObject() ?? [])
                {
                    yield return ($"{token} {section}", name, property!.AsObject());
                }
            }
        }

        foreach (var (token, spec) in PackageSchema.Types)
        {
            foreach (var (name, property) in spec["properties"]?.AsObject() ?? [])
            {
                yield return (token, name, property!.AsObject());
            }
        }
    }

    private static void AssertAmong(string owner, string key, JsonNode? names, JsonNode? properties)
    {
        foreach (var name in names?.AsArray().Select(node => (string)node!) ?? [])
        {
            Assert.True(properties?[name] is not null, $"{owner}: {key} names '{name}', which is not a property");
        }
    }

    /// <summary>pulumi.json $defs.typeSpec: a primitive has only "type"; an array has type "array" and "items"; a map has type
    /// "object" and optional "additionalProperties"; a reference has "$ref" (to #/types/ of this package or a built-in).</summary>
    private static void AssertTypeSpec(string where, JsonObject spec)
    {
        if (spec["$ref"] is { } reference)
        {
            var target = (string)reference!;
            Assert.True(PackageSchema.TypeOf(target) is not null || BuiltinRefs.Contains(target), $"{where}: $ref {target} resolves to no type");
            return;
        }

        var type = (string?)spec["type"];
        switch (type)
        {
            case "array":
                Assert.True(spec["items"] is JsonObject, $"{where}: an array needs items");
                Assert.Null(spec["additionalProperties"]);
                AssertTypeSpec($"{where}[]", spec["items"]!.AsObject());
                break;
            case "object":
                Assert.Null(spec["items"]);
                if (spec["additionalProperties"] is JsonObject values)
                {
                    AssertTypeSpec($"{where}{{}}", values);
                }

                break;
            default:
                Assert.True(type is not null && Primitives.Contains(type), $"{where}: type '{type}' is not boolean, integer, number, string, array or object");
                Assert.Null(spec["items"]);
                Assert.Null(spec["additionalProperties"]);
                break;
        }
    }
}
