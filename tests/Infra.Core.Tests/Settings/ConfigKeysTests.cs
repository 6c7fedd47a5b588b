using Infra.Core.Settings;
using YamlDotNet.RepresentationModel;

namespace Infra.Core.Tests.Settings;

/// <summary>The keys the program reads are the ones Pulumi.yaml declares, and a stack file may use the providers' namespaces.</summary>
public class ConfigKeysTests
{
    /// <summary>The keys Pulumi.yaml's <c>config:</c> declares, in its order.</summary>
    internal static IReadOnlyList<string> DeclaredInPulumiYaml()
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(Path.Combine(ProjectRoot.Find(AppContext.BaseDirectory), ProjectRoot.ProjectFile));
        yaml.Load(reader);
        var config = (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode)["config"];
        return config.Children.Keys.Select(key => ((YamlScalarNode)key).Value!).ToList();
    }

    [Fact]
    public void TheProjectKeysAreExactlyThoseDeclaredInPulumiYaml() =>
        Assert.Equal(DeclaredInPulumiYaml().Order(StringComparer.Ordinal), ConfigKeys.ProjectKeys.Order(StringComparer.Ordinal));

    [Fact]
    public void TheProjectIsNamedAsInPulumiYaml()
    {
        var text = File.ReadAllLines(Path.Combine(ProjectRoot.Find(AppContext.BaseDirectory), ProjectRoot.ProjectFile));
        Assert.Contains($"name: {ConfigKeys.Project}", text);
        Assert.Equal("adot-tracing:collector", ConfigKeys.Full("collector"));
    }

    [Theory]
    [InlineData("aws:profile")] // the aws provider's own settings
    [InlineData("aws-native:profile")]
    [InlineData("pulumi:disable-default-providers")] // the engine's
    public void TheProvidersAndEnginesNamespacesAreAccepted(string key) =>
        Assert.DoesNotContain(TestStacks.Parse("dev", (key, "x")).Errors, error => error.Key == key);

    [Fact]
    public void AMisspeltNamespaceSuggestsTheNearest()
    {
        var error = TestStacks.Single(TestStacks.Errors("dev", ("awsnative:region", "us-west-2")), "awsnative:region");
        Assert.Equal("unknown config namespace 'awsnative'. Did you mean 'aws-native'? Known namespaces: adot-tracing, aws, aws-native, pulumi.", error.Message);
    }

    [Fact]
    public void ARawConfigGivesItsValuesByFullKey()
    {
        var raw = new RawStackConfig("dev", new Dictionary<string, string> { ["aws:region"] = "eu-west-1" });
        Assert.Equal("eu-west-1", raw.Get("aws:region"));
        Assert.Null(raw.Get("region"));
    }
}
