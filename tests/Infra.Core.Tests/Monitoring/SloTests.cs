using System.Text.RegularExpressions;
using Infra.Core.Monitoring;
using Infra.Core.Settings;

namespace Infra.Core.Tests.Monitoring;

/// <summary>
/// SLOs on the critical routes, measured with API Gateway's per-method metrics. Facts from:
/// API Gateway metrics and dimensions: https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-metrics-and-dimensions.html
/// (namespace AWS/ApiGateway; Count's statistic is SampleCount, 5XXError's Sum; Latency in milliseconds; the
/// ApiName, Method, Resource, Stage dimensions select one method of one stage);
/// SLO resource: https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-applicationsignals-servicelevelobjective.html
/// and https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch-ServiceLevelObjectives.html.
/// </summary>
public class SloTests
{
    private static readonly (string Name, string Value)[] ChatMethodOfDevStage =
        [("ApiName", "adot-tracing-dev-api"), ("Method", "POST"), ("Resource", "/chat"), ("Stage", "dev")];

    private static MonitoringSpec Dev(params (string Key, string Value)[] config) => TestStacks.Blueprint("dev", config).Monitoring;

    private static (string, string)[] Dimensions(MetricSpec metric) => metric.Dimensions.Select(dimension => (dimension.Name, dimension.Value)).ToArray();

    [Fact]
    public void TheCriticalChatRouteGetsOneAvailabilityAndOneLatencySlo()
    {
        var slos = Dev().Slos;
        Assert.Equal([("POST /chat", SloKind.Availability), ("POST /chat", SloKind.Latency)], slos.Select(slo => (slo.Route, slo.Kind)));
    }

    [Fact]
    public void ARouteNoCriticalPathMatchesHasNoSlo()
    {
        var monitoring = Dev(("sampling", """{"criticalPaths":["/health*"]}"""));
        Assert.Equal(["GET /health", "GET /health"], monitoring.Slos.Select(slo => slo.Route));
    }

    [Fact]
    public void NoCriticalRouteMeansNoSloAndNoBurnRateAlarmWithTheReasonInThePlan()
    {
        var monitoring = Dev(("sampling", """{"criticalPaths":["/checkout*"]}"""));
        Assert.Empty(monitoring.Slos);
        Assert.DoesNotContain(monitoring.Alarms, alarm => alarm.Key.StartsWith("slo-", StringComparison.Ordinal));
        Assert.Contains("criticalPaths", monitoring.SloNote, StringComparison.Ordinal);
    }

    [Fact]
    public void AvailabilityCountsFiveXxAnswersAgainstAllRequestsOfTheMethod()
    {
        var slo = Dev().Slos.Single(slo => slo.Kind == SloKind.Availability);
        var sli = Assert.IsType<RequestSliSpec>(slo.RequestSli);
        Assert.Null(slo.PeriodSli);
        Assert.Equal(("AWS/ApiGateway", "Count", "SampleCount"), (sli.TotalRequests.Namespace, sli.TotalRequests.MetricName, sli.TotalRequests.Statistic));
        Assert.Equal(("AWS/ApiGateway", "5XXError", "Sum"), (sli.BadRequests.Namespace, sli.BadRequests.MetricName, sli.BadRequests.Statistic));
        Assert.Equal(ChatMethodOfDevStage, Dimensions(sli.TotalRequests));
        Assert.Equal(ChatMethodOfDevStage, Dimensions(sli.BadRequests));
    }

    [Fact]
    public void LatencyComparesTheMethodsP99PerMinuteWithThePresetThreshold()
    {
        var slo = Dev().Slos.Single(slo => slo.Kind == SloKind.Latency);
        var sli = Assert.IsType<PeriodSliSpec>(slo.PeriodSli);
        Assert.Null(slo.RequestSli);
        Assert.Equal(("AWS/ApiGateway", "Latency", "p99", 60), (sli.Metric.Namespace, sli.Metric.MetricName, sli.Metric.Statistic, sli.Metric.PeriodSeconds));
        Assert.Equal(ChatMethodOfDevStage, Dimensions(sli.Metric));
        // The SLI's comparison operators: GreaterThanOrEqualTo | LessThanOrEqualTo | LessThan | GreaterThan.
        Assert.Equal("LessThanOrEqualTo", sli.ComparisonOperator);
        Assert.Equal(MonitoringPresets.For(DeploymentEnvironment.Dev).Slo.LatencyThresholdMs, sli.Threshold);
        Assert.Equal(60, sli.PeriodSeconds);
    }

