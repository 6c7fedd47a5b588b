using System.Collections.Immutable;
using Infra.Core.Api;
using Infra.Core.Naming;
using Infra.Core.Settings;
using Pulumi;
using ApiGateway = Pulumi.AwsNative.ApiGateway;
using Aws = Pulumi.Aws;
using Logs = Pulumi.AwsNative.Logs;

namespace Infra.Components;

/// <summary>A route of a traced REST API: a Lambda proxy to a function (by its ARN, an output), or a mock.</summary>
public sealed class TracedRoute : ResourceArgs
{
    /// <summary>The HTTP method: GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS or ANY.</summary>
    [Input("method", required: true)]
    public required string Method { get; init; }

    /// <summary>The resource path, starting with /, e.g. /orders/{id}.</summary>
    [Input("path", required: true)]
    public required string Path { get; init; }

    /// <summary>The function's ARN (a TracedFunction's functionArn); none for a route API Gateway answers itself (a mock returning 200).</summary>
    [Input("functionArn")]
    public Input<string>? FunctionArn { get; init; }

    public static TracedRoute Lambda(string method, string path, Input<string> functionArn) => new() { Method = method, Path = path, FunctionArn = functionArn };

    public static TracedRoute Mock(string method, string path) => new() { Method = method, Path = path };
}

/// <summary>What a Pulumi program says about a traced REST API; everything but the routes has a default, applied by the component.</summary>
public sealed class TracedRestApiArgs : ResourceArgs
{
    /// <summary>The API's routes: each a Lambda proxy to a function, or a mock.</summary>
    [Input("routes", required: true)]
    public required List<TracedRoute> Routes { get; init; }

    /// <summary>The API's name. Default: the component's name.</summary>
    [Input("name")]
    public string? Name { get; init; }

    /// <summary>The stage's name. Default: api.</summary>
    [Input("stageName")]
    public string? StageName { get; init; }

    /// <summary>Requests per second for every method. Default 100.</summary>
    [Input("throttlingRateLimit")]
    public double? ThrottlingRateLimit { get; init; }

    /// <summary>Requests in a burst for every method. Default 200.</summary>
    [Input("throttlingBurstLimit")]
    public int? ThrottlingBurstLimit { get; init; }

    /// <summary>The access log group. Default: /aws/apigateway/&lt;api name&gt;/access.</summary>
    [Input("accessLogGroupName")]
    public string? AccessLogGroupName { get; init; }

    /// <summary>Days the access logs are kept. Default 30.</summary>
    [Input("accessLogRetentionDays")]
    public int? AccessLogRetentionDays { get; init; }

    /// <summary>STANDARD (default) or INFREQUENT_ACCESS (cheaper ingestion; no metric filters or subscriptions).</summary>
    [Input("accessLogClass")]
    public string? AccessLogClass { get; init; }

    /// <summary>Pulumi protects the access log group from deletion. Default false.</summary>
    [Input("protectAccessLogs")]
    public bool? ProtectAccessLogs { get; init; }

    /// <summary>Deleting the component leaves the access log group in the account. Default false.</summary>
    [Input("retainAccessLogsOnDelete")]
    public bool? RetainAccessLogsOnDelete { get; init; }

    /// <summary>Log every request to CloudWatch Logs. Default true; it needs API Gateway's account-level CloudWatch Logs
    /// role in the account and Region (ApiGatewayAccount in C#, or a foundation stack), without which creating the stage fails.</summary>
    [Input("accessLogs")]
    public bool? AccessLogs { get; init; }

    /// <summary>The Region of the API's ARNs and URL. Default: the AWS provider's.</summary>
    [Input("region")]
    public string? Region { get; init; }

    /// <summary>The account of the API's ARNs. Default: the caller's.</summary>
    [Input("accountId")]
    public string? AccountId { get; init; }

    /// <summary>Tags on every resource the component creates.</summary>
    [Input("tags")]
    public Dictionary<string, string>? Tags { get; init; }
}

