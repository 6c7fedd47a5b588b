using System.Collections.Immutable;
using System.Text.Json;
using Moq;
using Pulumi;
using Pulumi.Testing;

namespace Infra.Tests;

/// <summary>A resource the program registered, with the inputs it sent.</summary>
public sealed record Registered(string Type, string Name, ImmutableDictionary<string, object> Inputs)
{
    /// <summary>The input, or null when the program did not send it (or, in a preview, sent an unknown value).</summary>
    public object? Input(string key) => Inputs.TryGetValue(key, out var value) ? value : null;

    public string? String(string key) => Input(key) as string;

    /// <summary>An object input; fails the test when it is missing.</summary>
    public ImmutableDictionary<string, object> Object(string key) =>
        Assert.IsAssignableFrom<ImmutableDictionary<string, object>>(Required(key));

    /// <summary>A list input; fails the test when it is missing, so a loop over it cannot pass vacuously.</summary>
    public IReadOnlyList<object> List(string key) => Required(key) switch
    {
        ImmutableArray<object> array => array,
        var other => throw new Xunit.Sdk.XunitException($"{Type} {Name}: input {key} is a {other.GetType().Name}, not a list"),
    };

    public IReadOnlyList<string> Strings(string key) => List(key).Select(item => Assert.IsType<string>(item)).ToList();

    private object Required(string key) => Inputs.TryGetValue(key, out var value)
        ? value
        : throw new Xunit.Sdk.XunitException($"{Type} {Name} has no input {key} (inputs: {string.Join(", ", Inputs.Keys.Order(StringComparer.Ordinal))})");
}

/// <summary>
/// Strict mocks: every type token the program may register is listed with what the provider would compute
/// (ids, ARNs, URLs); everything else is echoed from the inputs. An unknown type or call fails the test.
/// In a preview the computed values are unknown, as the engine reports them for resources still to be created.
/// </summary>
public sealed class StackMocks
{
    public const string Account = "123456789012";
    public const string Region = "us-west-2";
    public const string VpcId = "vpc-0a1b2c3d4e5f60718";
    public const string VpcCidr = "172.31.0.0/16";

    /// <summary>
    /// The value the Pulumi .NET SDK reads as "unknown" when it comes back from the engine
    /// (pulumi/pulumi-dotnet v3.112.1, sdk/Pulumi/Serialization/Constants.cs, UnknownValue; Deserializer.cs turns it
    /// into an unknown output). Inputs derived from it are then left out of later mock calls
    /// (sdk/Pulumi/Testing/MockMonitor.cs, ToDictionary keeps known values only).
    /// </summary>
    public const string Unknown = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

    private readonly List<Registered> _resources = [];

    /// <param name="isPreview">
    /// Answer as the engine does in a preview: ids and provider-computed outputs unknown, inputs echoed.
    /// </param>
    public StackMocks(bool isPreview = false)
    {
        IsPreview = isPreview;
        Mock.Setup(mocks => mocks.NewResourceAsync(It.IsAny<MockResourceArgs>()))
            .Returns((MockResourceArgs args) => Task.FromResult<(string?, object)>(NewResource(args)));
        Mock.Setup(mocks => mocks.CallAsync(It.IsAny<MockCallArgs>()))
            .Returns((MockCallArgs args) => Task.FromResult(Call(args)));
        Mock.Setup(mocks => mocks.RegisterResourceOutputs(It.IsAny<MockRegisterResourceOutputsRequest>()))
            .Returns((MockRegisterResourceOutputsRequest request) =>
            {
                lock (_outputsRegistered)
                {
                    _outputsRegistered.Add(request.Urn ?? "");
                }

                return Task.CompletedTask;
            });
    }

    private readonly List<string> _outputsRegistered = [];

    /// <summary>The URNs of the components (and the stack) that called RegisterOutputs.</summary>
    public IReadOnlyList<string> OutputsRegistered
    {
        get
        {
            lock (_outputsRegistered)
            {
                return _outputsRegistered.ToList();
            }
        }
    }

    public Mock<IMocks> Mock { get; } = new(MockBehavior.Strict);

    public bool IsPreview { get; }

    /// <summary>
    /// Resource types whose every output (echoed inputs included) comes back unknown: whatever another resource
    /// takes from them is then missing from its inputs, which shows that it is wired to them rather than to a copy.
    /// </summary>
    public IReadOnlySet<string> UnknownOutputs { get; init; } = new HashSet<string>();

