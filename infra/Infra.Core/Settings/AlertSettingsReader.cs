using System.Text.RegularExpressions;

namespace Infra.Core.Settings;

/// <summary>Who the stack's alarms notify: the subscriptions of its SNS topic.</summary>
public sealed record AlertSettings(IReadOnlyList<AlertSubscription> Subscriptions);

/// <summary>One subscription of the stack's alert topic, as SNS's Subscribe API takes it.</summary>
public sealed record AlertSubscription(string Protocol, string Endpoint);

/// <summary>
/// adot-tracing:alerts — subscriptions [{protocol, endpoint}]. The protocols and the endpoint each one takes are SNS's
/// (https://docs.aws.amazon.com/sns/latest/api/API_Subscribe.html, Protocol and Endpoint).
/// </summary>
internal static partial class AlertSettingsReader
{
    public const string SubscribeApiDoc = "https://docs.aws.amazon.com/sns/latest/api/API_Subscribe.html";

    /// <summary>Each protocol a subscription of the topic can use, with the endpoint shape it needs.</summary>
    internal static readonly IReadOnlyDictionary<string, (Regex Pattern, string Expected)> Endpoints = new Dictionary<string, (Regex, string)>(StringComparer.Ordinal)
    {
        ["email"] = (Email(), "an email address"),
        ["email-json"] = (Email(), "an email address"),
        ["http"] = (HttpUrl(), "a URL beginning with http://"),
        ["https"] = (HttpsUrl(), "a URL beginning with https://"),
        ["sms"] = (PhoneNumber(), "a phone number in E.164 format (+ then up to 15 digits, e.g. +14155550100)"),
        ["sqs"] = (QueueArn(), "the ARN of an SQS queue (arn:<partition>:sqs:<region>:<account>:<name>)"),
        ["lambda"] = (FunctionArn(), "the ARN of a Lambda function (arn:<partition>:lambda:<region>:<account>:function:<name>)"),
        ["application"] = (ApplicationEndpointArn(), "the EndpointArn of a mobile app and device (arn:<partition>:sns:<region>:<account>:endpoint/<platform>/<app>/<id>)"),
    };

    public static AlertSettings Read(ObjectReader reader, AlertSettings preset, DeploymentEnvironment? environment, ErrorSink errors)
    {
        var subscriptions = reader.ObjectList("subscriptions")?.Select(item => ReadSubscription(item, errors)).OfType<AlertSubscription>().ToList()
            ?? preset.Subscriptions;
        reader.Finish();

        if (environment == DeploymentEnvironment.Prod && subscriptions.Count == 0 && !errors.Errors.Any(error => error.Key.StartsWith(reader.PathOf("subscriptions"), StringComparison.Ordinal)))
        {
            errors.Warn($"{reader.PathOf("subscriptions")}: prod has no subscription, so its alarms notify nobody. "
                + "Add one, for example [{protocol: email, endpoint: oncall@example.com}].");
        }

        return new AlertSettings(subscriptions);
    }

    private static AlertSubscription? ReadSubscription(ObjectReader item, ErrorSink errors)
    {
        var protocol = item.OptionalWord("protocol");
        var endpoint = item.OptionalString("endpoint");
        item.Finish();

        if (!item.Has("protocol"))
        {
            errors.Add(item.PathOf("protocol"), $"required: one of {string.Join(", ", Endpoints.Keys)}.");
        }

        if (!item.Has("endpoint"))
        {
            errors.Add(item.PathOf("endpoint"), "required: where SNS delivers (an email address, URL, phone number or ARN, by protocol).");
        }

        if (protocol is null || endpoint is null)
        {
            return null;
        }

        if (protocol == "firehose")
        {
            errors.Add(item.PathOf("protocol"), "'firehose' needs a subscription role (SubscriptionRoleArn), which a topic's own subscriptions cannot carry; "
                + $"allowed: {string.Join(", ", Endpoints.Keys)}. {SubscribeApiDoc}");
            return null;
        }

        if (!Endpoints.TryGetValue(protocol, out var shape))
        {
            var nearest = KeySuggestion.Nearest(protocol, Endpoints.Keys);
            errors.Add(item.PathOf("protocol"), $"'{protocol}' is not an SNS protocol; allowed: {string.Join(", ", Endpoints.Keys)}.{(nearest is null ? "" : $" Did you mean '{nearest}'?")}");
            return null;
        }

        if (!item.IsEncrypted("endpoint") && !shape.Pattern.IsMatch(endpoint))
        {
            errors.Add(item.PathOf("endpoint"), $"'{TagRules.Shown(endpoint)}' is not a valid {protocol} endpoint; SNS expects {shape.Expected}. {SubscribeApiDoc}");
            return null;
        }

        return new AlertSubscription(protocol, endpoint);
    }

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex Email();

    [GeneratedRegex(@"^http://[^\s/?#]\S*$")]
    private static partial Regex HttpUrl();

    [GeneratedRegex(@"^https://[^\s/?#]\S*$")]
    private static partial Regex HttpsUrl();

    [GeneratedRegex(@"^\+[1-9][0-9]{1,14}$")]
    private static partial Regex PhoneNumber();

    [GeneratedRegex(@"^arn:aws[a-z-]*:sqs:[a-z0-9-]+:[0-9]{12}:[A-Za-z0-9_-]{1,80}$")]
    private static partial Regex QueueArn();

    [GeneratedRegex(@"^arn:aws[a-z-]*:lambda:[a-z0-9-]+:[0-9]{12}:function:[A-Za-z0-9_-]{1,64}(:[A-Za-z0-9_$-]{1,128})?$")]
    private static partial Regex FunctionArn();

    [GeneratedRegex(@"^arn:aws[a-z-]*:sns:[a-z0-9-]+:[0-9]{12}:endpoint/[A-Za-z_]+/[^/\s]+/[^/\s]+$")]
    private static partial Regex ApplicationEndpointArn();
}
