using Infra.App;

namespace Infra.Plan.Tests;

/// <summary>docs/configuration.md is generated (scripts/config-reference): the committed page is the rendering of the sources.</summary>
public sealed class ConfigurationReferenceTests
{
    private static string Rendered() => ConfigurationReference.Render(RepositoryRoot.Path, new ChatbotApp());

    [Fact]
    public void TheCommittedPageIsTheRenderingOfItsSources() =>
        GoldenFile.AssertMatches(ConfigurationReference.PagePath, Rendered(),
            $"The page is generated from Pulumi.yaml, the settings catalog, the app's settings and the stack files: run {ConfigurationReference.Script} and review the diff.");
}
