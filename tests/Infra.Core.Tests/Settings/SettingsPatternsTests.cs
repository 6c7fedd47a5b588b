using Infra.Core.Settings;

namespace Infra.Core.Tests.Settings;

/// <summary>The shapes of AWS identifiers the settings accept, each tested on both sides of every rule.</summary>
public class SettingsPatternsTests
{
    /// <summary>
    /// EC2 resource ids are the type prefix and 8 or 17 hexadecimal characters, as EC2 returns them in lower case
    /// (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/resource-ids.html).
    /// </summary>
    [Theory]
    [InlineData("vpc-09afaf09", true)]
    [InlineData("vpc-0123456789abcdef0", true)]
    [InlineData("vpc-fffffffffffffffff", true)]
    [InlineData("vpc-0123456", false)] // 7
    [InlineData("vpc-012345678", false)] // 9
    [InlineData("vpc-0123456789abcdef", false)] // 16
    [InlineData("vpc-0123456789abcdef01", false)] // 18
    [InlineData("vpc-0123456g", false)]
    [InlineData("vpc-0123456A", false)]
    [InlineData("vpc-", false)]
    [InlineData("xvpc-01234567", false)]
    [InlineData("vpc-01234567x", false)]
    [InlineData("vpc-01234567\n", false)]
    [InlineData("vpc_01234567", false)]
    public void VpcIds(string id, bool valid) => Assert.Equal(valid, SettingsPatterns.VpcId().IsMatch(id));

    [Theory]
    [InlineData("subnet-09afaf09", true)]
    [InlineData("subnet-0123456789abcdef0", true)]
    [InlineData("subnet-0123456", false)]
    [InlineData("subnet-012345678", false)]
    [InlineData("subnet-0123456789abcdef", false)]
    [InlineData("subnet-0123456789abcdef01", false)]
    [InlineData("subnet-0123456g", false)]
    [InlineData("subnet-0123456A", false)]
    [InlineData("xsubnet-01234567", false)]
    [InlineData("subnet-01234567x", false)]
    [InlineData("subnet-01234567\n", false)]
    [InlineData("vpc-01234567", false)]
    public void SubnetIds(string id, bool valid) => Assert.Equal(valid, SettingsPatterns.SubnetId().IsMatch(id));

    /// <summary>Collector images are tagged with their release, vMAJOR.MINOR.PATCH (https://github.com/aws-observability/aws-otel-collector/releases).</summary>
    [Theory]
    [InlineData("v0.49.0", true)]
    [InlineData("v9.10.987", true)]
    [InlineData("v10.0.1", true)]
    [InlineData("latest", false)]
    [InlineData("0.49.0", false)]
    [InlineData("V0.49.0", false)]
    [InlineData("v.49.0", false)]
    [InlineData("v0..0", false)]
    [InlineData("v0.49.", false)]
    [InlineData("v0.49", false)]
    [InlineData("v0x49.0", false)]
    [InlineData("v0.49x0", false)]
    [InlineData("v0.a.0", false)]
    [InlineData("xv0.49.0", false)]
    [InlineData("v0.49.0-rc1", false)]
    [InlineData("v0.49.0\n", false)]
    public void ImageTags(string tag, bool valid) => Assert.Equal(valid, SettingsPatterns.ImageTag().IsMatch(tag));

    /// <summary>
    /// Lambda layer version ARNs: arn:partition:lambda:region:account:layer:name:version, the name 1-140 letters,
    /// digits, hyphens or underscores (https://docs.aws.amazon.com/lambda/latest/api/API_LayerVersionsListItem.html,
    /// https://docs.aws.amazon.com/lambda/latest/api/API_PublishLayerVersion.html).
    /// </summary>
    [Theory]
    [InlineData("arn:aws:lambda:us-west-2:123456789012:layer:AZaz09_-:1", true)]
    [InlineData("arn:aws-cn:lambda:cn-north-1:123456789012:layer:x:123456789", true)]
    [InlineData("arn:aws-us-gov:lambda:us-gov-west-1:123456789012:layer:x:0", true)]
    [InlineData("arn:aws:lambda:za-09:123456789012:layer:x:1", true)]
    [InlineData("arn:aws:lambda:us-west-2:123456789012:layer:x:1234567890", false)] // a version of 10 digits
    [InlineData("arn:aws:lambda:us-west-2:123456789012:layer:x:", false)]
    [InlineData("arn:aws:lambda:us-west-2:123456789012:layer:x", false)]
    [InlineData("arn:aws:lambda:us-west-2:123456789012:layer::1", false)]
    [InlineData("arn:aws:lambda:us-west-2:123456789012:layer:x.y:1", false)]
    [InlineData("arn:aws:lambda:us-west-2:12345678901:layer:x:1", false)]
    [InlineData("arn:aws:lambda:us-west-2:1234567890123:layer:x:1", false)]
    [InlineData("arn:aws:lambda:us-west-2:12345678901a:layer:x:1", false)]
    [InlineData("arn:aws:lambda:US-WEST-2:123456789012:layer:x:1", false)]
    [InlineData("arn:aws:lambda::123456789012:layer:x:1", false)]
    [InlineData("arn:aws:lambda:us-west-2:123456789012:function:x:1", false)]
    [InlineData("arn:aws:s3:us-west-2:123456789012:layer:x:1", false)]
    [InlineData("arn:azure:lambda:us-west-2:123456789012:layer:x:1", false)]
    [InlineData("arn:AWS:lambda:us-west-2:123456789012:layer:x:1", false)]
    [InlineData("xarn:aws:lambda:us-west-2:123456789012:layer:x:1", false)]
    [InlineData("arn:aws:lambda:us-west-2:123456789012:layer:x:1x", false)]
    [InlineData("arn:aws:lambda:us-west-2:123456789012:layer:x:1\n", false)]
    public void LayerArns(string arn, bool valid) => Assert.Equal(valid, SettingsPatterns.LayerArn().IsMatch(arn));

