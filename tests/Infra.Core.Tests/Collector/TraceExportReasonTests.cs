using Infra.Core.Collector;
using Infra.Core.Naming;
using Infra.Core.Settings;

namespace Infra.Core.Tests.Collector;

/// <summary>
/// The plan prints why the collector sends spans the way it does; users read it to decide whether to turn Transaction
/// Search on, so each reason is checked whole. It names the config keys in full and what follows from them: the
/// X-Ray OTLP endpoint needs Transaction Search (https://aws-otel.github.io/docs/getting-started/x-ray, read
/// 2026-11-26), ADOT deprecates the awsxray exporter (same page), and GovCloud has no Transaction Search
/// (https://docs.aws.amazon.com/govcloud-us/latest/UserGuide/govcloud-cw.html).
/// </summary>
public class TraceExportReasonTests
{
    private const string Custom = """{"config":{"source":"custom"}}""";

    private static TraceExportSpec Export(params (string Key, string Value)[] config) =>
        TestStacks.Blueprint("staging", config).Collector!.TraceExport;

    [Fact]
    public void ABundledFileKeepsItsExporterAndTheReasonSaysHowToGetOtlp() =>
        Assert.Equal(
            new TraceExportSpec("awsxray", null, null,
                "the bundled config /etc/ecs/ecs-xray.yaml ships with the awsxray exporter; "
                + "adot-tracing:collector.config.source: custom exports over OTLP when Transaction Search is on"),
            Export(("collector", """{"config":{"source":"bundled","bundledPath":"/etc/ecs/ecs-xray.yaml"}}"""), ("transactionSearch", """{"enabled":true}""")));

    [Fact]
    public void WithTransactionSearchOffTheReasonNamesBothKeys() =>
        Assert.Equal(
            new TraceExportSpec("awsxray", null, null,
                "Transaction Search is off for the account (adot-tracing:transactionSearch.enabled and .enabledElsewhere are false), "
                + "and the X-Ray OTLP endpoint accepts spans only with it on"),
            Export(("collector", Custom)));

    [Fact]
    public void TurnedOnByThisStack() =>
        Assert.Equal(
            new TraceExportSpec("otlp_http", "https://xray.us-west-2.amazonaws.com/v1/traces", "sigv4auth",
                "Transaction Search is on for the account: this stack turns it on (adot-tracing:transactionSearch.enabled); "
                + "spans go to the X-Ray OTLP endpoint, signed with SigV4, instead of the deprecated awsxray exporter"),
            Export(("collector", Custom), ("transactionSearch", """{"enabled":true}""")));

    [Fact]
    public void TurnedOnElsewhere() =>
        Assert.Equal(
            new TraceExportSpec("otlp_http", "https://xray.us-west-2.amazonaws.com/v1/traces", "sigv4auth",
                "Transaction Search is on for the account: another stack or account setup has it on (adot-tracing:transactionSearch.enabledElsewhere); "
                + "spans go to the X-Ray OTLP endpoint, signed with SigV4, instead of the deprecated awsxray exporter"),
            Export(("collector", Custom), ("transactionSearch", """{"enabledElsewhere":true}""")));

    [Fact]
    public void WithoutAnEndpointInTheRegionTheReasonNamesRegionAndPartition()
    {
        // The settings reader refuses Transaction Search in GovCloud; handed such settings anyway, the choice says why.
        var settings = TestStacks.Settings("staging", ("collector", Custom)) with
        {
            Region = "us-gov-west-1",
            TransactionSearch = new TransactionSearchSettings(true, 1),
        };
        Assert.Equal(
            new TraceExportSpec("awsxray", null, null, "us-gov-west-1 (aws-us-gov) has no X-Ray OTLP endpoint (no Transaction Search there)"),
            TraceExport.Choose(settings, AwsContext.For("us-gov-west-1", TestStacks.Account)));
    }
}
