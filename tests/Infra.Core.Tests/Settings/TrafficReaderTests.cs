using Infra.Core.Settings;

namespace Infra.Core.Tests.Settings;

/// <summary>adot-tracing:traffic: a map of "METHOD /path" to requests per second, {} meaning the environment's preset traffic.</summary>
public class TrafficReaderTests
{
    private const string Key = "adot-tracing:traffic";

    private static readonly IReadOnlyList<RouteTraffic> Preset = [new("GET", "/preset", 1)];

    private static (IReadOnlyList<RouteTraffic> Routes, IReadOnlyList<SettingsError> Errors) Read(string? json) =>
        ReadWithSource(json) is var read ? (read.Routes, read.Errors) : default;

    private static (IReadOnlyList<RouteTraffic> Routes, TrafficSource Source, IReadOnlyList<SettingsError> Errors) ReadWithSource(string? json)
    {
        var values = new Dictionary<string, string>();
        if (json is not null)
        {
            values[Key] = json;
        }

        var errors = new ErrorSink();
        var (routes, source) = TrafficReader.Read(new RawStackConfig("dev", values), Preset, errors);
        return (routes, source, errors.Errors);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("null")]
    [InlineData("{}")]
    public void AbsentNullOrEmptyMeansThePresetTrafficAndSaysSo(string? json)
    {
        var (routes, source, errors) = ReadWithSource(json);
        Assert.Same(Preset, routes);
        Assert.Equal(TrafficSource.Preset, source);
        Assert.Empty(errors);
    }

    [Fact]
    public void RoutesTheStackFileSetsComeFromTheStackFile() =>
        Assert.Equal(TrafficSource.StackFile, ReadWithSource("""{"POST /chat":1}""").Source);

    [Fact]
    public void RoutesAreReadInOrderWithTheirRates()
    {
        var (routes, errors) = Read("""{"POST /chat":12.5,"GET /health":"3","DELETE /items/{id}":0}""");
        Assert.Empty(errors);
        Assert.Equal([new RouteTraffic("POST", "/chat", 12.5), new RouteTraffic("GET", "/health", 3), new RouteTraffic("DELETE", "/items/{id}", 0)], routes);
    }

    [Theory]
    [InlineData("[]", "a list")]
    [InlineData("5", "the number 5")]
    [InlineData("\"POST /chat\"", "the string \"POST /chat\"")]
    public void SomethingOtherThanAMapIsAnErrorAndThePresetTrafficIsKept(string json, string described)
    {
        var (routes, errors) = Read(json);
        Assert.Same(Preset, routes);
        Assert.Equal([new SettingsError(Key, $"expected a map of \"METHOD /path\" to requests per second, got {described}.")], errors);
    }

    [Theory]
    [InlineData("/chat")] // no method
    [InlineData("POST")] // no path
    [InlineData("post /chat")] // methods are upper case, as API Gateway route keys write them
    [InlineData("FETCH /chat")]
    [InlineData("POST chat")] // a path starts with /
    public void ARouteMustBeMethodAndPath(string route)
    {
        var (routes, errors) = Read($$"""{"{{route}}":5,"GET /ok":1}""");
        Assert.Equal([new SettingsError($"{Key}.{route}", $"'{route}' is not a route; write it as \"METHOD /path\", e.g. \"POST /chat\".")], errors);
        Assert.Equal([new RouteTraffic("GET", "/ok", 1)], routes);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("PATCH")]
    [InlineData("DELETE")]
    [InlineData("HEAD")]
    [InlineData("OPTIONS")]
    [InlineData("ANY")]
    public void EveryApiGatewayMethodIsARouteMethod(string method)
    {
        var (routes, errors) = Read($$"""{"{{method}} /x":1}""");
        Assert.Empty(errors);
        Assert.Equal(method, Assert.Single(routes).Method);
    }

    [Theory]
    [InlineData("-1", "the number -1")]
    [InlineData("1000001", "the number 1000001")]
    [InlineData("\"fast\"", "the string \"fast\"")]
    [InlineData("true", "the boolean true")]
    [InlineData("null", "null")]
    public void ARateMustBeFromZeroToAMillion(string rate, string described)
    {
        var (routes, errors) = Read($$"""{"POST /chat":{{rate}},"GET /ok":1}""");
        Assert.Equal([new SettingsError($"{Key}.POST /chat", $"expected requests per second, a number from 0 to 1000000, got {described}.")], errors);
        Assert.Equal([new RouteTraffic("GET", "/ok", 1)], routes);
    }

    [Fact]
    public void TheRateBoundsAreAllowed()
    {
        var (routes, errors) = Read("""{"POST /a":0,"POST /b":1000000}""");
        Assert.Empty(errors);
        Assert.Equal([0, 1_000_000], routes.Select(route => route.RequestsPerSecond));
    }

    [Fact]
    public void OnlyInvalidRoutesLeaveAnEmptyList()
    {
        var (routes, errors) = Read("""{"chat":1}""");
        Assert.Single(errors);
        Assert.Empty(routes);
    }
}
