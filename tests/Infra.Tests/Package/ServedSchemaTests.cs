using Infra.Core;
using Infra.Provider;

namespace Infra.Tests.Package;

/// <summary>The schema the provider serves is the committed snapshot (refresh it with scripts/package-schema).</summary>
public class ServedSchemaTests
{
    [Fact]
    public async Task ServedSchemaIsTheCommittedSnapshot()
    {
        var snapshot = await File.ReadAllTextAsync(Path.Combine(ProjectRoot.Find(AppContext.BaseDirectory), "infra", "Infra.Provider", "schema.json"));
        var served = await AdotTracingPackage.SchemaAsync();
        Assert.True(snapshot.TrimEnd() == served.TrimEnd(),
            "infra/Infra.Provider/schema.json differs from the schema the provider serves; run scripts/package-schema > infra/Infra.Provider/schema.json and review the diff");
    }
}
