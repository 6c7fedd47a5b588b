using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Delivery.Tests.Package;

/// <summary>
/// Each example (examples/typescript, python, yaml) is checked against the schema snapshot, as the generated SDK's
/// types would check it: every component is a resource of the package, every property an input of that type in the
/// language's casing, every required input given, every referenced output exists with the input's type, and a
/// reference goes only where the input accepts one (not plain). Casing: TypeScript and YAML use the schema's names;
/// Python's SDK uses PyName (pulumi/pulumi@v3.259.0:pkg/codegen/python/python.go, camelCase to snake_case) and names a
/// type's input class "&lt;Type&gt;Args" (pkg/codegen/python/gen.go, input types).
/// </summary>
public class ExamplesMatchTheSchema
{
    private static string Read(params string[] path) => File.ReadAllText(Path.Combine([PackageSchema.Root, "examples", .. path]));

    internal static string PyName(string name) => Regex.Replace(name, "(?<=[a-z0-9])([A-Z])", "_$1").ToLowerInvariant();

    [Fact]
    public void TypeScriptExampleUsesTheSchemasInputsAndOutputs() => Assert.Empty(CheckTypeScript(Read("typescript", "index.ts")));

    [Fact]
    public void PythonExampleUsesTheSchemasInputsAndOutputsInSnakeCase() => Assert.Empty(CheckPython(Read("python", "__main__.py")));

    [Fact]
    public void YamlExampleUsesTheSchemasTokensInputsAndOutputs() => Assert.Empty(CheckYaml(Read("yaml", "Pulumi.yaml")));

    [Theory]
    [InlineData("typescript")]
    [InlineData("python")]
    [InlineData("yaml")]
    public void EachExampleIsATracedFunctionBehindATracedRestApiWithASamplingRule(string language)
    {
        var resources = ResourcesOf(language);
        var function = Assert.Single(resources, resource => resource.Component == "TracedFunction");
        var api = Assert.Single(resources, resource => resource.Component == "TracedRestApi");
        Assert.Single(resources, resource => resource.Component == "TracedSamplingRule");
        var routes = Assert.IsType<ExampleValue.List>(api.Args.Members.Single(member => member.Key == "routes").Value);
        var route = Assert.IsType<ExampleValue.Object>(Assert.Single(routes.Items));
        var arn = Assert.IsType<ExampleValue.Reference>(route.Members.Single(member => member.Key is "functionArn" or "function_arn").Value);
        Assert.Equal(function.Variable, arn.Variable);
    }

    [Theory]
    [InlineData("typescript")]
    [InlineData("python")]
    [InlineData("yaml")]
    public void EachExampleAddsThePackageFromTheProvidersFolder(string language)
    {
        var project = new YamlStream();
        project.Load(new StringReader(Read(language, "Pulumi.yaml")));
        var packages = (YamlMappingNode)((YamlMappingNode)project.Documents[0].RootNode).Children[new YamlScalarNode("packages")];
        var source = ((YamlScalarNode)packages.Children[new YamlScalarNode(PackageSchema.Name)]).Value!;
        Assert.True(File.Exists(Path.Combine(PackageSchema.Root, "examples", language, source, "PulumiPlugin.yaml")), $"{source} holds no PulumiPlugin.yaml");
    }

    /// <summary>The checker finds what a generated SDK would refuse, so an empty result above means something.</summary>
    [Fact]
    public void TheCheckerRefusesAnUnknownInputAWrongTypeAMissingRequiredInputAndAnUnknownOutput()
    {
        var source = """
            const f = new adot.TracedFunction("f", { runtime: "python3.12", codePath: "app", memorySize: "big", colour: 1 });
            const a = new adot.TracedRestApi("a", { routes: [{ method: "GET", path: "/", functionArn: f.arn }] });
            """;
        var errors = CheckTypeScript(source);
        Assert.Contains(errors, error => error.Contains("colour", StringComparison.Ordinal));
        Assert.Contains(errors, error => error.Contains("memorySize", StringComparison.Ordinal));
        Assert.Contains(errors, error => error.Contains("handler", StringComparison.Ordinal));
        Assert.Contains(errors, error => error.Contains("f.arn", StringComparison.Ordinal));
        Assert.Contains(CheckPython("h = adot.TracedFunction(\"h\", runtime=\"python3.12\", handler=\"a.b\", code_path=\"app\", memorySize=1)"),
            error => error.Contains("memorySize", StringComparison.Ordinal));
    }

