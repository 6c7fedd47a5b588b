using Infra.Core.Api;
using Infra.Core.App;
using Infra.Core.Settings;

namespace Infra.Tests.Apps;

/// <summary>
/// An app unlike the program's own, declared the way a platform team declares theirs: three functions in two
/// runtimes (Python and Node.js), two routes, one queue between two of them. Nothing in Core, the components,
/// the plan's tables or the cost code knows it; the plan and the program's mock tests both deploy it.
/// </summary>
internal sealed class ScratchApp : AppDefinition
{
    public override AppDeclaration Declare(AppSection section, StackSettings settings)
    {
        section.Finish();
        return new AppDeclaration(
            Functions:
            [
                new FunctionDeclaration("orders", "Takes orders", "python3.12", "orders.handler", FunctionCode.Folder("services/orders"),
                    new Dictionary<string, string> { ["CURRENCY"] = "EUR" }, []),
                new FunctionDeclaration("catalog", "Lists products", "nodejs20.x", "index.handler", FunctionCode.Folder("services/catalog"),
                    new Dictionary<string, string>(), []),
                new FunctionDeclaration("fulfil", "Ships what was ordered", "nodejs20.x", "index.handler", FunctionCode.Folder("services/fulfil"),
                    new Dictionary<string, string>(), [], TimeoutSeconds: 60),
            ],
            Routes: [RouteSpec.Lambda("POST", "/orders", "orders"), RouteSpec.Lambda("GET", "/catalog", "catalog")],
            Queues: [new QueueDeclaration("shipments", Producer: "orders", Consumer: "fulfil", BatchSize: 5, UrlVariable: "SHIPMENTS_URL")],
            Tables: []);
    }
}
