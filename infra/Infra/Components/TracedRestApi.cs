using Infra.Core.Api;
using Pulumi;
using ApiGateway = Pulumi.AwsNative.ApiGateway;
using Aws = Pulumi.Aws;
using Logs = Pulumi.AwsNative.Logs;

namespace Infra.Components;

public sealed class TracedRestApiArgs
{
    public required ApiSpec Spec { get; init; }

    /// <summary>The functions the routes invoke, by function key (a route's target is "lambda:&lt;key&gt;").</summary>
    public required IReadOnlyDictionary<string, TracedFunction> Functions { get; init; }

    public required string Region { get; init; }

    public required string AccountId { get; init; }

    public required string Partition { get; init; }

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
        var tags = Inputs.Tags(args.Tags);

        var api = new ApiGateway.RestApi($"{name}-api", new ApiGateway.RestApiArgs
        {
            Name = spec.Name,
            Description = $"Traced entry point of {spec.Name}",
            Body = Inputs.Json(spec.OpenApi),
            FailOnWarnings = true,
            EndpointConfiguration = new ApiGateway.Inputs.RestApiEndpointConfigurationArgs { Types = { "REGIONAL" } },
            Tags = tags,
        }, child);

        // API Gateway serves a snapshot taken at deployment time. The description carries the hash of the whole
        // OpenAPI document, and a change of description replaces the deployment, so any route or integration
        // change reaches the stage on the next `pulumi up`.
        var deployment = new ApiGateway.Deployment($"{name}-deployment", new ApiGateway.DeploymentArgs
        {
            RestApiId = api.RestApiId,
            Description = DeploymentDescription(spec),
        }, new CustomResourceOptions { Parent = this, ReplaceOnChanges = { "description" } });

        var accessLogs = new Logs.LogGroup($"{name}-access-logs", new Logs.LogGroupArgs
        {
            LogGroupName = spec.AccessLogs.LogGroupName,
            RetentionInDays = spec.AccessLogs.RetentionDays,
            Tags = tags,
        }, child);

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
                    HttpMethod = "*",
                    ResourcePath = "/*",
                    MetricsEnabled = true,
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

        var executionArn = Output.Format($"arn:{args.Partition}:execute-api:{args.Region}:{args.AccountId}:{api.RestApiId}");
        foreach (var route in spec.Routes.Where(route => route.Target.StartsWith("lambda:", StringComparison.Ordinal)))
        {
            var function = args.Functions[route.Target["lambda:".Length..]];
            var slug = $"{route.Method}{route.Path.Replace('/', '-')}".ToLowerInvariant();
            _ = new Aws.Lambda.Permission($"{name}-invoke-{slug}", new Aws.Lambda.PermissionArgs
            {
                Action = "lambda:InvokeFunction",
                Function = function.FunctionName,
                Principal = "apigateway.amazonaws.com",
                // Only this API's stage and route may invoke the function.
                SourceArn = Output.Format($"{executionArn}/{spec.StageName}/{route.Method}{route.Path}"),
            }, child);
        }

        RestApiId = api.RestApiId;
        DeploymentId = deployment.DeploymentId;
        StageName = stage.StageName.Apply(stageName => stageName ?? spec.StageName);
        InvokeUrl = Output.Format($"https://{api.RestApiId}.execute-api.{args.Region}.amazonaws.com/{spec.StageName}");
        StageArn = Output.Format($"arn:{args.Partition}:apigateway:{args.Region}::/restapis/{api.RestApiId}/stages/{spec.StageName}");
        ExecutionArn = executionArn;
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

    /// <summary>The deployment's description; it changes exactly when the OpenAPI document does.</summary>
    public static string DeploymentDescription(ApiSpec spec) => $"{spec.Name} routes {spec.DeploymentKey}";
}
