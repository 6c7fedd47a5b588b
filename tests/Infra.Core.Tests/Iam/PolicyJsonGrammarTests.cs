using System.Text.Json.Nodes;
using Infra.Core.Iam;

namespace Infra.Core.Tests.Iam;

/// <summary>
/// Policy documents as IAM reads them. The grammar
/// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html): Version, Statement; per
/// statement an optional Sid, Effect, an optional Principal, Action and Resource as one string or an array of strings
/// (a trust policy has no Resource). Condition: <c>{ "operator": { "key": "value" or ["values"] } }</c>; one condition
/// element holds several operators, each several keys
/// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html,
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_multi-value-conditions.html).
/// </summary>
public class PolicyJsonGrammarTests
{
    private static JsonNode Json(string text) => JsonNode.Parse(text)!;

    [Fact]
    public void OneActionAndOneResourceAreWrittenAsStrings() =>
        AssertJson(
            """{"Sid":"ReadOne","Effect":"Allow","Action":"ssm:GetParameters","Resource":"arn:aws:ssm:us-west-2:123456789012:parameter/a"}""",
            PolicyStatement.Allow("ReadOne", ["ssm:GetParameters"], "arn:aws:ssm:us-west-2:123456789012:parameter/a").ToJson());

    [Fact]
    public void SeveralActionsAndResourcesAreWrittenAsArraysInTheirOrder() =>
        AssertJson(
            """{"Sid":"Write","Effect":"Allow","Action":["logs:CreateLogStream","logs:PutLogEvents"],"Resource":["arn:a","arn:b"]}""",
            PolicyStatement.Allow("Write", ["logs:CreateLogStream", "logs:PutLogEvents"], "arn:a", "arn:b").ToJson());

    [Fact]
    public void AStatementWithoutSidHasNoSidKey() =>
        AssertJson(
            """{"Effect":"Allow","Action":"xray:PutTraceSegments","Resource":"*"}""",
            new PolicyStatement(null, ["xray:PutTraceSegments"], ["*"]).ToJson());

    [Fact]
    public void DenyIsWrittenAsItsEffect() =>
        AssertJson(
            """{"Sid":"No","Effect":"Deny","Action":"s3:*","Resource":"*"}""",
            new PolicyStatement("No", ["s3:*"], ["*"], Effect: "Deny").ToJson());

    [Fact]
    public void AnUnconditionalTrustStatementHasAServicePrincipalAndNeitherResourceNorCondition() =>
        AssertJson(
            """{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}""",
            PolicyStatement.AssumeRole("ec2.amazonaws.com").ToJson());

    [Fact]
    public void AnEmptyConditionListWritesNoConditionElement() =>
        AssertJson(
            """{"Effect":"Allow","Action":"xray:PutTraceSegments","Resource":"*"}""",
            new PolicyStatement(null, ["xray:PutTraceSegments"], ["*"], Conditions: []).ToJson());

    [Fact]
    public void ConditionsShareOneBlockPerOperatorAndSeveralValuesBecomeAnArray() =>
        AssertJson(
            """
            {
              "Effect": "Allow",
              "Principal": { "Service": "ecs-tasks.amazonaws.com" },
              "Action": "sts:AssumeRole",
              "Condition": {
                "StringEquals": { "aws:SourceAccount": "123456789012", "aws:RequestedRegion": ["us-west-2", "eu-west-1"] },
                "ArnLike": { "aws:SourceArn": "arn:aws:ecs:us-west-2:123456789012:*" }
              }
            }
            """,
            PolicyStatement.AssumeRole(
                "ecs-tasks.amazonaws.com",
                new PolicyCondition("StringEquals", "aws:SourceAccount", ["123456789012"]),
                new PolicyCondition("ArnLike", "aws:SourceArn", ["arn:aws:ecs:us-west-2:123456789012:*"]),
                new PolicyCondition("StringEquals", "aws:RequestedRegion", ["us-west-2", "eu-west-1"])).ToJson());

    [Fact]
    public void ADocumentIsVersion20121017WithItsStatementsInOrder() =>
        AssertJson(
            """
            {
              "Version": "2012-10-17",
              "Statement": [
                { "Sid": "A", "Effect": "Allow", "Action": "xray:PutTraceSegments", "Resource": "*" },
                { "Sid": "B", "Effect": "Allow", "Action": "logs:PutLogEvents", "Resource": "arn:a" }
              ]
            }
            """,
            new PolicyDocument([
                PolicyStatement.Allow("A", ["xray:PutTraceSegments"], "*"),
                PolicyStatement.Allow("B", ["logs:PutLogEvents"], "arn:a"),
            ]).ToJson());

    [Fact]
    public void TheJsonStringIsTheDocumentOnOneLine()
    {
        // A CloudWatch Logs resource policy takes the document as a string.
        var text = new PolicyDocument([PolicyStatement.Allow("A", ["logs:PutLogEvents"], "arn:a")]).ToJsonString();
        Assert.Equal("""{"Version":"2012-10-17","Statement":[{"Sid":"A","Effect":"Allow","Action":"logs:PutLogEvents","Resource":"arn:a"}]}""", text);
    }

    private static void AssertJson(string expected, JsonNode actual) =>
        Assert.True(JsonNode.DeepEquals(Json(expected), actual), actual.ToJsonString());
}
