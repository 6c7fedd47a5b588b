using Infra.Core.Api;
using Infra.Core.Naming;

namespace Infra.Core.Tests.Api;

/// <summary>The API's OpenAPI document, its deployment key and its invoke permissions for routes beyond the sample app's.</summary>
public class ApiDocumentTests
{
    private static readonly RouteSpec[] Routes =
    [
        RouteSpec.Lambda("POST", "/v1/items", "writer"),
        RouteSpec.Mock("GET", "/health"),
        RouteSpec.Lambda("GET", "/v1/items", "reader"),
        RouteSpec.Lambda("DELETE", "/v1/items", "writer"),
    ];

    private static ApiSpec Build(IReadOnlyList<RouteSpec> routes, string stack = "dev", params (string Key, string Value)[] values)
    {
        var settings = TestStacks.Settings(stack, values);
        return ApiBuilder.Build(settings, StackNames.For(settings), AwsContext.For(settings.Region, TestStacks.Account), routes);
    }

    [Fact]
    public void PathsAndMethodsAreWrittenInOrderSoTheKeyDoesNotDependOnTheRouteOrder()
    {
        var api = Build(Routes);
        var paths = api.OpenApi["paths"]!.AsObject();
        Assert.Equal(["/health", "/v1/items"], paths.Select(path => path.Key));
        Assert.Equal(["delete", "get", "post"], paths["/v1/items"]!.AsObject().Select(method => method.Key));
        var reversed = Build(Enumerable.Reverse(Routes).ToList());
        Assert.Equal(api.OpenApi.ToJsonString(), reversed.OpenApi.ToJsonString());
        Assert.Equal(api.DeploymentKey, reversed.DeploymentKey);
    }

    [Fact]
    public void EachMethodOfAPathProxiesToItsOwnFunction()
    {
        var items = Build(Routes).OpenApi["paths"]!["/v1/items"]!;
        string? Uri(string method) => (string?)items[method]!["x-amazon-apigateway-integration"]!["uri"];
        Assert.EndsWith($":function:adot-tracing-dev-reader/invocations", Uri("get"));
        Assert.EndsWith($":function:adot-tracing-dev-writer/invocations", Uri("post"));
        Assert.EndsWith($":function:adot-tracing-dev-writer/invocations", Uri("delete"));
    }

    [Fact]
    public void TheDocumentIsOpenApi3TitledWithTheApiName()
    {
        var document = Build(Routes, "prod").OpenApi;
        Assert.Equal("3.0.1", (string?)document["openapi"]);
        Assert.Equal("adot-tracing-prod-api", (string?)document["info"]!["title"]);
    }

    /// <summary>
    /// Lambda's resource policy for API Gateway: action lambda:InvokeFunction, principal apigateway.amazonaws.com
    /// (https://docs.aws.amazon.com/apigateway/latest/developerguide/permissions.html#api-gateway-control-access-iam-permissions-model-for-calling-api).
    /// </summary>
    [Fact]
    public void EveryLambdaRouteAndOnlyThoseGetAnInvokePermissionNamedAfterTheRoute()
    {
        var permissions = Build(Routes).InvokePermissions;
        Assert.Equal(
            [
                new InvokePermissionSpec("post-v1-items", "writer", "lambda:InvokeFunction", "apigateway.amazonaws.com", "dev", "POST", "/v1/items"),
                new InvokePermissionSpec("get-v1-items", "reader", "lambda:InvokeFunction", "apigateway.amazonaws.com", "dev", "GET", "/v1/items"),
                new InvokePermissionSpec("delete-v1-items", "writer", "lambda:InvokeFunction", "apigateway.amazonaws.com", "dev", "DELETE", "/v1/items"),
            ],
            permissions);
    }

    [Fact]
    public void ARouteShowsWhatItInvokes()
    {
        Assert.Equal("lambda:reader", RouteSpec.Lambda("GET", "/v1/items", "reader").Target);
        Assert.Equal("mock", RouteSpec.Mock("GET", "/health").Target);
    }

    /// <summary>X-Ray names a REST API stage's segments "api-name/stage": https://docs.aws.amazon.com/xray/latest/devguide/xray-services-apigateway.html</summary>
    [Fact]
    public void TheXRayServiceNameFollowsTheApiNameAndStageFromTheSettingsAlone() =>
        Assert.Equal("adot-tracing-prod-api/live", ApiBuilder.XRayServiceName(TestStacks.Settings("prod", ("api", """{"stageName":"live"}"""))));

    [Fact]
    public void TheApiIsRegionalFailsOnWarningsAndHasPerMethodMetrics()
    {
        var api = Build(Routes);
        Assert.Equal(("REGIONAL", true, true, true), (api.EndpointType, api.FailOnWarnings, api.MetricsEnabled, api.TracingEnabled));
        Assert.Equal("Traced entry point of adot-tracing-dev-api", api.Description);
    }
}
