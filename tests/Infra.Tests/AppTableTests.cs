using System.Collections.Immutable;
using Infra.Components;
using Infra.Core.Messaging;
using Infra.Core.Settings;
using Pulumi;
using Pulumi.Utilities;

namespace Infra.Tests;

/// <summary>AppTable alone: every field of its spec reaches the table, and prod's table is guarded and retained.</summary>
[Collection(PulumiCollection.Name)]
public class AppTableTests
{
    private static Task<ComponentRun<AppTable>> Run(TableSpec spec) =>
        ComponentRun<AppTable>.RunAsync(options => new AppTable("questions", new AppTableArgs
        {
            Spec = spec,
            Tags = new Dictionary<string, string> { ["stack"] = "test" },
        }, options));

    private static TableSpec Spec(string stack) => Blueprints.For(stack).Tables.Single();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task TableKeySchemaAndEncryptionComeFromTheSpec(bool sse)
    {
        var spec = Spec("dev") with
        {
            KeySchema = [new TableKeySpec("questionId", "S", "HASH"), new TableKeySpec("askedAt", "N", "RANGE")],
            ServerSideEncryption = sse,
        };
        var run = await Run(spec);
        var registered = run.Mocks.Single("aws-native:dynamodb:Table");
        var keys = registered.List("keySchema").Cast<ImmutableDictionary<string, object>>().Select(key => ((string)key["attributeName"], (string)key["keyType"]));
        Assert.Equal([("questionId", "HASH"), ("askedAt", "RANGE")], keys);
        var attributes = registered.List("attributeDefinitions").Cast<ImmutableDictionary<string, object>>().Select(key => ((string)key["attributeName"], (string)key["attributeType"]));
        Assert.Equal([("questionId", "S"), ("askedAt", "N")], attributes);
        Assert.Equal(sse, registered.Object("sseSpecification")["sseEnabled"]);
    }

    [Fact]
    public async Task ProdTableHasDeletionProtectionAndPointInTimeRecoveryAndIsRetained()
    {
        var run = await Run(Spec("prod"));
        var table = run.Mocks.Single("aws-native:dynamodb:Table");
        Assert.Equal(true, table.Input("deletionProtectionEnabled"));
        Assert.Equal(true, table.Object("pointInTimeRecoverySpecification")["pointInTimeRecoveryEnabled"]);
        Assert.True(run.OptionsOf("questions-table").Protect);
        Assert.True(run.OptionsOf("questions-table").RetainOnDelete);
    }

    [Fact]
    public async Task DevTableCanBeDeleted()
    {
        var run = await Run(Spec("dev"));
        var table = run.Mocks.Single("aws-native:dynamodb:Table");
        Assert.Equal(false, table.Input("deletionProtectionEnabled"));
        Assert.Equal(false, table.Object("pointInTimeRecoverySpecification")["pointInTimeRecoveryEnabled"]);
        Assert.NotEqual(true, run.OptionsOf("questions-table").Protect);
        Assert.NotEqual(true, run.OptionsOf("questions-table").RetainOnDelete);
    }

    [Fact]
    public async Task ProtectionFollowsTheSpecNotTheEnvironment()
    {
        var run = await Run(Spec("dev") with { Protection = new ResourceProtection(Protect: false, RetainOnDelete: true) });
        Assert.NotEqual(true, run.OptionsOf("questions-table").Protect);
        Assert.True(run.OptionsOf("questions-table").RetainOnDelete);
    }

    [Fact]
    public async Task TheTableKeepsTheUrnItHadUnderTheQueueComponent()
    {
        // Before apps were declared, the table was a child of adot-tracing:messaging:QuestionQueue "questions"; a URN
        // is urn:pulumi:<stack>::<project>::<parent type>$<type>::<name> (pulumi/pulumi sdk/go/common/resource/urn.go).
        var run = await Run(Spec("prod"));
        var alias = await OutputUtilities.GetValueAsync(Assert.Single(run.OptionsOf("questions-table").Aliases).ToOutput());
        Assert.Equal("urn:pulumi:dev::adot-tracing::adot-tracing:messaging:QuestionQueue$aws-native:dynamodb:Table::questions-table",
            alias.Urn);
    }

    [Fact]
    public async Task OutputsAreTheTablesNameAndArn()
    {
        var spec = Spec("dev");
        var run = await Run(spec);
        Assert.Equal(spec.Name, await OutputUtilities.GetValueAsync(run.Component.TableName));
        Assert.Contains(run.Mocks.OutputsRegistered, urn => urn.EndsWith("::questions", StringComparison.Ordinal));
    }
}
