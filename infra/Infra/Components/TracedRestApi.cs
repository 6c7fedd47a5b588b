using Infra.Core.Api;
using Infra.Core.Naming;
using Pulumi;
using ApiGateway = Pulumi.AwsNative.ApiGateway;
using Aws = Pulumi.Aws;
using Logs = Pulumi.AwsNative.Logs;

namespace Infra.Components;

public sealed class TracedRestApiArgs
{
    public required ApiSpec Spec { get; init; }

    /// <summary>The names of the functions the routes invoke, by function key (<see cref="RouteSpec.FunctionKey"/>).</summary>
    public required IReadOnlyDictionary<string, Input<string>> FunctionNames { get; init; }

    /// <summary>Where the stack deploys: the partition, region and account of the ARNs and URLs the API exposes.</summary>
    public required AwsContext Aws { get; init; }

    public required IReadOnlyDictionary<string, string> Tags { get; init; }
}

/// <summary>
/// The REST API in front of the chatbot (the article's Step 3): the OpenAPI document from Core, a deployment that
/// is replaced whenever that document changes, and a stage with X-Ray tracing, metrics, throttling and JSON access
/// logs. X-Ray traces REST APIs only; HTTP APIs are refused in the settings.
/// </summary>
public sealed class TracedRestApi : ComponentResource
{
    public TracedRestApi(string name, TracedRestApiArgs args, ComponentResourceOptions? options = null)
        : base("adot-tracing:api:TracedRestApi", name, options)
    {
        var child = new CustomResourceOptions { Parent = this };
        var spec = args.Spec;
        var aws = args.Aws;
        var tags = Inputs.Tags(args.Tags);

        var api = new ApiGateway.RestApi($"{name}-api", new ApiGateway.RestApiArgs
        {
            Name = spec.Name,
            Description = spec.Description,
            Body = Inputs.Json(spec.OpenApi),
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
            Description = DeploymentDescription(spec),
        }, child);

        var accessLogs = new Logs.LogGroup($"{name}-access-logs", new Logs.LogGroupArgs
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
            AccessLogSetting = new ApiGateway.Inputs.StageAccessLogSettingArgs
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
                Function = args.FunctionNames[permission.FunctionKey],
                Principal = permission.Principal,
                SourceArn = api.RestApiId.Apply(id => aws.ExecuteApiRouteArn(id, permission.StageName, permission.Method, permission.Path)),
            }, child);
        }

        RestApiId = api.RestApiId;
        DeploymentId = deployment.DeploymentId;
        StageName = stage.StageName.Apply(stageName => stageName ?? spec.StageName);
        InvokeUrl = api.RestApiId.Apply(id => aws.ApiInvokeUrl(id, spec.StageName));
        StageArn = api.RestApiId.Apply(id => aws.ApiStageArn(id, spec.StageName));
        ExecutionArn = api.RestApiId.Apply(aws.ExecuteApiArn);
        RegisterOutputs(new Dictionary<string, object?>
        {
            ["restApiId"] = RestApiId,
            ["invokeUrl"] = InvokeUrl,
            ["stageArn"] = StageArn,
        });
    }

    [Output] public Output<string> RestApiId { get; private set; }

    [Output] public Output<string> DeploymentId { get; private set; }

    [Output] public Output<string> StageName { get; private set; }

    [Output] public Output<string> InvokeUrl { get; private set; }

    [Output] public Output<string> StageArn { get; private set; }

    [Output] public Output<string> ExecutionArn { get; private set; }

    /// <summary>The deployment's logical name: a new OpenAPI document gives a new name, hence a new deployment.</summary>
    public static string DeploymentName(string name, ApiSpec spec) => $"{name}-deployment-{spec.DeploymentKey}";

    /// <summary>The deployment's description, for people reading the console: which document it serves.</summary>
    public static string DeploymentDescription(ApiSpec spec) => $"{spec.Name} routes {spec.DeploymentKey}";
}
