namespace Infra.Core.Tests.Settings;

/// <summary>Logs are data too: in prod every log group the stack creates is protected from accidental deletion.</summary>
public class LogGroupProtectionTests
{
    [Theory]
    [InlineData("dev", false)]
    [InlineData("staging", false)]
    [InlineData("prod", true)]
    public void FunctionAndCollectorLogGroupsAreProtectedInProdOnly(string stack, bool protectedLogs)
    {
        var blueprint = TestStacks.Blueprint(stack);
        Assert.Equal(2, blueprint.Functions.Count);
        Assert.Equal([protectedLogs, protectedLogs], blueprint.Functions.Select(function => function.LogGroupProtection.Protect));
        Assert.Equal(protectedLogs, blueprint.Collector!.LogGroupProtection.Protect);
        Assert.Equal(protectedLogs, blueprint.Api.AccessLogs.Protection.Protect);
    }
}
