using System.Globalization;
using System.Text.Json;
using Infra.Core.App;
using Infra.Core.Collector;
using Infra.Core.Lambda;
using Infra.Core.Monitoring;

namespace Infra.Core.Settings;

/// <summary>
/// Every key the program reads, described once: the provider keys, each key under <c>adot-tracing:</c> with its nested
/// keys, list items and map entries, and the app's own keys (<see cref="AppDefinition.Settings"/>). The configuration
/// reference is generated from it; tests hold it to the keys the readers accept and to Pulumi.yaml.
/// Limits stated here are the readers' own (their constants and lists), with the AWS or Pulumi page they come from.
/// </summary>
public static class SettingsCatalog
{
    /// <summary>The descriptions, provider keys first, then the project's keys in <see cref="ConfigKeys.ProjectKeys"/>'s
    /// order; the app's keys (under <c>app.</c>) follow the <c>app</c> key.</summary>
    public static IReadOnlyList<SettingDescription> For(AppDefinition? app)
    {
        var appKeys = (app?.Settings ?? []).Select(setting => setting with { Path = $"{ConfigKeys.App}.{setting.Path}" });
        var all = new List<SettingDescription>(Provider);
        foreach (var key in ConfigKeys.ProjectKeys)
        {
            all.AddRange(Project.Where(setting => TopLevelOf(setting.Path) == key));
            if (key == ConfigKeys.App)
            {
                all.AddRange(appKeys);
            }
        }

        return all;
    }

    /// <summary>The top-level key a path belongs to: <c>collector</c> for <c>collector.config.source</c>, the path itself for a provider key.</summary>
    public static string TopLevelOf(string path) =>
        path.Contains(':', StringComparison.Ordinal) ? path : path.Split('.', '[')[0];

    /// <summary>
    /// A path as the keys read are recorded (<see cref="ErrorSink.KeysRead"/>): "adot-tracing:" dropped, list indexes
    /// as <c>[]</c>, and a map's entries as <c>.*</c>; <c>traffic.&lt;METHOD /path&gt;</c> and
    /// <c>adot-tracing:traffic.*</c> both become <c>traffic.*</c>.
    /// </summary>
    internal static string Pattern(string path)
    {
        var prefix = $"{ConfigKeys.Project}:";
        var key = path.StartsWith(prefix, StringComparison.Ordinal) ? path[prefix.Length..] : path;
        var pattern = new System.Text.StringBuilder();
        for (var i = 0; i < key.Length; i++)
        {
            var end = key[i] switch { '[' => key.IndexOf(']', i), '<' => key.IndexOf('>', i), _ => -1 };
            if (end < 0)
            {
                pattern.Append(key[i]);
                continue;
            }

            pattern.Append(key[i] == '[' ? "[]" : "*");
            i = end;
        }

        return pattern.ToString();
    }

    private const string ApiGatewayQuotas = "https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html";

