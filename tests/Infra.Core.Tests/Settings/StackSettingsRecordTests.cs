using Infra.Core.Settings;

namespace Infra.Core.Tests.Settings;

/// <summary>What the settings records derive from their fields.</summary>
public class StackSettingsRecordTests
{
    [Fact]
    public void ARouteIsItsMethodAndPath() =>
        Assert.Equal("POST /chat", new RouteTraffic("POST", "/chat", 5).Route);

    [Theory]
    [InlineData(false, false, false)]
    [InlineData(true, false, true)]
    [InlineData(false, true, true)]
    public void TransactionSearchIsOnForTheAccountWhenThisOrAnotherStackTurnsItOn(bool enabled, bool elsewhere, bool expected) =>
        Assert.Equal(expected, new TransactionSearchSettings(enabled, 1, elsewhere).OnForAccount);
}
