namespace Infra.Tests;

/// <summary>
/// The whole program with Transaction Search on for the account: the collector's config parameter carries the OTLP
/// exporter and the collector policy the OTLP statements (expected values from the X-Ray and CloudWatch OTLP
/// endpoint docs, see tests/Infra.Core.Tests/Collector/OtlpTraceExportTests.cs).
/// </summary>
[Collection(PulumiCollection.Name)]
public class OtlpTraceExportStackTests
{
    [Fact]
    public async Task WithTransactionSearchOnElsewhereTheCollectorSendsSpansToTheXRayOtlpEndpointWithOnlyPutTraceSegmentsForIt()
    {
        var run = await StackRun.RunAsync("staging", new Dictionary<string, string>
        {
            ["collector"] = """{"config":{"source":"custom"}}""",
            ["transactionSearch"] = """{"enabledElsewhere":true}""",
        });
        var yaml = run.Mocks.Single("aws-native:ssm:Parameter").String("value")!;
        Assert.Contains($"traces_endpoint: 'https://xray.{StackMocks.Region}.amazonaws.com/v1/traces'", yaml);
        Assert.Contains("authenticator: sigv4auth", yaml);

        var statements = Statement.Of(run.Mocks.Single("aws-native:iam:ManagedPolicy").Object("policyDocument"));
        Assert.Contains(Statement.Allow("SendSpansToXRayOtlpEndpoint", ["xray:PutTraceSegments"], "*"), statements);
        Assert.DoesNotContain(statements, statement => statement.Actions.Contains("xray:PutTelemetryRecords", StringComparison.Ordinal));

        // Another stack owns the account-wide switch, so this one creates none of it.
        Assert.Empty(run.Mocks.OfType("aws-native:xray:TransactionSearchConfig"));
    }
}