    private static IReadOnlyList<ExampleResource> ResourcesOf(string language) => language switch
    {
        "typescript" => ExampleProgram.Resources(Read("typescript", "index.ts"), "adot", python: false),
        "python" => ExampleProgram.Resources(Read("python", "__main__.py"), "adot", python: true),
        _ => YamlResources(Read("yaml", "Pulumi.yaml")).Resources,
    };

    private static List<string> CheckTypeScript(string source)
    {
        var resources = ExampleProgram.Resources(source, "adot", python: false);
        return new SchemaCheck(resources, name => name, python: false).Run(ExampleProgram.References(source, resources.Select(r => r.Variable)));
    }

    private static List<string> CheckPython(string source)
    {
        var resources = ExampleProgram.Resources(source, "adot", python: true);
        return new SchemaCheck(resources, PyName, python: true).Run(ExampleProgram.References(source, resources.Select(r => r.Variable)));
    }

    private static List<string> CheckYaml(string text)
    {
        var (resources, references, tokens) = YamlResources(text);
        var errors = tokens.Where(token => !token.StartsWith($"{PackageSchema.Name}:index:", StringComparison.Ordinal)).Select(token => $"{token}: not a type token of the package").ToList();
        errors.AddRange(new SchemaCheck(resources, name => name, python: false).Run(references));
        return errors;
    }

    /// <summary>A Pulumi YAML program's resources of this package; a scalar "${name.output}" is a reference.</summary>
    private static (List<ExampleResource> Resources, List<(string, string)> References, List<string> Tokens) YamlResources(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var resources = new List<ExampleResource>();
        var tokens = new List<string>();
        foreach (var (key, node) in ((YamlMappingNode)root.Children[new YamlScalarNode("resources")]).Children)
        {
            var resource = (YamlMappingNode)node;
            var token = ((YamlScalarNode)resource.Children[new YamlScalarNode("type")]).Value!;
            tokens.Add(token);
            var properties = resource.Children.TryGetValue(new YamlScalarNode("properties"), out var found) ? (ExampleValue.Object)ToValue(found) : new ExampleValue.Object(new Dictionary<string, ExampleValue>());
            resources.Add(new ExampleResource(((YamlScalarNode)key).Value!, token.Split(':').Last(), properties));
        }

        var references = Regex.Matches(text, @"\$\{([\w-]+)\.(\w+)\}").Select(match => (match.Groups[1].Value, match.Groups[2].Value)).ToList();
        return (resources, references, tokens);
    }

