using Infra.Core.Settings;

namespace Infra.Core.Tests.Settings;

/// <summary>
/// Which foundation an app stack's reference names inside this project. A stack reference name is "stack",
/// "org/stack" or "org/project/stack" (https://www.pulumi.com/docs/iac/concepts/stacks/#create-stack); only a bare
/// name is a stack whose file sits beside this one.
/// </summary>
public class StackRoleTests
{
    [Theory]
    [InlineData("foundation", "foundation")]
    [InlineData("acme/foundation", null)]
    [InlineData("acme/platform/foundation", null)]
    public void OnlyABareReferenceNamesAFoundationOfThisProject(string reference, string? expected) =>
        Assert.Equal(expected, new StackRole(StackKind.App, reference, []).FoundationInThisProject);

    [Fact]
    public void AStandaloneStackOrAFoundationHasNone()
    {
        Assert.Null(StackRole.Standalone.FoundationInThisProject);
        Assert.Null(new StackRole(StackKind.Foundation, "foundation", []).FoundationInThisProject);
    }
}