    [Fact]
    public void LayerNamesMayHave140Characters()
    {
        Assert.Matches(SettingsPatterns.LayerArn(), $"arn:aws:lambda:us-west-2:123456789012:layer:{new string('n', 140)}:1");
        Assert.DoesNotMatch(SettingsPatterns.LayerArn(), $"arn:aws:lambda:us-west-2:123456789012:layer:{new string('n', 141)}:1");
    }

    [Fact]
    public void ALayerArnsPartsAreNamed()
    {
        var match = SettingsPatterns.LayerArn().Match("arn:aws-cn:lambda:cn-northwest-1:210987654321:layer:AWSOpenTelemetryDistroPython:23");
        Assert.True(match.Success);
        Assert.Equal(
            ("aws-cn", "cn-northwest-1", "210987654321", "AWSOpenTelemetryDistroPython", "23"),
            (match.Groups["partition"].Value, match.Groups["region"].Value, match.Groups["account"].Value, match.Groups["name"].Value, match.Groups["version"].Value));
    }

    /// <summary>Bedrock knowledge base ids are 10 letters or digits (https://docs.aws.amazon.com/bedrock/latest/APIReference/API_agent_GetAgentKnowledgeBase.html).</summary>
    [Theory]
    [InlineData("AZ09AZ09AZ", true)]
    [InlineData("KB12345678", true)]
    [InlineData("kb12345678", true)]
    [InlineData("kb1234567\u00e9", false)]
    [InlineData("KB1234567", false)]
    [InlineData("KB123456789", false)]
    [InlineData("KB-1234567", false)]
    [InlineData("", false)]
    [InlineData("xKB12345678", false)]
    [InlineData("KB12345678\n", false)]
    public void KnowledgeBaseIds(string id, bool valid) => Assert.Equal(valid, SettingsPatterns.KnowledgeBaseId().IsMatch(id));

    /// <summary>
    /// API Gateway stage names: letters, digits, hyphens and underscores, at most 128 characters
    /// (https://docs.aws.amazon.com/apigateway/latest/api/API_CreateStage.html).
    /// </summary>
    [Theory]
    [InlineData("AZaz09_-", true)]
    [InlineData("v1", true)]
    [InlineData("", false)]
    [InlineData("v1.0", false)]
    [InlineData("my stage", false)]
    [InlineData("stage/1", false)]
    [InlineData("v1\n", false)]
    public void StageNames(string name, bool valid) => Assert.Equal(valid, SettingsPatterns.StageName().IsMatch(name));

    [Fact]
    public void StageNamesMayHave128Characters()
    {
        Assert.Matches(SettingsPatterns.StageName(), new string('s', 128));
        Assert.DoesNotMatch(SettingsPatterns.StageName(), new string('s', 129));
    }

    /// <summary>
    /// X-Ray sampling rule names are at most 32 characters (https://docs.aws.amazon.com/xray/latest/api/API_SamplingRule.html);
    /// the user's part is at most 20, leaving room for the stack prefix.
    /// </summary>
    [Theory]
    [InlineData("AZaz09_-", true)]
    [InlineData("a", true)]
    [InlineData("", false)]
    [InlineData("rule.1", false)]
    [InlineData("rule 1", false)]
    [InlineData("rule\n", false)]
    public void RuleNames(string name, bool valid) => Assert.Equal(valid, SettingsPatterns.RuleName().IsMatch(name));

    [Fact]
    public void RuleNamesMayHave20Characters()
    {
        Assert.Matches(SettingsPatterns.RuleName(), new string('r', 20));
        Assert.DoesNotMatch(SettingsPatterns.RuleName(), new string('r', 21));
    }

    /// <summary>API Gateway's HTTP methods, ANY included (https://docs.aws.amazon.com/apigateway/latest/api/API_PutMethod.html).</summary>
    [Theory]
    [InlineData("GET", true)]
    [InlineData("POST", true)]
    [InlineData("PUT", true)]
    [InlineData("PATCH", true)]
    [InlineData("DELETE", true)]
    [InlineData("HEAD", true)]
    [InlineData("OPTIONS", true)]
    [InlineData("ANY", true)]
    [InlineData("get", false)]
    [InlineData("GETS", false)]
    [InlineData("XGET", false)]
    [InlineData("TRACE", false)]
    [InlineData("GET\n", false)]
    [InlineData("", false)]
    public void HttpMethods(string method, bool valid) => Assert.Equal(valid, SettingsPatterns.HttpMethod().IsMatch(method));
}
