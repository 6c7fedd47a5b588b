using Infra.Components;
using Pulumi;

namespace TracedApiExample;

/// <summary>
/// GET /hello on a REST API stage traced by X-Ray, answered by a Python function traced with the ADOT layer for the
/// provider's Region. Everything not written here (layer, wrapper, role, log group, Region) has a default.
/// </summary>
public static class TracedApi
{
    public static Dictionary<string, object?> Run()
    {
        var hello = new TracedFunction("hello", new TracedFunctionArgs
        {
            Runtime = "python3.12",
            Handler = "app.handler",
            CodePath = "./hello",
            Imports = ["json"],
        });

        var api = new TracedRestApi("hello-api", new TracedRestApiArgs
        {
            Routes = [TracedRoute.Lambda("GET", "/hello", hello.FunctionArn), TracedRoute.Mock("GET", "/health")],
        });

        return new Dictionary<string, object?>
        {
            ["url"] = api.InvokeUrl,
            ["functionName"] = hello.FunctionName,
        };
    }
}