    public IReadOnlyList<Registered> Resources
    {
        get
        {
            lock (_resources)
            {
                return _resources.ToList();
            }
        }
    }

    public IReadOnlyList<Registered> OfType(string type) => Resources.Where(resource => resource.Type == type).ToList();

    public Registered Single(string type) => Assert.Single(OfType(type));

    /// <summary>
    /// Appended to the ARNs and URLs AWS computes for functions, queues and tables, so they differ from anything the
    /// program could predict from names: a resource that carries a prediction instead of the output then shows it.
    /// </summary>
    public string? PhysicalIdSuffix { get; init; }

    private static readonly HashSet<string> ComputedByAws = ["aws:lambda/function:Function", "aws-native:sqs:Queue", "aws-native:dynamodb:Table"];

    private (string? Id, object State) NewResource(MockResourceArgs args)
    {
        var type = args.Type ?? throw new InvalidOperationException("resource without a type");
        var name = args.Name ?? "";
        var inputs = args.Inputs;
        lock (_resources)
        {
            _resources.Add(new Registered(type, name, inputs));
        }

        var state = inputs.ToBuilder();
        string Arn(string service, string resource) => $"arn:aws:{service}:{Region}:{Account}:{resource}";
        var computed = type switch
        {
            _ when type.StartsWith("adot-tracing:", StringComparison.Ordinal) => [],
            _ when type.StartsWith("pulumi:providers:", StringComparison.Ordinal) => [],
            "aws-native:iam:Role" => new Dictionary<string, object> { ["arn"] = $"arn:aws:iam::{Account}:role/{inputs["roleName"]}", ["roleId"] = $"AROA{name}" },
            "aws-native:iam:ManagedPolicy" => new Dictionary<string, object> { ["policyArn"] = $"arn:aws:iam::{Account}:policy/{inputs["managedPolicyName"]}" },
            "aws-native:iam:InstanceProfile" => new Dictionary<string, object> { ["arn"] = $"arn:aws:iam::{Account}:instance-profile/{inputs["instanceProfileName"]}" },
            "aws-native:ecs:Cluster" => new Dictionary<string, object> { ["arn"] = Arn("ecs", $"cluster/{inputs["clusterName"]}") },
            "aws-native:logs:LogGroup" => new Dictionary<string, object> { ["arn"] = Arn("logs", $"log-group:{inputs["logGroupName"]}:*") },
            "aws-native:ssm:Parameter" => new Dictionary<string, object> { ["arn"] = Arn("ssm", $"parameter{inputs["name"]}") },
            "aws-native:ec2:SecurityGroup" => new Dictionary<string, object> { ["groupId"] = "sg-0123456789abcdef0", ["awsId"] = "sg-0123456789abcdef0" },
            "aws-native:ec2:LaunchTemplate" => new Dictionary<string, object> { ["launchTemplateId"] = "lt-0123456789abcdef0", ["latestVersionNumber"] = "1", ["defaultVersionNumber"] = "1" },
            "aws-native:autoscaling:AutoScalingGroup" => new Dictionary<string, object> { ["autoScalingGroupArn"] = Arn("autoscaling", $"autoScalingGroup:uuid:autoScalingGroupName/{inputs["autoScalingGroupName"]}") },
            "aws-native:autoscaling:ScalingPolicy" => new Dictionary<string, object> { ["arn"] = Arn("autoscaling", $"scalingPolicy:uuid:autoScalingGroupName/{inputs["autoScalingGroupName"]}:policyName/{name}") },
            "aws-native:ecs:CapacityProvider" => [],
            "aws-native:ecs:ClusterCapacityProviderAssociations" => [],
            "aws-native:ecs:TaskDefinition" => new Dictionary<string, object> { ["taskDefinitionArn"] = Arn("ecs", $"task-definition/{inputs["family"]}:1") },
            "aws-native:ecs:Service" => new Dictionary<string, object> { ["serviceArn"] = Arn("ecs", $"service/{inputs["serviceName"]}"), ["name"] = inputs["serviceName"] },
            "aws:lambda/function:Function" => new Dictionary<string, object> { ["arn"] = Arn("lambda", $"function:{inputs["name"]}") },
            "aws:lambda/eventSourceMapping:EventSourceMapping" => new Dictionary<string, object> { ["uuid"] = "6c9e3a6e-0000-4000-8000-000000000000" },
            "aws:lambda/permission:Permission" => [],
            "aws-native:sqs:Queue" => new Dictionary<string, object>
            {
                ["arn"] = Arn("sqs", (string)inputs["queueName"]),
                ["queueUrl"] = $"https://sqs.{Region}.amazonaws.com/{Account}/{inputs["queueName"]}",
            },
            "aws-native:dynamodb:Table" => new Dictionary<string, object> { ["arn"] = Arn("dynamodb", $"table/{inputs["tableName"]}") },
            "aws-native:apigateway:RestApi" => new Dictionary<string, object> { ["restApiId"] = "a1b2c3d4e5", ["rootResourceId"] = "root12" },
            "aws-native:apigateway:Deployment" => new Dictionary<string, object> { ["deploymentId"] = "dep123" },
            "aws-native:apigateway:Stage" => [],
            "aws-native:xray:SamplingRule" => new Dictionary<string, object> { ["ruleArn"] = Arn("xray", $"sampling-rule/{inputs["ruleName"]}") },
            "aws-native:xray:Group" => new Dictionary<string, object> { ["groupArn"] = Arn("xray", $"group/{inputs["groupName"]}/id") },
            "aws-native:xray:TransactionSearchConfig" => new Dictionary<string, object> { ["accountId"] = Account },
            "aws-native:logs:ResourcePolicy" => [],
            "aws-native:applicationsignals:Discovery" => new Dictionary<string, object> { ["accountId"] = Account },
            "aws-native:sns:Topic" => new Dictionary<string, object> { ["topicArn"] = Arn("sns", (string)inputs["topicName"]) },
            "aws-native:cloudwatch:Alarm" => new Dictionary<string, object> { ["arn"] = Arn("cloudwatch", $"alarm:{inputs["alarmName"]}") },
            "aws-native:cloudwatch:Dashboard" => [],
            "aws-native:logs:MetricFilter" => [],
            "aws-native:applicationsignals:ServiceLevelObjective" => new Dictionary<string, object>
            {
                ["arn"] = Arn("application-signals", $"slo/{inputs["name"]}"),
                ["createdTime"] = 1764115200,
                ["lastUpdatedTime"] = 1764115200,
                ["evaluationType"] = inputs.ContainsKey("requestBasedSli") ? "RequestBased" : "PeriodBased",
            },
            _ => throw new InvalidOperationException($"The program registered an unexpected resource type {type} ({name})."),
        };
        foreach (var (key, value) in computed)
        {
            state[key] = IsPreview ? Unknown
                : PhysicalIdSuffix is { } suffix && value is string text && ComputedByAws.Contains(type) ? $"{text}{suffix}"
                : value;
        }

        if (UnknownOutputs.Contains(type))
        {
            foreach (var key in state.Keys.ToList())
            {
                state[key] = Unknown;
            }
        }

        // An empty id is an unknown id (sdk/Pulumi/Deployment/Deployment_ReadOrRegisterResource.cs at v3.112.1).
        return (IsPreview ? "" : $"{name}-id", state.ToImmutable());
    }