/// <summary>
/// A REST API in front of traced functions (the article's Step 3): the OpenAPI document from Core with each
/// function's real ARN, a deployment that is replaced whenever that document changes, and a stage with X-Ray tracing,
/// metrics, throttling and JSON access logs. X-Ray traces REST APIs only, not HTTP APIs.
/// </summary>
public sealed class TracedRestApi : ComponentResource
{
    public TracedRestApi(string name, TracedRestApiArgs args, ComponentResourceOptions? options = null)
        : base("adot-tracing:api:TracedRestApi", name, options)
    {
        var child = new CustomResourceOptions { Parent = this };
        var apiName = args.Name ?? name;
        var errors = new InputErrors(nameof(TracedRestApi), name);
        var givenRoutes = errors.Required(args.Routes, "routes", "at least one route: method, path and the functionArn of a TracedFunction");
        var routes = (args.Routes ?? []).Select((route, index) => new RouteSpec(
            errors.Required(route.Method, $"routes[{index}].method", "GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS or ANY"),
            errors.Required(route.Path, $"routes[{index}].path", "a resource path starting with /"),
            route.FunctionArn is null ? null : KeyOf(route))).ToList();
        var logClass = errors.Choice(args.AccessLogClass, "STANDARD", EnumNames.LogGroupClasses, "accessLogClass");
        errors.ThrowIfAny();
        var request = new ApiRequest(apiName, args.StageName ?? "api", routes, new ThrottlingSpec(args.ThrottlingRateLimit ?? 100, args.ThrottlingBurstLimit ?? 200),
            args.AccessLogGroupName ?? $"/aws/apigateway/{apiName}/access", args.AccessLogRetentionDays ?? 30,
            new ResourceProtection(args.ProtectAccessLogs ?? false, args.RetainAccessLogsOnDelete ?? false), logClass);
        var arns = givenRoutes.Where(route => route.FunctionArn is not null).ToDictionary(KeyOf, route => route.FunctionArn!);
        var scope = AwsScope.Of(args.Region, args.AccountId).Apply(found => AwsContext.For(found.Region, found.AccountId));
        // The spec's names, routes and settings need no ARN; its document is rebuilt below with the functions' real ARNs.
        var spec = ApiBuilder.Build(request, AwsContext.For(args.Region ?? "us-east-1"), key => key);
        var document = Output.Tuple(scope, Output.All(arns.Select(pair => pair.Value.ToOutput().Apply(arn => KeyValuePair.Create(pair.Key, arn)))))
            .Apply(resolved =>
            {
                var byKey = resolved.Item2.ToDictionary();
                return ApiBuilder.OpenApi(apiName, routes, key => byKey[key], resolved.Item1);
            });
        var tags = Inputs.Tags(args.Tags ?? []);

        var api = new ApiGateway.RestApi($"{name}-api", new ApiGateway.RestApiArgs
        {
            Name = spec.Name,
            Description = spec.Description,
            Body = document.Apply(Inputs.Json),
            FailOnWarnings = spec.FailOnWarnings,
            EndpointConfiguration = new ApiGateway.Inputs.RestApiEndpointConfigurationArgs { Types = { spec.EndpointType } },
            Tags = tags,
        }, child);

        // API Gateway serves a snapshot taken at deployment time. The deployment's name carries the hash of the
        // whole OpenAPI document, so a changed document is a new resource: Pulumi creates the new deployment,
        // points the stage at it, then deletes the old one. Any route or integration change reaches the stage on
        // the next `pulumi up`, and an unchanged document never redeploys.
        var deployment = new ApiGateway.Deployment(DeploymentName(name, spec), new ApiGateway.DeploymentArgs
        {
            RestApiId = api.RestApiId,
            // The routes' keys name the deployment; the description carries the whole document's, with the real
            // ARNs, and a change to it replaces the deployment too (a function re-created under a new ARN).
            Description = document.Apply(openApi => $"{apiName} routes {ApiBuilder.DeploymentKeyOf(openApi)}"),
        }, new CustomResourceOptions { Parent = this, ReplaceOnChanges = { "description" } });

        var accessLogs = !(args.AccessLogs ?? true) ? null : new Logs.LogGroup($"{name}-access-logs", new Logs.LogGroupArgs
        {
            LogGroupName = spec.AccessLogs.LogGroupName,
            RetentionInDays = spec.AccessLogs.RetentionDays,
            // No metric or subscription filter reads the access log, so it may use the cheaper class (set at creation only).
            LogGroupClass = spec.AccessLogs.LogGroupClass == Infra.Core.Settings.LogGroupClass.InfrequentAccess
                ? Logs.LogGroupClass.InfrequentAccess
                : Logs.LogGroupClass.Standard,
            Tags = tags,
        }, Inputs.Guarded(this, spec.AccessLogs.Protection));

        var stage = new ApiGateway.Stage($"{name}-stage", new ApiGateway.StageArgs
        {
            RestApiId = api.RestApiId,
            DeploymentId = deployment.DeploymentId,
            StageName = spec.StageName,
            TracingEnabled = spec.TracingEnabled,
            MethodSettings =
            {
                new ApiGateway.Inputs.StageMethodSettingArgs
                {
                    // Every method of every resource.
                    HttpMethod = "*",
                    ResourcePath = "/*",
                    MetricsEnabled = spec.MetricsEnabled,
                    ThrottlingRateLimit = spec.Throttling.RateLimit,
                    ThrottlingBurstLimit = spec.Throttling.BurstLimit,
                },
            },
            AccessLogSetting = accessLogs is null ? null! : (Input<ApiGateway.Inputs.StageAccessLogSettingArgs>)new ApiGateway.Inputs.StageAccessLogSettingArgs
            {
                DestinationArn = accessLogs.Arn,
                Format = spec.AccessLogs.Format,
            },
            Tags = tags,
        }, child);

        foreach (var permission in spec.InvokePermissions)
        {
            _ = new Aws.Lambda.Permission($"{name}-invoke-{permission.Name}", new Aws.Lambda.PermissionArgs
            {
                Action = permission.Action,
                Function = arns[permission.FunctionKey],
                Principal = permission.Principal,
                SourceArn = Output.Tuple(api.RestApiId, scope).Apply(pair => pair.Item2.ExecuteApiRouteArn(pair.Item1, permission.StageName, permission.Method, permission.Path)),
            }, child);
        }

        RestApiId = api.RestApiId;
        DeploymentId = deployment.DeploymentId;
        StageName = stage.StageName.Apply(stageName => stageName ?? spec.StageName);
        InvokeUrl = Output.Tuple(api.RestApiId, scope).Apply(pair => pair.Item2.ApiInvokeUrl(pair.Item1, spec.StageName));
        StageArn = Output.Tuple(api.RestApiId, scope).Apply(pair => pair.Item2.ApiStageArn(pair.Item1, spec.StageName));
        ExecutionArn = Output.Tuple(api.RestApiId, scope).Apply(pair => pair.Item2.ExecuteApiArn(pair.Item1));
        RegisterOutputs(new Dictionary<string, object?>
        {
            ["restApiId"] = RestApiId,
            ["invokeUrl"] = InvokeUrl,
            ["stageArn"] = StageArn,
        });
    }

    /// <summary>The REST API's id.</summary>
    [Output("restApiId")] public Output<string> RestApiId { get; private set; }

    /// <summary>The deployment the stage serves.</summary>
    [Output("deploymentId")] public Output<string> DeploymentId { get; private set; }

    /// <summary>The stage's name.</summary>
    [Output("stageName")] public Output<string> StageName { get; private set; }

    /// <summary>The stage's URL: https://&lt;id&gt;.execute-api.&lt;region&gt;.amazonaws.com/&lt;stage&gt;.</summary>
    [Output("invokeUrl")] public Output<string> InvokeUrl { get; private set; }

    /// <summary>The stage's ARN.</summary>
    [Output("stageArn")] public Output<string> StageArn { get; private set; }

    /// <summary>The API's execute-api ARN, for invoke permissions.</summary>
    [Output("executionArn")] public Output<string> ExecutionArn { get; private set; }

    /// <summary>How Core refers to a route's function before its ARN is known.</summary>
    private static string KeyOf(TracedRoute route) => $"{route.Method} {route.Path}";

    /// <summary>The deployment's logical name: new routes give a new name, hence a new deployment.</summary>
    public static string DeploymentName(string name, ApiSpec spec) => $"{name}-deployment-{spec.DeploymentKey}";

}
