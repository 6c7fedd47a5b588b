using System.Text.Json.Nodes;

namespace Infra.Plan.Tests;

/// <summary>The plan's collector section says which exporter sends the spans, where, and why (table and JSON).</summary>
public sealed class TraceExportPlanTests : IDisposable
{
    private const string OtlpStack = """
        config:
          aws:region: us-west-2
          aws-native:region: us-west-2
          adot-tracing:environment: staging
          adot-tracing:collector:
            config:
              source: custom
          adot-tracing:transactionSearch:
            enabledElsewhere: true
        """;

    private readonly ScratchProject _project = new();

    public void Dispose() => _project.Dispose();

    [Fact]
    public void JsonNamesTheOtlpExporterItsEndpointSignerAndReason()
    {
        var (code, stdout, _) = _project.WithStack("qa", OtlpStack).Plan("qa", "--json");
        Assert.Equal(0, code);
        var export = JsonNode.Parse(stdout)!["collector"]!["traceExport"]!;
        Assert.Equal("otlp_http", (string?)export["exporter"]);
        // https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch-OTLPEndpoint.html (the us-west-2 example)
        Assert.Equal("https://xray.us-west-2.amazonaws.com/v1/traces", (string?)export["endpoint"]);
        Assert.Equal("sigv4auth", (string?)export["authenticator"]);
        Assert.Contains("transactionSearch.enabledElsewhere", (string?)export["reason"]);
    }

    [Fact]
    public void TableHasATraceExportRowWithExporterEndpointAndReason()
    {
        var (code, table, _) = _project.WithStack("qa", OtlpStack).Plan("qa", "--format", "markdown");
        Assert.Equal(0, code);
        var row = Assert.Single(table.Split('\n'), line => line.StartsWith("| trace export ", StringComparison.Ordinal));
        Assert.Contains("otlp\\_http → https://xray.us-west-2.amazonaws.com/v1/traces (sigv4auth)", row);
        Assert.Contains("Transaction Search is on for the account", row);
    }

    [Fact]
    public void CommittedStacksWithoutTransactionSearchSayAwsXRayAndWhy()
    {
        var export = JsonNode.Parse(Plan.Committed("staging", "--json", "--config", "adot-tracing:collector={}").Stdout)!["collector"]!["traceExport"]!;
        Assert.Equal("awsxray", (string?)export["exporter"]);
        Assert.Null(export["endpoint"]);
        Assert.Contains("Transaction Search is off", (string?)export["reason"]);
    }
}
