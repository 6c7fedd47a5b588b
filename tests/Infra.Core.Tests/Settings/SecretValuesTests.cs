using Infra.Core.Settings;

namespace Infra.Core.Tests.Settings;

/// <summary>How secret texts are found and hidden: [secret] stands in for each, as the Pulumi CLI prints secrets
/// (pulumi/pulumi v3.259.0 pkg/cmd/pulumi/config/io.go, AddGlobalSecretFilter(secrets, "[secret]")).</summary>
public class SecretValuesTests
{
    private static SecretValues Of(params string[] texts) => new(texts.Select((text, index) => new SecretText($"k:{index}", text)));

    [Fact]
    public void EveryOccurrenceIsMasked() =>
        Assert.Equal("a [secret] b [secret]", Of("tok").Mask("a tok b tok"));

    [Fact]
    public void ASecretHoldingAnotherIsMaskedWhole() =>
        Assert.Equal("url [secret] and [secret]", Of("abc", "https://x/abc").Mask("url https://x/abc and abc"));

    [Fact]
    public void TextHoldingASecretInPartHoldsIt()
    {
        var secrets = Of("KB12345678");
        Assert.True(secrets.Holds("arn:aws:bedrock:us-west-2:1:knowledge-base/KB12345678"));
        Assert.False(secrets.Holds("arn:aws:bedrock:us-west-2:1:knowledge-base/KB1234567"));
        Assert.False(secrets.Holds(null));
    }

    [Fact]
    public void EmptyTextIsNoSecret()
    {
        Assert.True(Of("").IsEmpty);
        Assert.False(Of("").Holds("anything"));
    }

    [Theory]
    [InlineData("adot-tracing:alerts.subscriptions[0].endpoint", "adot-tracing:alerts")]
    [InlineData("adot-tracing:sampling.rules[1]", "adot-tracing:sampling")]
    [InlineData("aws:region", "aws:region")]
    [InlineData("adot-tracing:traffic.GET /static/*.js", "adot-tracing:traffic")]
    public void APathBelongsToItsTopLevelKey(string path, string key) => Assert.Equal(key, SecretTracker.TopLevelKey(path));

    [Theory]
    [InlineData("a:b.c", "a:b", true)]
    [InlineData("a:b[0]", "a:b", true)]
    [InlineData("a:b", "a:b", true)]
    [InlineData("a:bc", "a:b", false)]
    [InlineData("a:b.c", "a:b.cd", false)]
    public void AnErrorKeyLiesAtOrBelowAPath(string key, string path, bool below) => Assert.Equal(below, SecretTracker.IsAtOrBelow(key, path));
}
