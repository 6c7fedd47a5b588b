using System.Text.Json.Nodes;
using Infra.Tests.Apps;

namespace Infra.Plan.Tests;

/// <summary>An app declared outside the program plans offline with every part traced, through the same code path as `scripts/plan`.</summary>
public class ScratchAppPlanTests : IDisposable
{
    private readonly ScratchProject _project = new ScratchProject().WithStack("dev", """
        config:
          aws:region: us-west-2
          aws-native:region: us-west-2
          adot-tracing:traffic:
            POST /orders: 2
            GET /catalog: 8
        """);

    public void Dispose() => _project.Dispose();

    private JsonObject PlanJson()
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var code = PlanCommand.Run(["dev", "--json", "--dir", _project.Directory], stdout, stderr, app: new ScratchApp());
        Assert.True(code == PlanCommand.Ok, stderr.ToString());
        return JsonNode.Parse(stdout.ToString())!.AsObject();
    }

    [Fact]
    public void EveryDeclaredFunctionIsTracedWithTheLayerOfItsRuntime()
    {
        var functions = PlanJson()["functions"]!.AsArray().Select(function => function!.AsObject()).ToList();
        Assert.Equal(["adot-tracing-dev-orders", "adot-tracing-dev-catalog", "adot-tracing-dev-fulfil"], functions.Select(function => (string?)function["functionName"]));
        Assert.All(functions, function => Assert.Equal("Active", (string?)function["tracingMode"]));
        // The distro layers are per language: AWSOpenTelemetryDistroPython and AWSOpenTelemetryDistroJs
        // (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch-Application-Signals-Enable-LambdaMain.html).
        Assert.Contains(":layer:AWSOpenTelemetryDistroPython:", (string?)functions[0]["layers"]![0]);
        Assert.All(functions.Skip(1), function => Assert.Contains(":layer:AWSOpenTelemetryDistroJs:", (string?)function["layers"]![0]));
    }

    [Fact]
    public void TheQueueLinksItsProducerAndConsumer()
    {
        var plan = PlanJson();
        var queue = Assert.Single(plan["queues"]!.AsArray())!.AsObject();
        Assert.Equal(("adot-tracing-dev-shipments", "orders", "fulfil", 5), ((string?)queue["name"], (string?)queue["producer"], (string?)queue["consumer"], (int)queue["batchSize"]!));
        var orders = plan["functions"]!.AsArray().Single(function => (string?)function!["key"] == "orders")!;
        Assert.Equal("https://sqs.us-west-2.amazonaws.com/<account-id>/adot-tracing-dev-shipments", (string?)orders["environment"]!["SHIPMENTS_URL"]);
        // Lambda's SQS guidance: visibility timeout at least six times the consumer's (60 s) timeout.
        Assert.Equal(360, (int)queue["visibilityTimeoutSeconds"]!);
    }

    [Fact]
    public void BothRoutesReachTheirFunctionsAndTheCostFollowsTheirTraffic()
    {
        var plan = PlanJson();
        var routes = plan["api"]!["routes"]!.AsArray().Select(route => ((string?)route!["method"], (string?)route["path"], (string?)route["functionKey"]));
        Assert.Equal([("POST", "/orders", "orders"), ("GET", "/catalog", "catalog")], routes);
        var logs = plan["monthlyCost"]!["stack"]!["lines"]!.AsArray().Single(line => (string?)line!["priceKey"] == "logs.ingestion")!;
        // fulfil runs once per message orders sends, i.e. once per POST /orders: 2/s × 2,592,000 s in a 30-day month.
        Assert.Contains("/aws/lambda/adot-tracing-dev-fulfil: 5184000 invocations", (string?)logs["basis"]);
        Assert.Contains("/aws/lambda/adot-tracing-dev-catalog: 20736000 invocations", (string?)logs["basis"]);
    }
}
