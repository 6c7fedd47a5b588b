using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Infra.Core.Naming;
using Infra.Core.Settings;

namespace Infra.Core.Api;

/// <summary>A route of the API: a Lambda proxy to a function of the stack, or a mock answered by API Gateway itself.</summary>
/// <param name="FunctionKey">The stack's function the route invokes through a Lambda proxy integration; null for a mock.</param>
public sealed record RouteSpec(string Method, string Path, string? FunctionKey)
{
    public static RouteSpec Lambda(string method, string path, string functionKey) => new(method, path, functionKey);

    public static RouteSpec Mock(string method, string path) => new(method, path, null);

    /// <summary>How the plan shows the target: "lambda:&lt;function key&gt;" or "mock".</summary>
    public string Target => FunctionKey is null ? "mock" : $"lambda:{FunctionKey}";
}

/// <summary>Lets API Gateway invoke a route's function, from this API's stage and route only.</summary>
/// <param name="Name">Unique within the API: names the permission resource.</param>
public sealed record InvokePermissionSpec(string Name, string FunctionKey, string Action, string Principal, string StageName, string Method, string Path);

/// <summary>What a REST API is asked to be: its name, stage, routes and access log.</summary>
public sealed record ApiRequest(
    string Name,
    string StageName,
    IReadOnlyList<RouteSpec> Routes,
    ThrottlingSpec Throttling,
    string AccessLogGroupName,
    int AccessLogRetentionDays,
    ResourceProtection AccessLogProtection,
    LogGroupClass AccessLogClass);

/// <summary>Applied to every method of the stage ("*" on "/*").</summary>
public sealed record ThrottlingSpec(double RateLimit, int BurstLimit);

/// <param name="LogGroupClass">The group's CloudWatch Logs class: nothing reads the access log with a metric or subscription
/// filter, so the environment may put it in Infrequent Access.</param>
public sealed record AccessLogSpec(string LogGroupName, int RetentionDays, string Format, ResourceProtection Protection, LogGroupClass LogGroupClass = LogGroupClass.Standard);

/// <summary>
/// The REST API in front of the app's functions (the article's Step 3): defined once as an OpenAPI document, deployed to
/// a stage with X-Ray tracing on. <see cref="DeploymentKey"/> changes whenever the document does, so the next
/// deployment picks up every route or integration change.
/// </summary>
/// <param name="EndpointType">REGIONAL: served from the stack's region, without an edge-optimised CloudFront distribution in front.</param>
/// <param name="MetricsEnabled">Per-method CloudWatch metrics on the stage.</param>
/// <param name="FailOnWarnings">API Gateway rejects an OpenAPI document it would import with warnings, instead of dropping parts of it.</param>
public sealed record ApiSpec(
    string Name,
    string Description,
    string EndpointType,
    string StageName,
    bool TracingEnabled,
    bool MetricsEnabled,
    IReadOnlyList<RouteSpec> Routes,
    IReadOnlyList<InvokePermissionSpec> InvokePermissions,
    bool FailOnWarnings,
    ThrottlingSpec Throttling,
    AccessLogSpec AccessLogs,
    JsonObject OpenApi,
    string DeploymentKey)
{
    /// <summary>How X-Ray names the stage's segments and services: "&lt;api name&gt;/&lt;stage&gt;".</summary>
    public string XRayServiceName => ApiBuilder.XRayServiceName(Name, StageName);
}

public static class ApiBuilder
{
    /// <summary>
    /// The access log line, one JSON object per request, with the X-Ray trace id to jump from a log to its trace. Lean:
    /// short keys, the epoch time rather than the formatted one, and only what an investigation starts from (who, when,
    /// which route, the answer, how long); every byte is paid for on every request.
    /// Variables: https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-mapping-template-reference.html
    /// </summary>
    public const string AccessLogFormat =
        "{\"rid\":\"$context.requestId\",\"xray\":\"$context.xrayTraceId\",\"ip\":\"$context.identity.sourceIp\","
        + "\"t\":\"$context.requestTimeEpoch\",\"m\":\"$context.httpMethod\",\"p\":\"$context.resourcePath\","
        + "\"s\":\"$context.status\",\"ms\":\"$context.responseLatency\"}";

    public static ApiSpec Build(StackSettings settings, StackNames names, AwsContext aws, IReadOnlyList<RouteSpec> routes)
    {
        var preset = EnvironmentPresets.For(settings.Environment);
        return Build(
            new ApiRequest(names.Api, settings.Api.StageName, routes, new ThrottlingSpec(settings.Api.ThrottlingRateLimit, settings.Api.ThrottlingBurstLimit),
                names.ApiAccessLogGroup, settings.Api.LogRetentionDays, preset.Protection.LogGroups, preset.Logs.AccessLogClass),
            aws,
            key => aws.FunctionArn(names.Function(key)));
    }