    private static readonly SourceLink Regions = new("AWS Regions", "https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-regions.html");
    private static readonly SourceLink AwsProviderConfig = new("AWS provider configuration", "https://www.pulumi.com/registry/packages/aws/installation-configuration/");
    private static readonly SourceLink StackNames = new("Pulumi stacks", "https://www.pulumi.com/docs/iac/concepts/stacks/");
    private static readonly SourceLink AutoScalingGroup = new("CreateAutoScalingGroup", "https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_CreateAutoScalingGroup.html");
    private static readonly SourceLink EcsService = new("ECS CreateService", "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html");
    private static readonly SourceLink TaskSize = new("ECS task sizes", "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#task_size");
    private static readonly SourceLink EcsMemory = new("ECS memory management", "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/memory-management.html");
    private static readonly SourceLink InstanceSizes = new("EC2 instance types", "https://aws.amazon.com/ec2/instance-types/");
    private static readonly SourceLink Retention = new("PutRetentionPolicy", "https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutRetentionPolicy.html");
    private static readonly SourceLink Layers = new("Lambda layers", "https://docs.aws.amazon.com/lambda/latest/dg/adding-layers.html");
    private static readonly SourceLink LambdaMemory = new("Lambda memory", "https://docs.aws.amazon.com/lambda/latest/dg/configuration-memory.html");
    private static readonly SourceLink LambdaTimeout = new("Lambda timeout", "https://docs.aws.amazon.com/lambda/latest/dg/configuration-timeout.html");
    private static readonly SourceLink ApiQuotas = new("API Gateway quotas", ApiGatewayQuotas);
    private static readonly SourceLink XRayApiGateway = new("X-Ray and API Gateway", "https://docs.aws.amazon.com/xray/latest/devguide/xray-services-apigateway.html");
    private static readonly SourceLink CreateStage = new("CreateStage", "https://docs.aws.amazon.com/apigateway/latest/api/API_CreateStage.html");
    private static readonly SourceLink SamplingRule = new("SamplingRule", "https://docs.aws.amazon.com/xray/latest/api/API_SamplingRule.html");
    private static readonly SourceLink SamplingWildcards = new("X-Ray sampling rules", "https://docs.aws.amazon.com/xray/latest/devguide/xray-console-sampling.html");
    private static readonly SourceLink SamplingRateBoost = new("SamplingRateBoost", "https://docs.aws.amazon.com/xray/latest/api/API_SamplingRateBoost.html");
    private static readonly SourceLink TransactionSearchCloudFormation = new("Transaction Search with CloudFormation", "https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch-Transaction-Search-Cloudformation.html");
    private static readonly SourceLink GovCloudCloudWatch = new("CloudWatch in GovCloud", "https://docs.aws.amazon.com/govcloud-us/latest/UserGuide/govcloud-cw.html");
    private static readonly SourceLink SignalsOnLambda = new("Application Signals on Lambda", "https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch-Application-Signals-Enable-LambdaMain.html");
    private static readonly SourceLink XRayMigration = new("X-Ray migration guide", "https://docs.aws.amazon.com/xray/latest/devguide/xray-sdk-migration.html");
    private static readonly SourceLink SignalsDiscovery = new("AWS::ApplicationSignals::Discovery", "https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-applicationsignals-discovery.html");
    private static readonly SourceLink TagConventions = new("tag conventions", "https://docs.aws.amazon.com/tag-editor/latest/userguide/tagging.html#tag-conventions");
    private static readonly SourceLink SnsSubscribe = new("SNS Subscribe", AlertSettingsReader.SubscribeApiDoc);
    private static readonly SourceLink BurnRateConfiguration = new("BurnRateConfiguration", "https://docs.aws.amazon.com/applicationsignals/latest/APIReference/API_BurnRateConfiguration.html");
    private static readonly SourceLink Slos = new("SLOs", "https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch-ServiceLevelObjectives.html");

    private static readonly IReadOnlyList<SettingDescription> Provider =
    [
        new(ConfigKeys.AwsRegion, "string", "an AWS Region that exists (kept in `infra/Infra.Core/Settings/AwsRegions.cs`)",
            "The Region every resource is deployed into.", Json("us-west-2"), SettingDescription.NoDefault)
        {
            Unset = "required",
            Sources = [Regions],
        },
        new(ConfigKeys.AwsNativeRegion, "string", "equal to `aws:region`",
            "The aws-native provider's Region: the two providers must deploy into one Region.", Json("us-west-2"), SettingDescription.NoDefault)
        {
            Unset = "required",
        },
        new(ConfigKeys.AwsAllowedAccountIds, "list of strings", "12-digit AWS account ids (quote them, so leading zeros stay)",
            "The AWS provider's own key: the accounts it may deploy to. The checks that keep an account-wide feature in one stack per account and Region "
            + "tell stacks apart by it; stacks without it are assumed to share an account.",
            """["123456789012"]""", From(settings => settings.Role.AllowedAccountIds))
        {
            Sources = [AwsProviderConfig],
        },
    ];