    private static object Call(MockCallArgs args) => args.Token switch
    {
        "aws:index/getCallerIdentity:getCallerIdentity" => new Dictionary<string, object>
        {
            ["accountId"] = Account,
            ["arn"] = $"arn:aws:iam::{Account}:user/ci",
            ["userId"] = "AIDAEXAMPLE",
            ["id"] = Account,
        },
        // The AWS provider's Region (aws:region), as getRegion answers it.
        "aws:index/getRegion:getRegion" => new Dictionary<string, object> { ["name"] = Region, ["region"] = Region, ["id"] = Region },
        "aws:ec2/getVpc:getVpc" => new Dictionary<string, object> { ["id"] = VpcId, ["cidrBlock"] = VpcCidr, ["default"] = true },
        "aws:ec2/getSubnets:getSubnets" => new Dictionary<string, object>
        {
            ["id"] = "us-west-2",
            ["ids"] = ImmutableArray.Create<object>("subnet-0aaaaaaaaaaaaaaa1", "subnet-0bbbbbbbbbbbbbbb2"),
        },
        _ => throw new InvalidOperationException($"The program made an unexpected call {args.Token}."),
    };

    /// <summary>Config as the engine passes it: every value a string, objects as JSON text.</summary>
    public static string ConfigJson(IReadOnlyDictionary<string, string> values) => JsonSerializer.Serialize(values);
}