    [Fact]
    public void ProdPromisesMoreOverALongerIntervalThanDev()
    {
        var dev = TestStacks.Blueprint("dev").Monitoring.Slos;
        var staging = TestStacks.Blueprint("staging").Monitoring.Slos;
        var prod = TestStacks.Blueprint("prod").Monitoring.Slos;
        foreach (var kind in new[] { SloKind.Availability, SloKind.Latency })
        {
            double Goal(IReadOnlyList<SloSpec> slos) => slos.Single(slo => slo.Kind == kind).AttainmentGoal;
            Assert.True(Goal(dev) < Goal(staging) && Goal(staging) < Goal(prod), $"{kind}: {Goal(dev)}, {Goal(staging)}, {Goal(prod)}");
        }

        Assert.Equal(30, prod[0].IntervalDuration);
        Assert.True(dev[0].IntervalDuration < prod[0].IntervalDuration);
        // The rolling interval's units: MINUTE | HOUR | DAY | MONTH.
        Assert.All(prod, slo => Assert.Equal("DAY", slo.IntervalUnit));
    }

    [Fact]
    public void EverySloHasAShortAndALongBurnRateWindowWithinTheAllowedRange()
    {
        // BurnRateConfiguration.LookBackWindowMinutes: 1 to 10080.
        // https://docs.aws.amazon.com/applicationsignals/latest/APIReference/API_BurnRateConfiguration.html
        var slos = TestStacks.Blueprint("prod").Monitoring.Slos;
        Assert.NotEmpty(slos);
        Assert.All(slos, slo =>
        {
            Assert.Equal(2, slo.BurnRateWindowsMinutes.Count);
            Assert.All(slo.BurnRateWindowsMinutes, minutes => Assert.InRange(minutes, 1, 10080));
        });
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("a-twenty-char-stack1")]
    public void SloNamesFitTheApplicationSignalsNamePattern(string stack)
    {
        // Name: [0-9A-Za-z][-._0-9A-Za-z ]{0,126}[0-9A-Za-z]
        // https://docs.aws.amazon.com/applicationsignals/latest/APIReference/API_ServiceLevelObjective.html
        var pattern = new Regex("^[0-9A-Za-z][-._0-9A-Za-z ]{0,126}[0-9A-Za-z]$");
        var slos = TestStacks.Blueprint(stack, ("environment", "dev")).Monitoring.Slos;
        Assert.Equal(2, slos.Count);
        Assert.All(slos, slo => Assert.Matches(pattern, slo.Name));
        Assert.Equal(2, slos.Select(slo => slo.Name).Distinct().Count());
    }

    [Fact]
    public void TheChinaRegionsGetNoSloBecauseApplicationSignalsArnsHaveNoAwsCnPartition()
    {
        // The SLO ARN pattern is arn:(aws|aws-us-gov):application-signals:...
        // https://docs.aws.amazon.com/applicationsignals/latest/APIReference/API_ServiceLevelObjective.html
        var monitoring = TestStacks.Blueprint("dev", ("aws:region", "cn-north-1"), ("aws-native:region", "cn-north-1"), ("lambda", """{"flavor":"distro"}""")).Monitoring;
        Assert.Empty(monitoring.Slos);
        Assert.Contains("aws-cn", monitoring.SloNote, StringComparison.Ordinal);
        Assert.Contains(monitoring.Alarms, alarm => alarm.Key == "api-5xx");
    }
}

public class RouteSlugTests
{
    [Theory]
    [InlineData("POST", "/chat", "post-chat")]
    [InlineData("GET", "/orders/{id}", "get-orders-id")]
    [InlineData("ANY", "/{proxy+}", "any-proxy")]
    public void RouteSlugsKeepOnlyWhatAnSloNameAllows(string method, string path, string slug) =>
        // SLO names: [0-9A-Za-z][-._0-9A-Za-z ]{0,126}[0-9A-Za-z] (API_ServiceLevelObjective).
        Assert.Equal(slug, MonitoringBuilder.RouteSlug(new Infra.Core.Api.RouteSpec(method, path, null)));
}