    /// <param name="functionArn">The ARN of a route's function, by function key: predicted by the plan, known once deployed.</param>
    public static ApiSpec Build(ApiRequest request, AwsContext aws, Func<string, string> functionArn)
    {
        var openApi = OpenApi(request.Name, request.Routes, functionArn, aws);
        return new ApiSpec(
            request.Name,
            $"Traced entry point of {request.Name}",
            EndpointType: "REGIONAL",
            request.StageName,
            TracingEnabled: true,
            MetricsEnabled: true,
            request.Routes,
            InvokePermissions(request.Routes, request.StageName),
            FailOnWarnings: true,
            request.Throttling,
            new AccessLogSpec(request.AccessLogGroupName, request.AccessLogRetentionDays, AccessLogFormat, request.AccessLogProtection, request.AccessLogClass),
            openApi,
            RouteKeyOf(request.Name, request.Routes, aws));
    }

    /// <summary>
    /// A short hash of the routes and their integrations, by function key: a route added, removed or pointed at another
    /// function gives a new key. It names the API's deployment, so it must be known before any function's ARN is.
    /// </summary>
    public static string RouteKeyOf(string title, IReadOnlyList<RouteSpec> routes, AwsContext aws) =>
        DeploymentKeyOf(OpenApi(title, routes, key => key, aws));

    /// <summary>One permission per Lambda route, for API Gateway's service principal, scoped to the route's ARN.</summary>
    public static IReadOnlyList<InvokePermissionSpec> InvokePermissions(IReadOnlyList<RouteSpec> routes, string stageName) =>
        routes.Where(route => route.FunctionKey is not null)
            .Select(route => new InvokePermissionSpec(
                $"{route.Method}{route.Path.Replace('/', '-')}".ToLowerInvariant(),
                route.FunctionKey!,
                "lambda:InvokeFunction",
                AwsContext.ServicePrincipal("apigateway"),
                stageName,
                route.Method,
                route.Path))
            .ToList();

    /// <summary>A short hash of the whole document: equal documents give equal keys, any change a new key.</summary>
    public static string DeploymentKeyOf(JsonObject openApi) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(openApi.ToJsonString())))[..16].ToLowerInvariant();

    /// <summary>The API's routes as an OpenAPI document with API Gateway's integrations.</summary>
    /// <param name="functionArn">The ARN of a route's function, by function key: predicted by the plan, an output in a deployment.</param>
    public static JsonObject OpenApi(string title, IReadOnlyList<RouteSpec> routes, Func<string, string> functionArn, AwsContext aws)
    {
        var paths = new JsonObject();
        foreach (var group in routes.GroupBy(route => route.Path).OrderBy(group => group.Key, StringComparer.Ordinal))
        {
            var operations = new JsonObject();
            foreach (var route in group.OrderBy(route => route.Method, StringComparer.Ordinal))
            {
                operations[route.Method.ToLowerInvariant()] = Operation(route, functionArn, aws);
            }

            paths[group.Key] = operations;
        }

        return new JsonObject
        {
            ["openapi"] = "3.0.1",
            ["info"] = new JsonObject { ["title"] = title, ["version"] = "1.0" },
            ["paths"] = paths,
        };
    }

    /// <summary>How X-Ray names a REST API stage's segments and service: "&lt;api name&gt;/&lt;stage&gt;".
    /// https://docs.aws.amazon.com/xray/latest/devguide/xray-services-apigateway.html</summary>
    public static string XRayServiceName(string apiName, string stageName) => $"{apiName}/{stageName}";

    /// <summary>The X-Ray service name of a stack's API stage, from its settings alone.</summary>
    public static string XRayServiceName(StackSettings settings) => XRayServiceName(StackNames.For(settings).Api, settings.Api.StageName);

    private static JsonObject Operation(RouteSpec route, Func<string, string> functionArn, AwsContext aws)
    {
        if (route.FunctionKey is not { } functionKey)
        {
            return new JsonObject
            {
                ["responses"] = new JsonObject { ["200"] = new JsonObject { ["description"] = "Healthy" } },
                ["x-amazon-apigateway-integration"] = new JsonObject
                {
                    ["type"] = "mock",
                    ["passthroughBehavior"] = "when_no_match",
                    ["requestTemplates"] = new JsonObject { ["application/json"] = "{\"statusCode\": 200}" },
                    ["responses"] = new JsonObject
                    {
                        ["default"] = new JsonObject
                        {
                            ["statusCode"] = "200",
                            ["responseTemplates"] = new JsonObject { ["application/json"] = "{\"status\": \"ok\"}" },
                        },
                    },
                },
            };
        }

        return new JsonObject
        {
            ["responses"] = new JsonObject(),
            ["x-amazon-apigateway-integration"] = new JsonObject
            {
                ["type"] = "aws_proxy",
                ["httpMethod"] = "POST",
                ["passthroughBehavior"] = "when_no_match",
                ["uri"] = aws.LambdaIntegrationUri(functionArn(functionKey)),
            },
        };
    }
}
