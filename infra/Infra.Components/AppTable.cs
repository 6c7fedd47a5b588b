using System.Collections.Immutable;
using Infra.Core.Messaging;
using Pulumi;
using DynamoDb = Pulumi.AwsNative.DynamoDb;

namespace Infra.Components;

public sealed class AppTableArgs
{
    public required TableSpec Spec { get; init; }

    public required IReadOnlyDictionary<string, string> Tags { get; init; }
}

/// <summary>A DynamoDB table the app's functions write: on demand, encrypted, guarded as the spec says.</summary>
public sealed class AppTable : ComponentResource
{
    public AppTable(string name, AppTableArgs args, ComponentResourceOptions? options = null)
        : base("adot-tracing:messaging:AppTable", name, options)
    {
        var spec = args.Spec;
        var table = new DynamoDb.Table($"{name}-table", new DynamoDb.TableArgs
        {
            TableName = spec.Name,
            BillingMode = spec.BillingMode,
            AttributeDefinitions = spec.KeySchema
                .Select(key => new DynamoDb.Inputs.TableAttributeDefinitionArgs { AttributeName = key.AttributeName, AttributeType = key.AttributeType })
                .ToList(),
            KeySchema = spec.KeySchema
                .Select(key => new DynamoDb.Inputs.TableKeySchemaArgs { AttributeName = key.AttributeName, KeyType = key.KeyType })
                .ToImmutableArray(),
            SseSpecification = new DynamoDb.Inputs.TableSseSpecificationArgs { SseEnabled = spec.ServerSideEncryption },
            PointInTimeRecoverySpecification = new DynamoDb.Inputs.TablePointInTimeRecoverySpecificationArgs { PointInTimeRecoveryEnabled = spec.PointInTimeRecovery },
            DeletionProtectionEnabled = spec.DeletionProtection,
            Tags = Inputs.Tags(args.Tags),
        }, WithFormerUrn(Inputs.Guarded(this, spec.Protection), name));

        TableName = table.TableName.Apply(tableName => tableName ?? spec.Name);
        TableArn = table.Arn;
        RegisterOutputs(new Dictionary<string, object?> { ["tableName"] = TableName, ["tableArn"] = TableArn });
    }

    /// <summary>
    /// Stacks deployed before tables were declared per app hold the table under the queue component of the same name
    /// (type adot-tracing:messaging:QuestionQueue). This alias keeps that URN, so a guarded table is never replaced;
    /// where no such resource exists the alias matches nothing.
    /// </summary>
    private static CustomResourceOptions WithFormerUrn(CustomResourceOptions options, string name)
    {
        options.Aliases.Add(new Alias
        {
            Urn = $"urn:pulumi:{Deployment.Instance.StackName}::{Deployment.Instance.ProjectName}::adot-tracing:messaging:QuestionQueue$aws-native:dynamodb:Table::{name}-table",
        });
        return options;
    }

    [Output] public Output<string> TableName { get; private set; }

    [Output] public Output<string> TableArn { get; private set; }
}
