using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using Infra.Components;
using Infra.Core.Blueprint;
using Infra.Core.Iam;
using Infra.Core.Naming;
using Infra.Core.Settings;
using Pulumi.Utilities;
using Iam = Pulumi.AwsNative.Iam;

namespace Infra.Tests;

/// <summary>CollectorRoles alone: the policy, the roles and the instance profile, mapped from Core's IAM spec.</summary>
[Collection(PulumiCollection.Name)]
public class CollectorRolesComponentTests
{
    private static CollectorIamSpec Spec(string iamMode = "least-privilege")
    {
        var settings = StackSettingsParser.Parse(new RawStackConfig("dev", new Dictionary<string, string>
        {
            ["aws:region"] = StackMocks.Region,
            ["aws-native:region"] = StackMocks.Region,
            ["adot-tracing:iamMode"] = iamMode,
        })).GetOrThrow();
        return StackBlueprint.Create(settings, Infra.Core.App.AppDeclaration.Empty, AwsContext.For(settings.Region, StackMocks.Account)).CollectorIam!;
    }

    private static Task<ComponentRun<CollectorRoles>> RunAsync(CollectorIamSpec spec) =>
        ComponentRun<CollectorRoles>.RunAsync(options => new CollectorRoles(
            "collector-iam",
            new CollectorRolesArgs { Spec = spec, Tags = new Dictionary<string, string> { ["stack"] = "dev" } },
            options));

    [Fact]
    public async Task TaskRoleCarriesTheCreatedPolicyItself()
    {
        var run = await RunAsync(Spec());
        var taskRole = run.Child<Iam.Role>("-task-role").ArgsAs<Iam.RoleArgs>();
        var sources = await ComponentRun<CollectorRoles>.SourcesOfAsync(taskRole.ManagedPolicyArns);
        Assert.Contains(run.Child<Iam.ManagedPolicy>("-collector-policy").Resource, sources);
    }

    [Fact]
    public async Task InstanceProfileHoldsTheHostRole()
    {
        var run = await RunAsync(Spec());
        var profile = run.Child<Iam.InstanceProfile>("-instance-profile").ArgsAs<Iam.InstanceProfileArgs>();
        Assert.Contains(run.Child<Iam.Role>("-instance-role").Resource, await ComponentRun<CollectorRoles>.SourcesOfAsync(profile.Roles));
        Assert.Equal(["adot-tracing-dev-collector-host"], run.Mocks.Single("aws-native:iam:InstanceProfile").Strings("roles"));
    }

    [Theory]
    [InlineData("least-privilege")]
    [InlineData("seed")]
    public async Task PolicyDocumentIsSentAsCoreBuiltIt(string iamMode)
    {
        var spec = Spec(iamMode);
        var run = await RunAsync(spec);
        var policy = run.Mocks.Single("aws-native:iam:ManagedPolicy");
        Assert.Equal(spec.CollectorPolicy.Name, policy.String("managedPolicyName"));
        var sent = JsonNode.Parse(JsonSerializer.Serialize(Plain(policy.Object("policyDocument"))));
        Assert.True(JsonNode.DeepEquals(spec.CollectorPolicy.Document.ToJson(), sent), sent?.ToJsonString());
    }

    [Fact]
    public async Task EveryRoleIsRegisteredWithItsSpecsNameTrustAndPolicies()
    {
        var spec = Spec();
        var run = await RunAsync(spec);
        var roles = run.Mocks.OfType("aws-native:iam:Role").ToDictionary(role => role.String("roleName")!);
        Assert.Equal(
            new[] { spec.TaskRole.Name, spec.ExecutionRole.Name, spec.InstanceRole.Name }.Order(StringComparer.Ordinal),
            roles.Keys.Order(StringComparer.Ordinal));
        foreach (var role in new[] { spec.TaskRole, spec.ExecutionRole, spec.InstanceRole })
        {
            var registered = roles[role.Name];
            var trust = JsonNode.Parse(JsonSerializer.Serialize(Plain(registered.Object("assumeRolePolicyDocument"))));
            Assert.True(JsonNode.DeepEquals(role.TrustPolicy.ToJson(), trust), $"{role.Name}: {trust?.ToJsonString()}");
            Assert.Equal(role.InlinePolicies.Select(inline => inline.Name), registered.List("policies").Cast<ImmutableDictionary<string, object>>().Select(inline => (string)inline["policyName"]));
        }

        Assert.Equal(spec.ExecutionRole.ManagedPolicyArns, roles[spec.ExecutionRole.Name].Strings("managedPolicyArns"));
    }

    [Fact]
    public async Task RoleArnsAreTheCreatedRoles()
    {
        var run = await RunAsync(Spec());
        var arns = run.Component.RoleArns;
        Assert.Equal($"arn:aws:iam::{StackMocks.Account}:role/adot-tracing-dev-AWSOTTaskRole", await OutputUtilities.GetValueAsync(arns.TaskRoleArn));
        Assert.Contains(run.Child<Iam.Role>("-execution-role").Resource, await OutputUtilities.GetDependenciesAsync(arns.ExecutionRoleArn));
        Assert.Contains(run.Child<Iam.InstanceProfile>("-instance-profile").Resource, await OutputUtilities.GetDependenciesAsync(arns.InstanceProfileArn));
    }

    /// <summary>Registered inputs as plain maps and lists, so System.Text.Json can serialise them.</summary>
    private static object? Plain(object? value) => value switch
    {
        ImmutableDictionary<string, object> map => map.ToDictionary(pair => pair.Key, pair => Plain(pair.Value)),
        ImmutableArray<object> list => list.Select(Plain).ToList(),
        _ => value,
    };
}
