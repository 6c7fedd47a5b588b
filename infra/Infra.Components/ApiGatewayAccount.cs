using Infra.Core.Iam;
using Pulumi;
using ApiGateway = Pulumi.AwsNative.ApiGateway;

namespace Infra.Components;

public sealed class ApiGatewayAccountArgs
{
    /// <summary>The role API Gateway assumes: trusted by apigateway.amazonaws.com, with AmazonAPIGatewayPushToCloudWatchLogs.</summary>
    public required RoleSpec Role { get; init; }

    public required IReadOnlyDictionary<string, string> Tags { get; init; }
}

/// <summary>
/// API Gateway's account-level CloudWatch Logs role, which a stage needs before it can log access: a role API Gateway
/// can assume and AWS::ApiGateway::Account pointing at it. There is one such setting per account and Region, so only a
/// foundation stack creates this component.
/// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-apigateway-account.html
/// https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html
/// </summary>
public sealed class ApiGatewayAccount : ComponentResource
{
    public ApiGatewayAccount(string name, ApiGatewayAccountArgs args, ComponentResourceOptions? options = null)
        : base("adot-tracing:apigateway:ApiGatewayAccount", name, options)
    {
        var child = new CustomResourceOptions { Parent = this };
        var role = CollectorRoles.Role($"{name}-role", args.Role, args.Tags, child);
        var account = new ApiGateway.Account($"{name}-account", new ApiGateway.AccountArgs { CloudWatchRoleArn = role.Arn }, child);
        CloudWatchRoleArn = Output.Tuple(role.Arn, account.Id).Apply(pair => pair.Item1);
        RegisterOutputs(new Dictionary<string, object?> { ["cloudWatchRoleArn"] = CloudWatchRoleArn });
    }

    /// <summary>The role's ARN, once the account setting points at it.</summary>
    [Output] public Output<string> CloudWatchRoleArn { get; private set; }
}