    private static readonly IReadOnlyList<SettingDescription> Project =
    [
        new(ConfigKeys.Kind, "string", Choices(StackRoleReader.Kinds.Keys),
            "`app`: the functions, API, queue, table, sampling rules and monitoring. `foundation`: what AWS keeps once per account and Region "
            + "(API Gateway's CloudWatch Logs role, `transactionSearch.enabled`, `applicationSignals.discovery`) and the collector of its VPC.",
            Json("foundation"), From(settings => StackRoleReader.Kinds.First(kind => kind.Value == settings.Role.Kind).Key)),
        new(ConfigKeys.Foundation, "string", "a stack reference name: `<stack>`, `<org>/<stack>` or `<org>/<project>/<stack>`, each part letters, digits, `-`, `_` or `.`; "
            + "not this stack, and only in an app stack",
            "An app stack's foundation. Without one the stack runs standalone: it creates nothing account-wide and its stage does not log access.",
            Json("foundation"), From(settings => settings.Role.Foundation))
        {
            Unset = "none: standalone",
            Sources = [StackNames],
        },
        new(ConfigKeys.Environment, "string", Choices(EnumNames.Environments.Keys),
            "Selects the presets. Empty: the stack name, which must then be one of those; any other stack name needs it.",
            Json("staging"), From(settings => settings.Environment.Wire()))
        {
            Unset = "the stack name",
        },
        new(ConfigKeys.Profile, "string", Choices(EnumNames.Profiles.Keys),
            "How the stack traces; keys set in the stack file override the profile.",
            Json("article"), From(settings => settings.Profile.Wire())),
        new(ConfigKeys.IamMode, "string", Choices(EnumNames.IamModes.Keys),
            "How the collector's IAM and the functions' X-Ray statement are built. Empty: the profile's.",
            Json("seed"), From(settings => settings.IamMode.Wire()))
        {
            Unset = "the profile's",
            ProfileDecides = true,
        },

        Section(ConfigKeys.Collector, "The ADOT collector on ECS with EC2 capacity: its hosts, task and configuration."),
        new("collector.enabled", "boolean", "", "Whether this stack runs a collector; an app stack with a foundation leaves it to the foundation.",
            "false", From(settings => settings.Collector.Enabled)),
        new("collector.instanceType", "string", $"one of {string.Join(", ", InstanceTypes.All.Where(type => !type.Arm64).Select(type => $"`{type.Name}`"))}; "
            + $"Graviton (arm64 AMI): {string.Join(", ", InstanceTypes.All.Where(type => type.Arm64).Select(type => $"`{type.Name}`"))}",
            "The collector hosts' EC2 type. It must hold the task's `cpu` and `memory`; another type needs an entry in `infra/Infra.Core/Collector/InstanceTypes.cs`.",
            Json("t3.large"), From(settings => settings.Collector.InstanceType))
        {
            ProfileDecides = true,
            Sources = [InstanceSizes],
        },
        new("collector.minSize", "integer", "0 to 20, at most `collector.maxSize`", "The Auto Scaling group's minimum number of hosts.",
            "1", From(settings => settings.Collector.MinSize))
        {
            Sources = [AutoScalingGroup],
        },
        new("collector.maxSize", "integer", "1 to 20, at least `collector.minSize`",
            "The group's maximum. With `DAEMON` and `minSize` below `maxSize` the group scales on the collectors' CPU.",
            "4", From(settings => settings.Collector.MaxSize))
        {
            Sources = [AutoScalingGroup],
        },
        new("collector.desiredCapacity", "integer", "0 to 20, between `collector.minSize` and `collector.maxSize`",
            "Hosts at creation. When you override `minSize` or `maxSize`, the default is clamped into the new range.",
            "2", From(settings => settings.Collector.DesiredCapacity))
        {
            Sources = [AutoScalingGroup],
            ExampleNeeds = new Dictionary<string, string> { ["collector.minSize"] = "1", ["collector.maxSize"] = "2" },
        },
        new("collector.vpcId", "string", "`vpc-` and 8 or 17 hex digits", "The VPC of the hosts; the security group admits the collector's ports from its CIDR only.",
            Json("vpc-0123456789abcdef0"), From(settings => settings.Collector.VpcId))
        {
            Unset = "none: the account's default VPC",
        },
        new("collector.subnetIds", "list of strings", "each `subnet-` and 8 or 17 hex digits; needs `collector.vpcId`", "The subnets of the hosts; none: every subnet of the VPC.",
            """["subnet-0123abcd"]""", From(settings => settings.Collector.SubnetIds))
        {
            ExampleNeeds = new Dictionary<string, string> { ["collector.vpcId"] = Json("vpc-0123abcd") },
        },
        new("collector.schedulingStrategy", "string", Choices(EnumNames.SchedulingStrategies.Keys),
            "`DAEMON`: one collector on every host. `REPLICA`: `desiredCount` collectors, one per host, and ECS managed scaling adds hosts until they fit.",
            Json("REPLICA"), From(settings => settings.Collector.SchedulingStrategy.Wire()))
        {
            Sources = [EcsService],
        },
        new("collector.desiredCount", "integer", "1 to 20", "Collector tasks with `REPLICA`; ignored with `DAEMON`.",
            "2", From(settings => settings.Collector.DesiredCount)),
        new("collector.imageTag", "string", "a pinned release tag `vX.Y.Z`, never `latest`", "The aws-otel-collector image version.",
            Json("v0.49.0"), From(settings => settings.Collector.ImageTag)),
        new("collector.cpu", "integer", $"CPU units, one of {string.Join(", ", TaskSizes.MemoryByCpu.Keys)}", "The collector task's CPU.",
            "512", From(settings => settings.Collector.Cpu))
        {
            Sources = [TaskSize],
        },
        new("collector.memory", "integer", $"MiB, 512 to 30720: a task size ECS accepts with `cpu`, and within the instance type's memory less the {InstanceTypes.ReservedMemoryMiB} MiB the ECS agent keeps",
            "The collector task's memory.", "3072", From(settings => settings.Collector.Memory))
        {
            Sources = [TaskSize, EcsMemory],
        },
        new("collector.logRetentionDays", "integer", RetentionDays, "How long the collector's log group keeps its events.",
            "14", From(settings => settings.Collector.LogRetentionDays))
        {
            Sources = [Retention],
        },
        new("collector.config", "object", "", "The collector's configuration: `source` and `bundledPath`.",
            """{"source":"bundled"}""", SettingDescription.NoDefault),
        new("collector.config.source", "string", Choices(EnumNames.ConfigSources.Keys),
            "`custom`: a configuration this program renders, stored in SSM and scoped by least-privilege IAM. `bundled`: a file the collector image ships.",
            Json("bundled"), From(settings => settings.Collector.Config.Source.Wire()))
        {
            ProfileDecides = true,
        },
        new("collector.config.bundledPath", "string", $"{Choices(BundledConfigs.Paths)}; only with a `bundled` source (refused next to a `custom` one)",
            "Which bundled file the collector starts with: those whose permissions are known, so that least privilege can be computed.",
            Json("/etc/ecs/ecs-xray.yaml"), From(settings => settings.Collector.Config.BundledPath))
        {
            ProfileDecides = true,
            ExampleNeeds = new Dictionary<string, string> { ["collector.config.source"] = Json("bundled") },
        },

        Section(ConfigKeys.Lambda, "The traced functions and their ADOT layer."),
        new("lambda.flavor", "string", Choices(EnumNames.Flavors.Keys),
            "`legacy`: the ADOT layers with a built-in collector, as in the walkthrough. `distro`: the AWS Distro for OpenTelemetry layers (`AWSOpenTelemetryDistro*`).",
            Json("legacy"), From(settings => settings.Lambda.Flavor.Wire()))
        {
            ProfileDecides = true,
        },
        new("lambda.architecture", "string", Choices(EnumNames.Architectures.Keys), "The functions' instruction set, and the layer built for it.",
            Json("arm64"), From(settings => settings.Lambda.Architecture.Wire())),
        new("lambda.versions.<language>", "map of strings",
            $"legacy: {Choices(AdotLayers.VersionKeys(LayerFlavor.Legacy))}, each `x.y.z` (a catalogued release) or `x.y.z:n` (Lambda layer version n); "
            + $"distro: {Choices(AdotLayers.VersionKeys(LayerFlavor.Distro))}, each a Lambda layer version n; n from 1",
            "Pins a layer release per language, added to the profile's pins (which apply only with the profile's flavor); an unpinned language gets the newest in the catalog.",
            """{"python":"2"}""", From(settings => settings.Lambda.Versions.OrderBy(pair => pair.Key, StringComparer.Ordinal)))
        {
            ProfileDecides = true,
            Sources = [Layers],
        },
        new("lambda.layerArn", "string", "a Lambda layer version ARN in the stack's Region and partition",
            "Replaces the catalog's choice of layer.", Json("arn:aws:lambda:us-west-2:901920570463:layer:aws-otel-python-amd64-ver-1-32-0:2"),
            From(settings => settings.Lambda.LayerArn))
        {
            Unset = "none: the catalog's layer",
            Sources = [Layers],
        },
        new("lambda.memorySize", "integer", "MB, 128 to 10240", "Memory of every function.", "1024", From(settings => settings.Lambda.MemorySize))
        {
            Sources = [LambdaMemory],
        },
        new("lambda.timeoutSeconds", "integer", "1 to 900",
            $"Timeout of every function; one behind an API route is capped at {TracedFunctions.ApiIntegrationTimeoutSeconds} s, API Gateway's integration timeout, and a warning says so.",
            "20", From(settings => settings.Lambda.TimeoutSeconds))
        {
            Sources = [LambdaTimeout, ApiQuotas],
        },
        new("lambda.logRetentionDays", "integer", RetentionDays, "How long the functions' log groups keep their events.",
            "14", From(settings => settings.Lambda.LogRetentionDays))
        {
            Sources = [Retention],
        },

        Section(ConfigKeys.App, "The settings of the app the program deploys: the app reads them and describes them itself."),

        Section(ConfigKeys.Api, "The REST API stage in front of the functions."),
        new("api.type", "string", "`rest` only: `http` is refused, since X-Ray cannot trace HTTP APIs", "The kind of API Gateway API.",
            Json("rest"), From(settings => EnumNames.Name(EnumNames.ApiTypes, settings.Api.Type)))
        {
            Sources = [XRayApiGateway],
        },
        new("api.stageName", "string", "1 to 128 letters, digits, `-` or `_`", "The stage, the first segment of the invoke URL's path.",
            Json("v1"), From(settings => settings.Api.StageName))
        {
            Sources = [CreateStage],
        },
        new("api.throttlingRateLimit", "number", "requests per second, 0 to 10000 (the account's default quota)", "The stage's steady request rate.",
            "25", From(settings => settings.Api.ThrottlingRateLimit))
        {
            Sources = [ApiQuotas],
        },
        new("api.throttlingBurstLimit", "integer", "0 to 5000 (the account's default burst quota)", "The stage's burst of requests.",
            "50", From(settings => settings.Api.ThrottlingBurstLimit))
        {
            Sources = [ApiQuotas],
        },
        new("api.logRetentionDays", "integer", RetentionDays, "How long the access log keeps its events.",
            "14", From(settings => settings.Api.LogRetentionDays))
        {
            Sources = [Retention],
        },

        Section(ConfigKeys.Sampling, "The stack's X-Ray sampling rules: path classes sampled at the environment's rates, and rules of your own."),
        new("sampling.criticalPaths", "list of strings", "URL path patterns, 1 to 128 characters, starting with `/`, `*` or `?` (`*` any characters, `?` one)",
            "Paths sampled at the environment's critical rate, one rule each; they also decide which routes get SLOs. The list replaces the preset's.",
            """["/chat*","/orders/*"]""", From(settings => settings.Sampling.CriticalPaths))
        {
            Sources = [SamplingWildcards, SamplingRule],
        },
        new("sampling.routinePaths", "list of strings", "URL path patterns, as `criticalPaths`",
            "Paths sampled at the environment's routine rate (health checks, static files).",
            """["/health*"]""", From(settings => settings.Sampling.RoutinePaths))
        {
            Sources = [SamplingWildcards, SamplingRule],
        },
        new("sampling.rules", "list of objects", "at most 25 rules in all per account and Region (X-Ray's default quota)",
            "Rules of your own, each written out in full.",
            """[{"name":"checkout","priority":10,"fixedRate":0.1,"reservoirSize":2,"urlPath":"/checkout*","httpMethod":"POST","host":"*","serviceName":"orders","serviceType":"AWS::EC2::Instance","boost":{"maxRate":0.5,"cooldownWindowMinutes":5}}]""",
            From(settings => settings.Sampling.Rules.Select(rule => rule.Name)))
        {
            Sources = [new SourceLink("X-Ray quotas", "https://docs.aws.amazon.com/general/latest/gr/xray.html")],
        },
        new("sampling.rules[].name", "string", "1 to 20 letters, digits, `-` or `_`; the stack's prefix is added, and X-Ray allows 32 characters in all",
            "The rule's name, unique within the stack.", Json("checkout"), SettingDescription.NoDefault)
        {
            Unset = "required",
            Sources = [SamplingRule],
        },
        new("sampling.rules[].priority", "integer", "1 to 9999, unique within the stack", "Lower is evaluated first.", "10", SettingDescription.NoDefault)
        {
            Unset = "required",
            Sources = [SamplingRule],
        },
        new("sampling.rules[].fixedRate", "number", "0 to 1", "The share of requests sampled once the reservoir is used.", "0.1", SettingDescription.NoDefault)
        {
            Unset = "required",
            Sources = [SamplingRule],
        },
        new("sampling.rules[].reservoirSize", "integer", $"0 to {SamplingSettingsReader.MaxReservoirSize.ToString("N0", CultureInfo.InvariantCulture)}", "Requests per second sampled before the fixed rate applies.",
            "2", Fixed(SamplingSettingsReader.DefaultReservoirSize))
        {
            Sources = [SamplingRule],
        },
        new("sampling.rules[].urlPath", "string", "1 to 128 characters, starting with `/`, `*` or `?` (request paths start with `/`)", "The request paths the rule matches.",
            Json("/checkout*"), Fixed(SamplingSettingsReader.Any))
        {
            Sources = [SamplingRule, SamplingWildcards],
        },
        new("sampling.rules[].httpMethod", "string", "1 to 10 characters", "The request method the rule matches.", Json("POST"), Fixed(SamplingSettingsReader.Any))
        {
            Sources = [SamplingRule],
        },
        new("sampling.rules[].host", "string", "1 to 64 characters", "The host name the rule matches.", Json("*"), Fixed(SamplingSettingsReader.Any))
        {
            Sources = [SamplingRule],
        },
        new("sampling.rules[].serviceName", "string", "1 to 64 characters", "The X-Ray service the rule targets.", Json("orders"), SettingDescription.NoDefault)
        {
            Unset = "none: this stack's API stage",
            Sources = [SamplingRule],
        },
        new("sampling.rules[].serviceType", "string", "1 to 64 characters", "The X-Ray service type (origin) of that service.", Json("AWS::EC2::Instance"), SettingDescription.NoDefault)
        {
            Unset = "none: the API stage's type when no service is named, any type otherwise",
            Sources = [SamplingRule],
        },
        new("sampling.rules[].boost", "object",
            "only on a rule for a service that runs an ADOT SDK and starts its own traces: a `serviceName` other than the API stage, and a `serviceType` other than "
            + $"{string.Join(", ", Sampling.SamplingBuilder.ManagedServiceTypes.Select(type => $"`{type}`"))} (AWS services that sample by themselves)",
            "Adaptive sampling: X-Ray may raise the rate when it sees anomalies; \"if the root service is not supported, no boost occurs\".",
            """{"maxRate":0.5}""", SettingDescription.NoDefault)
        {
            Unset = "none: no boost",
            Sources = [SamplingRateBoost, new SourceLink("X-Ray adaptive sampling", Sampling.SamplingBuilder.AdaptiveSamplingDoc)],
        },
        new("sampling.rules[].boost.maxRate", "number", "0 to 1, at least the rule's `fixedRate`", "The highest rate a boost may reach.", "0.5", SettingDescription.NoDefault)
        {
            Unset = "the rule's `fixedRate`",
            Sources = [SamplingRateBoost],
        },
        new("sampling.rules[].boost.cooldownWindowMinutes", "integer", $"1 to {SamplingSettingsReader.MaxCooldownWindowMinutes}", "At most one boost within this window.",
            "5", Fixed(SamplingSettingsReader.DefaultCooldownWindowMinutes))
        {
            Sources = [SamplingRateBoost],
        },

        Section(ConfigKeys.Traffic, "Expected requests per second per route, for the cost estimate in `scripts/plan`."),
        new("traffic.<METHOD /path>", "map of numbers",
            $"requests per second, 0 to {TrafficReader.MaxRequestsPerSecond.ToString("N0", CultureInfo.InvariantCulture)}; methods {string.Join(", ", AppValidation.HttpMethods)}",
            "Used only by the cost estimate; an entry that is no route of the API is a warning. Setting any entry replaces the preset's map.",
            """{"POST /chat":2,"GET /health":1}""", From(settings => settings.Traffic.Select(route => new KeyValuePair<string, string>(route.Route, SettingFormat.Of(route.RequestsPerSecond)!)))),

        Section(ConfigKeys.TransactionSearch, "X-Ray Transaction Search, one setting per account and Region."),
        new("transactionSearch.enabled", "boolean", "not with `enabledElsewhere`; not in AWS GovCloud (US)",
            "This stack turns Transaction Search on for the account and owns it; at most one stack per account and Region may (the foundation).",
            "true", From(settings => settings.TransactionSearch.Enabled))
        {
            Sources = [GovCloudCloudWatch],
        },
        new("transactionSearch.enabledElsewhere", "boolean", "not with `enabled`; not in AWS GovCloud (US)",
            "Another stack or an account-level setup has it on; this stack creates nothing for it. Either switch makes the custom collector config export traces over OTLP.",
            "true", From(settings => settings.TransactionSearch.EnabledElsewhere))
        {
            Sources = [GovCloudCloudWatch],
        },
        new("transactionSearch.indexingPercentage", "number", "0 to 100", "The share of spans indexed as trace summaries.",
            "5", From(settings => settings.TransactionSearch.IndexingPercentage)),
        new("transactionSearch.adopt", "boolean", "only with `enabled: true`",
            "Transaction Search is already on in the account and Region: the foundation imports it (Pulumi's `import` option, by the account id) instead of turning it on, "
            + "which AWS says to do only while it is off. The import fails if `indexingPercentage` differs from the account's.",
            "true", From(settings => settings.TransactionSearch.Adopt))
        {
            Sources = [TransactionSearchCloudFormation],
            ExampleNeeds = new Dictionary<string, string> { ["transactionSearch.enabled"] = "true" },
        },
        new("transactionSearch.keepOnDestroy", "boolean", "",
            "Destroying the owning stack leaves Transaction Search on (Pulumi's `retainOnDelete`); `false` turns it off with the stack.",
            "false", From(settings => settings.TransactionSearch.KeepOnDestroy)),

        Section(ConfigKeys.ApplicationSignals, "CloudWatch Application Signals for the functions, and the account's discovery."),
        new("applicationSignals.enabled", "boolean", "`true` needs `lambda.flavor: distro` (only the distro layers report Application Signals)",
            "The functions report Application Signals, with `CloudWatchLambdaApplicationSignalsExecutionRolePolicy` on their roles. On is the distro layer's default, "
            + "so the variable is left unset; off sets `OTEL_AWS_APPLICATION_SIGNALS_ENABLED=false`, the one value AWS documents. By default on only where the profile "
            + "and the environment's preset both say so, with the distro layers.",
            "true", From(settings => settings.ApplicationSignals.Enabled))
        {
            ProfileDecides = true,
            Sources = [SignalsOnLambda, XRayMigration],
        },
        new("applicationSignals.discovery", "boolean", "one stack per account and Region",
            "This stack creates the account-wide `AWS::ApplicationSignals::Discovery` (and so the service-linked role); without it the console does not list the functions as services.",
            "true", From(settings => settings.ApplicationSignals.Discovery))
        {
            Sources = [SignalsDiscovery],
        },

        Section(ConfigKeys.Tags, "Extra tags for every taggable resource."),
        new("tags.<key>", "map of strings",
            $"keys 1 to {TagRules.MaxKeyLength} and values 0 to {TagRules.MaxValueLength} Unicode characters: {TagRules.AllowedCharacters}; no `aws:` prefix; "
            + $"at most {TagRules.MaxTagsPerResource} tags on a resource, counting the {Naming.StackTags.GeneratedKeys.Count} the stack adds",
            $"The stack's own tags ({string.Join(", ", Naming.StackTags.GeneratedKeys.Select(key => $"`{key}`"))}) always win.",
            """{"team":"sre"}""", From(settings => settings.Tags.OrderBy(pair => pair.Key, StringComparer.Ordinal)))
        {
            Sources = [TagConventions],
        },

        Section(ConfigKeys.Alerts, "Who the stack's alarms notify: the subscriptions of its SNS alert topic."),
        new("alerts.subscriptions", "list of objects", "", "Subscriptions of the topic `<project>-<stack>-alerts`; prod without one plans with a warning.",
            """[{"protocol":"email","endpoint":"oncall@example.com"}]""", From(settings => settings.Alerts.Subscriptions.Select(subscription => subscription.Protocol))),
        new("alerts.subscriptions[].protocol", "string", $"{Choices(AlertSettingsReader.Endpoints.Keys)}; `firehose` is refused (it needs a subscription role)",
            "How SNS delivers. Email subscriptions must be confirmed from the mail SNS sends.", Json("email"), SettingDescription.NoDefault)
        {
            Unset = "required",
            Sources = [SnsSubscribe],
        },
        new("alerts.subscriptions[].endpoint", "string",
            string.Join("; ", AlertSettingsReader.Endpoints.GroupBy(pair => pair.Value.Expected).Select(group => $"{string.Join("/", group.Select(pair => $"`{pair.Key}`"))}: {group.Key}")),
            "Where SNS delivers; it may be a secret (`pulumi config set --secret --path`).", Json("oncall@example.com"), SettingDescription.NoDefault)
        {
            Unset = "required",
            Sources = [SnsSubscribe],
        },

        Section(ConfigKeys.Slo, "The SLOs of every route that matches `sampling.criticalPaths`, and their burn-rate alarm."),
        new("slo.availabilityGoal", "number", "percent, 0 to below 100", "The share of requests to answer without a 5XX.",
            "99.5", From(settings => settings.Slo.Targets.AvailabilityGoalPercent))
        {
            Sources = [Slos],
        },
        new("slo.latencyGoal", "number", "percent, 0 to below 100", "The share of minutes whose p99 latency is at most `latencyThresholdMs`.",
            "95", From(settings => settings.Slo.Targets.LatencyGoalPercent))
        {
            Sources = [Slos],
        },
        new("slo.latencyThresholdMs", "number", $"1 to {SloSettingsReader.MaxLatencyThresholdMs.ToString("N0", CultureInfo.InvariantCulture)}", "A minute is good when its p99 latency is at most this.",
            "2500", From(settings => settings.Slo.Targets.LatencyThresholdMs)),
        new("slo.intervalDays", "integer", $"1 to {SloSettingsReader.MaxIntervalDays}", "The rolling interval.",
            "14", From(settings => settings.Slo.Targets.IntervalDays)),
        new("slo.warningThreshold", "number", "percent, 0 to 100", "WARNING below this share of the error budget left.",
            "40", From(settings => settings.Slo.Targets.WarningThresholdPercent)),
        new("slo.burnRate", "object", "", "The burn-rate alarm: `budgetPercent`, `longWindowMinutes`, `shortWindowMinutes`.",
            """{"budgetPercent":2}""", SettingDescription.NoDefault),
        new("slo.burnRate.budgetPercent", "number", "above 0 to 100; the threshold it makes must stay below the highest burn rate each goal allows, 1 / (1 − goal)",
            "The alarm fires when this share of the interval's error budget burns within the long window; the threshold is derived, never set.",
            "1", From(settings => settings.Slo.BurnRate.BudgetFraction * 100))
        {
            Sources = [BurnRateConfiguration],
        },
        new("slo.burnRate.longWindowMinutes", "integer", $"2 to {SloSettingsReader.MaxLookBackWindowMinutes}", "Application Signals' long look-back window.",
            "120", From(settings => settings.Slo.BurnRate.LongWindowMinutes))
        {
            Sources = [BurnRateConfiguration],
        },
        new("slo.burnRate.shortWindowMinutes", "integer", $"1 to {SloSettingsReader.MaxLookBackWindowMinutes - 1}, shorter than the long window",
            "The short window confirms that a burn seen over the long one is still going on.",
            "10", From(settings => settings.Slo.BurnRate.ShortWindowMinutes))
        {
            Sources = [BurnRateConfiguration],
        },
    ];

    private static string RetentionDays => $"days CloudWatch Logs accepts: {string.Join(", ", LogRetention.AllowedDays)}";

    /// <summary>A top-level key whose value is an object or a map: its keys are described one by one.</summary>
    private static SettingDescription Section(string key, string description) =>
        new(key, key is ConfigKeys.Traffic or ConfigKeys.Tags ? "map" : "object", "", description, "{}", SettingDescription.NoDefault);

    private static Func<ResolvedStack, string?> From(Func<StackSettings, object?> read) => resolved => SettingFormat.Of(read(resolved.Settings));

    /// <summary>A default that is the reader's own for an item of a list, the same in every stack.</summary>
    private static Func<ResolvedStack, string?> Fixed(object value) => _ => SettingFormat.Of(value);

    private static string Choices(IEnumerable<string> names) => $"one of {string.Join(", ", names.Select(name => $"`{name}`"))}";

    private static string Json(string text) => JsonSerializer.Serialize(text);
}
