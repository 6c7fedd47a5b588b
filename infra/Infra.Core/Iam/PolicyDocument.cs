using System.Text.Json.Nodes;

namespace Infra.Core.Iam;

/// <summary>An IAM condition: <c>"StringEquals": { "aws:SourceAccount": "123456789012" }</c>.</summary>
public sealed record PolicyCondition(string Operator, string Key, IReadOnlyList<string> Values);

/// <summary>One IAM statement, built from typed values so tests can read what it allows.</summary>
public sealed record PolicyStatement(
    string? Sid,
    IReadOnlyList<string> Actions,
    IReadOnlyList<string> Resources,
    IReadOnlyList<PolicyCondition>? Conditions = null,
    string Effect = "Allow",
    string? ServicePrincipal = null)
{
    public static PolicyStatement Allow(string sid, IReadOnlyList<string> actions, params string[] resources) =>
        new(sid, actions, resources);

    public static PolicyStatement AssumeRole(string servicePrincipal, params PolicyCondition[] conditions) =>
        new(null, ["sts:AssumeRole"], [], conditions, ServicePrincipal: servicePrincipal);

    public JsonObject ToJson()
    {
        var json = new JsonObject();
        if (Sid is not null)
        {
            json["Sid"] = Sid;
        }

        json["Effect"] = Effect;
        if (ServicePrincipal is not null)
        {
            json["Principal"] = new JsonObject { ["Service"] = ServicePrincipal };
        }

        json["Action"] = OneOrMany(Actions);
        if (Resources.Count > 0)
        {
            json["Resource"] = OneOrMany(Resources);
        }

        if (Conditions is { Count: > 0 })
        {
            var conditions = new JsonObject();
            foreach (var group in Conditions.GroupBy(condition => condition.Operator))
            {
                var keys = new JsonObject();
                foreach (var condition in group)
                {
                    keys[condition.Key] = OneOrMany(condition.Values);
                }

                conditions[group.Key] = keys;
            }

            json["Condition"] = conditions;
        }

        return json;
    }

    private static JsonNode OneOrMany(IReadOnlyList<string> values) =>
        values.Count == 1 ? JsonValue.Create(values[0]) : new JsonArray(values.Select(value => (JsonNode)JsonValue.Create(value)).ToArray());
}

/// <summary>An IAM policy document (version 2012-10-17).</summary>
public sealed record PolicyDocument(IReadOnlyList<PolicyStatement> Statements)
{
    public const string Version = "2012-10-17";

    public JsonObject ToJson() => new()
    {
        ["Version"] = Version,
        ["Statement"] = new JsonArray(Statements.Select(statement => (JsonNode)statement.ToJson()).ToArray()),
    };

    public string ToJsonString() => ToJson().ToJsonString();
}
