using Infra.Core.Lambda;
using Infra.Core.Settings;

namespace Infra.Core.Tests.Lambda;

/// <summary>How a function's declared imports are read: by top-level package, each once, in order.</summary>
public class DeclaredImportsTests
{
    [Theory]
    [InlineData(LayerFlavor.Legacy)]
    [InlineData(LayerFlavor.Distro)]
    public void EachTopLevelPackageIsListedOnceInOrder(LayerFlavor flavor)
    {
        var budget = InstrumentationBudget.For(AdotLanguage.Python, flavor, ["requests.adapters", "os.path", "botocore.session", "os", "requests"])!;
        Assert.Equal(["botocore", "os", "requests"], budget.Imports);
        Assert.Contains("requests", budget.Loaded);
        Assert.Contains("botocore", budget.Loaded);
    }

    [Fact]
    public void TheVariableListsEachDisabledEntryPointOnce()
    {
        // Setting the variable replaces the distro wrapper's own list, so every name of that list is in it, next to
        // the entry points the layer ships: names in both appear once.
        var budget = InstrumentationBudget.For(AdotLanguage.Python, LayerFlavor.Distro, [])!;
        Assert.Equal(budget.Disabled.Distinct().Count(), budget.Disabled.Count);
        Assert.Equal(string.Join(",", budget.Disabled), budget.DisabledVariableValue);
        Assert.Contains("flask", budget.Disabled);
    }
}