    private static ExampleValue ToValue(YamlNode node) => node switch
    {
        YamlMappingNode map => new ExampleValue.Object(map.Children.ToDictionary(pair => ((YamlScalarNode)pair.Key).Value!, pair => ToValue(pair.Value))),
        YamlSequenceNode list => new ExampleValue.List(list.Children.Select(ToValue).ToList()),
        YamlScalarNode { Value: var value } when Regex.Match(value ?? "", @"^\$\{([\w-]+)\.(\w+)\}$") is { Success: true } match =>
            new ExampleValue.Reference(match.Groups[1].Value, match.Groups[2].Value),
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: "true" or "false" } flag => new ExampleValue.Flag(flag.Value == "true"),
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: var value } when Regex.IsMatch(value ?? "", @"^-?\d+(\.\d+)?$") => new ExampleValue.Number(value!),
        YamlScalarNode scalar => new ExampleValue.Text(scalar.Value ?? ""),
        _ => throw new FormatException($"unexpected YAML node {node}"),
    };

    /// <summary>Checks an example's resources against the schema snapshot.</summary>
    private sealed class SchemaCheck(IReadOnlyList<ExampleResource> resources, Func<string, string> casing, bool python)
    {
        private readonly List<string> _errors = [];
        private readonly Dictionary<string, string> _tokens = resources.ToDictionary(resource => resource.Variable, resource => $"{PackageSchema.Name}:index:{resource.Component}");

        public List<string> Run(IEnumerable<(string Variable, string Member)> references)
        {
            foreach (var resource in resources)
            {
                var token = _tokens[resource.Variable];
                if (PackageSchema.Schema["resources"]![token] is not JsonObject spec)
                {
                    _errors.Add($"{resource.Variable}: {token} is not a component of the package");
                    continue;
                }

                Object(resource.Variable, spec["inputProperties"]!.AsObject(), spec["requiredInputs"], resource.Args);
            }

            foreach (var (variable, member) in references)
            {
                _ = Output($"{variable}.{member}", variable, member);
            }

            return _errors;
        }

        private void Object(string where, JsonObject properties, JsonNode? required, ExampleValue.Object value)
        {
            var byCasedName = properties.ToDictionary(pair => casing(pair.Key), pair => pair.Value!.AsObject());
            foreach (var (name, member) in value.Members)
            {
                if (byCasedName.TryGetValue(name, out var property))
                {
                    Value($"{where}.{name}", property, member);
                }
                else
                {
                    _errors.Add($"{where}.{name}: not an input (inputs: {string.Join(", ", byCasedName.Keys)})");
                }
            }

            foreach (var name in required?.AsArray().Select(node => casing((string)node!)) ?? [])
            {
                if (!value.Members.ContainsKey(name))
                {
                    _errors.Add($"{where}.{name}: required input missing");
                }
            }
        }

        private void Value(string where, JsonObject spec, ExampleValue value)
        {
            if (value is ExampleValue.Reference reference)
            {
                if (spec["plain"]?.GetValue<bool>() == true)
                {
                    _errors.Add($"{where}: a plain input takes no output ({reference.Variable}.{reference.Member})");
                }

                if (Output(where, reference.Variable, reference.Member) is { } output && !SameType(output, spec))
                {
                    _errors.Add($"{where}: {reference.Variable}.{reference.Member} is a {output.ToJsonString()}, the input a {spec.ToJsonString()}");
                }

                return;
            }

            if ((string?)spec["$ref"] is { } typeRef)
            {
                var type = PackageSchema.TypeOf(typeRef);
                if (type is null || value is not ExampleValue.Object members)
                {
                    _errors.Add($"{where}: expected an object of {typeRef}");
                    return;
                }

                var typeName = typeRef.Split(':').Last();
                if (python && members.Constructor is { } constructor && constructor != $"{typeName}Args")
                {
                    _errors.Add($"{where}: {constructor} is not {typeName}Args");
                }

                Object(where, type["properties"]!.AsObject(), type["required"], members);
                return;
            }

            var ok = ((string?)spec["type"], value) switch
            {
                ("string", ExampleValue.Text) => true,
                ("integer", ExampleValue.Number { IsInteger: true }) => true,
                ("number", ExampleValue.Number) => true,
                ("boolean", ExampleValue.Flag) => true,
                ("array", ExampleValue.List list) => Each(list.Items.Select((item, index) => ($"{where}[{index}]", item)), spec["items"]!.AsObject()),
                ("object", ExampleValue.Object { Constructor: null } map) =>
                    Each(map.Members.Select(pair => ($"{where}.{pair.Key}", pair.Value)), spec["additionalProperties"]?.AsObject() ?? new JsonObject { ["type"] = "string" }),
                _ => false,
            };
            if (!ok)
            {
                _errors.Add($"{where}: {value} is not a {spec["type"]}");
            }
        }

        private bool Each(IEnumerable<(string Where, ExampleValue Value)> items, JsonObject spec)
        {
            foreach (var (where, item) in items)
            {
                Value(where, spec, item);
            }

            return true;
        }

        private JsonObject? Output(string where, string variable, string member)
        {
            var outputs = PackageSchema.Resource(_tokens[variable])["properties"]!.AsObject();
            var output = outputs.FirstOrDefault(pair => casing(pair.Key) == member).Value?.AsObject();
            if (output is null)
            {
                _errors.Add($"{where}: {variable}.{member} is not an output of {_tokens[variable]} (outputs: {string.Join(", ", outputs.Select(pair => casing(pair.Key)))})");
            }

            return output;
        }

        private static bool SameType(JsonObject output, JsonObject input) =>
            (string?)output["type"] == (string?)input["type"] && (string?)output["$ref"] == (string?)input["$ref"];
    }
}
