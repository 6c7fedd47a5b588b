using Infra.Core.Collector;
using Infra.Core.Iam;
using Infra.Core.Naming;
using Infra.Core.Settings;

namespace Infra.Core.Tests.Collector;

public class CollectorIamTests
{
    private static readonly string[] ArticleActions =
    [
        "logs:PutLogEvents", "logs:CreateLogGroup", "logs:CreateLogStream", "logs:DescribeLogStreams", "logs:DescribeLogGroups",
        "logs:PutRetentionPolicy", "xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules",
        "xray:GetSamplingTargets", "xray:GetSamplingStatisticSummaries", "cloudwatch:PutMetricData", "ec2:DescribeVolumes",
        "ec2:DescribeTags", "ssm:GetParameters",
    ];

    [Fact]
    public void SeedPolicyEqualsTheArticlesExactly()
    {
        var iam = TestStacks.Blueprint("dev", ("iamMode", "seed")).CollectorIam!;
        var statement = Assert.Single(iam.CollectorPolicy.Document.Statements);
        Assert.Equal("Allow", statement.Effect);
        Assert.Equal(["*"], statement.Resources);
        Assert.Equal(ArticleActions.Order(), statement.Actions.Order());
        Assert.Null(statement.Conditions);
    }

    [Fact]
    public void SeedExecutionRoleHasTheArticlesThreeManagedPolicies()
    {
        var iam = TestStacks.Blueprint("dev", ("iamMode", "seed")).CollectorIam!;
        Assert.Equal(
            ["arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy", "arn:aws:iam::aws:policy/CloudWatchLogsFullAccess", "arn:aws:iam::aws:policy/AmazonSSMReadOnlyAccess"],
            iam.ExecutionRole.ManagedPolicyArns);
    }

    [Fact]
    public void CustomConfigLetsOnlyTheExecutionRoleReadItsParameter()
    {
        var iam = TestStacks.Blueprint("dev", ("collector", """{"config":{"source":"custom"}}""")).CollectorIam!;
        Assert.Equal(["arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"], iam.ExecutionRole.ManagedPolicyArns);
        var statement = Assert.Single(Assert.Single(iam.ExecutionRole.InlinePolicies).Document.Statements);
        Assert.Equal(["ssm:GetParameters"], statement.Actions);
        Assert.Equal([$"arn:aws:ssm:us-west-2:{TestStacks.Account}:parameter/adot-tracing/dev/collector/config"], statement.Resources);
    }

    [Fact]
    public void TrustPolicyIsEcsTasksForThisAccountOnly()
    {
        var iam = TestStacks.Blueprint("dev").CollectorIam!;
        foreach (var role in new[] { iam.TaskRole, iam.ExecutionRole })
        {
            var statement = Assert.Single(role.TrustPolicy.Statements);
            Assert.Equal("ecs-tasks.amazonaws.com", statement.ServicePrincipal);
            var condition = Assert.Single(statement.Conditions!);
            Assert.Equal(("StringEquals", "aws:SourceAccount"), (condition.Operator, condition.Key));
            Assert.Equal([TestStacks.Account], condition.Values);
        }
    }

    [Fact]
    public void IamNamesDifferAcrossStacks()
    {
        var dev = TestStacks.Blueprint("dev").CollectorIam!;
        var prod = TestStacks.Blueprint("prod").CollectorIam!;
        string[] Names(CollectorIamSpec iam) => [iam.CollectorPolicy.Name, iam.TaskRole.Name, iam.ExecutionRole.Name, iam.InstanceRole.Name];
        Assert.Empty(Names(dev).Intersect(Names(prod)));
        Assert.All(Names(dev).Concat(Names(prod)), name => Assert.True(name.Length <= 64, name));
        Assert.EndsWith("AWSOTTaskRole", dev.TaskRole.Name);
    }

    [Fact]
    public void PolicyJsonHasVersionAndStatement()
    {
        var json = CollectorIam.SeedPolicy().ToJson();
        Assert.Equal(PolicyDocument.Version, (string?)json["Version"]);
        Assert.Equal("*", (string?)json["Statement"]![0]!["Resource"]);
    }
}
