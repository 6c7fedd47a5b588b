using Infra.Core.Iam;

namespace Infra.Core.Tests.Iam;

/// <summary>
/// The collector's roles. Seed mode is the article's Step 1c: a TaskExecutionRole with AmazonECSTaskExecutionRolePolicy,
/// CloudWatchLogsFullAccess and AmazonSSMReadOnlyAccess, nothing else. The hosts' role is the ECS container instance
/// role (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/instance_IAM_role.html) plus Session Manager
/// access (https://docs.aws.amazon.com/systems-manager/latest/userguide/setup-instance-permissions.html), assumed by EC2.
/// </summary>
public class CollectorRolesTests
{
    private const string Custom = """{"config":{"source":"custom"}}""";

    private static CollectorIamSpec Iam(params (string Key, string Value)[] config) => TestStacks.Blueprint("dev", config).CollectorIam!;

    [Fact]
    public void SeedModeWithACustomConfigKeepsTheArticlesExecutionRoleWithoutAnInlinePolicy()
    {
        var role = Iam(("iamMode", "seed"), ("collector", Custom)).ExecutionRole;
        Assert.Equal(
            [
                "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy",
                "arn:aws:iam::aws:policy/CloudWatchLogsFullAccess",
                "arn:aws:iam::aws:policy/AmazonSSMReadOnlyAccess",
            ],
            role.ManagedPolicyArns);
        Assert.Empty(role.InlinePolicies);
    }

    [Fact]
    public void ABundledConfigNeedsNoParameterSoTheExecutionRoleHasNoInlinePolicy()
    {
        var role = Iam(("collector", """{"config":{"source":"bundled"}}""")).ExecutionRole;
        Assert.Equal(["arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"], role.ManagedPolicyArns);
        Assert.Empty(role.InlinePolicies);
    }

    [Fact]
    public void TheCustomConfigsInlinePolicyIsNamedAndReadsOnlyItsParameter()
    {
        var inline = Assert.Single(Iam(("collector", Custom)).ExecutionRole.InlinePolicies);
        Assert.Equal("read-collector-config", inline.Name);
        Assert.Equal(
            $$"""{"Version":"2012-10-17","Statement":[{"Sid":"ReadCollectorConfig","Effect":"Allow","Action":"ssm:GetParameters","Resource":"arn:aws:ssm:us-west-2:{{TestStacks.Account}}:parameter/adot-tracing/dev/collector/config"}]}""",
            inline.Document.ToJsonString());
    }

    [Theory]
    [InlineData("seed")]
    [InlineData("least-privilege")]
    public void HostsRunTheEcsAgentAndSessionManagerAndAreAssumedByEc2Only(string mode)
    {
        var role = Iam(("iamMode", mode)).InstanceRole;
        Assert.Equal(
            ["arn:aws:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role", "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"],
            role.ManagedPolicyArns);
        Assert.Empty(role.InlinePolicies);
        Assert.Equal(
            """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}""",
            role.TrustPolicy.ToJsonString());
    }

    [Fact]
    public void TheTaskRoleCarriesOnlyTheCollectorPolicy()
    {
        var iam = Iam();
        Assert.Equal([iam.CollectorPolicy.Arn], iam.TaskRole.ManagedPolicyArns);
        Assert.Equal($"arn:aws:iam::{TestStacks.Account}:policy/adot-tracing-dev-AWSDistroOpenTelemetryPolicy", iam.CollectorPolicy.Arn);
        Assert.Empty(iam.TaskRole.InlinePolicies);
    }

    [Fact]
    public void ThePolicyDescriptionNamesTheStackAndTheModeAsStackFilesSpellIt()
    {
        Assert.Equal("ADOT collector permissions for stack dev (least-privilege)", Iam().CollectorPolicy.Description);
        Assert.Equal("ADOT collector permissions for stack dev (seed)", Iam(("iamMode", "seed")).CollectorPolicy.Description);
    }
}
