using Infra.Core.Settings;

namespace Infra.Core.Tests.Messaging;

public class QueueSpecTests
{
    [Fact]
    public void TableIsKeyedByTheMessageIdTheConsumerWrites()
    {
        // functions/sqs-consumer writes each record under the SQS messageId, a string.
        var key = Assert.Single(TestStacks.Blueprint("dev").Tables.Single().KeySchema);
        Assert.Equal(("messageId", "S", "HASH"), (key.AttributeName, key.AttributeType, key.KeyType));
    }

    [Fact]
    public void TableIsEncryptedWithTheManagedKeyInEveryEnvironment() =>
        Assert.All(new[] { "dev", "staging", "prod" }, stack => Assert.True(TestStacks.Blueprint(stack).Tables.Single().ServerSideEncryption));

    [Fact]
    public void ProdGuardsEveryStoreOfQuestions()
    {
        var blueprint = TestStacks.Blueprint("prod");
        var queue = blueprint.Queues.Single();
        Assert.True(blueprint.Tables.Single().DeletionProtection);
        Assert.True(blueprint.Tables.Single().PointInTimeRecovery);
        Assert.Equal(new ResourceProtection(Protect: true, RetainOnDelete: true), blueprint.Tables.Single().Protection);
        Assert.Equal(new ResourceProtection(Protect: true, RetainOnDelete: false), queue.Protection);
        Assert.True(TestStacks.Blueprint("prod").Api.AccessLogs.Protection.Protect);
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("staging")]
    public void OtherEnvironmentsCanBeTornDown(string stack)
    {
        var blueprint = TestStacks.Blueprint(stack);
        var table = blueprint.Tables.Single();
        Assert.False(table.DeletionProtection);
        Assert.False(table.PointInTimeRecovery);
        Assert.Equal(ResourceProtection.None, table.Protection);
        Assert.Equal(ResourceProtection.None, blueprint.Queues.Single().Protection);
        Assert.Equal(ResourceProtection.None, blueprint.Api.AccessLogs.Protection);
    }

    [Fact]
    public void ProdPresetProtectsLogGroups() =>
        Assert.True(EnvironmentPresets.For(DeploymentEnvironment.Prod).Protection.LogGroups.Protect);

    [Fact]
    public void BatchSizeFollowsTheSetting() =>
        Assert.Equal(4, TestStacks.Blueprint("dev", ("app", """{"batchSize":4}""")).Queues.Single().BatchSize);
}
