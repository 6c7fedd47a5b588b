using Infra.Core.Settings;

namespace Infra.Core.Lambda;

/// <summary>Which auto-instrumentations a Python function's layer loads, and why.</summary>
/// <param name="Imports">The top-level modules the function's code imports, as its declaration lists them.</param>
/// <param name="Loaded">The layer's entry points that stay on: those tracing an imported module, and the Lambda handler's.</param>
/// <param name="Disabled">The value of OTEL_PYTHON_DISABLED_INSTRUMENTATIONS, one entry point per item.</param>
/// <param name="Layer">The layer release the entry-point lists were read from.</param>
public sealed record FunctionInstrumentation(
    IReadOnlyList<string> Imports,
    IReadOnlyList<string> Loaded,
    IReadOnlyList<string> Disabled,
    string Layer)
{
    public string DisabledVariableValue => string.Join(",", Disabled);
}

/// <summary>
/// The cold-start budget: a Python function loads only the instrumentations its code uses. Every entry point the
/// layer ships, and every one its wrapper would disable on its own, is disabled unless an imported module needs it;
/// setting the variable replaces the distro wrapper's default list, so ours always covers that list too.
/// </summary>
internal static class InstrumentationBudget
{
    /// <summary>Null when the function is not Python or its declaration does not list its imports (then the layer loads everything).</summary>
    public static FunctionInstrumentation? For(AdotLanguage language, LayerFlavor flavor, IReadOnlyList<string>? imports)
    {
        if (language != AdotLanguage.Python || imports is null)
        {
            return null;
        }

        var layer = PythonInstrumentationCatalog.For(flavor);
        var needed = new HashSet<string>(layer.AlwaysOn, StringComparer.Ordinal);
        foreach (var module in imports)
        {
            if (PythonInstrumentationCatalog.ByModule.TryGetValue(TopLevel(module), out var entryPoints))
            {
                needed.UnionWith(entryPoints);
            }
        }

        var loaded = layer.EntryPoints.Where(needed.Contains).Order(StringComparer.Ordinal).ToList();
        var disabled = layer.EntryPoints.Concat(layer.DisabledByWrapper)
            .Where(entryPoint => !needed.Contains(entryPoint))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        var declared = imports.Select(TopLevel).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return new FunctionInstrumentation(declared, loaded, disabled, layer.Release);
    }

    private static string TopLevel(string module) => module.Split('.', 2)[0];
}
