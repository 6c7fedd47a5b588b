using Infra.Core.Settings;

namespace Infra.Core.Tests.Settings;

public class SettingsParserTests
{
    [Theory]
    [InlineData("dev", DeploymentEnvironment.Dev)]
    [InlineData("staging", DeploymentEnvironment.Staging)]
    [InlineData("prod", DeploymentEnvironment.Prod)]
    public void EnvironmentDefaultsToTheStackName(string stack, DeploymentEnvironment expected) =>
        Assert.Equal(expected, TestStacks.Settings(stack).Environment);

    [Fact]
    public void EnvironmentIsRequiredWhenTheStackNameIsNotOne()
    {
        var error = TestStacks.Single(TestStacks.Errors("feature-x"), "adot-tracing:environment");
        Assert.Contains("feature-x", error.Message);
        Assert.Contains("dev, staging, prod", error.Message);
    }

    [Fact]
    public void ExplicitEnvironmentWinsOverTheStackName() =>
        Assert.Equal(DeploymentEnvironment.Prod, TestStacks.Settings("feature-x", ("environment", "prod")).Environment);

    [Fact]
    public void UnknownEnvironmentListsTheAllowedOnes()
    {
        var error = TestStacks.Single(TestStacks.Errors("dev", ("environment", "qa")), "adot-tracing:environment");
        Assert.Contains("'qa'", error.Message);
        Assert.Contains("dev, staging, prod", error.Message);
    }

    [Fact]
    public void RegionIsRequired()
    {
        var raw = new RawStackConfig("dev", new Dictionary<string, string>());
        var result = TestStacks.ParseRaw(raw);
        Assert.Contains(result.Errors, error => error.Key == "aws:region" && error.Message.Contains("required"));
    }

    [Fact]
    public void NativeRegionMustMatchTheAwsRegion()
    {
        var error = TestStacks.Single(TestStacks.Errors("dev", ("aws-native:region", "eu-west-1")), "aws-native:region");
        Assert.Contains("eu-west-1", error.Message);
        Assert.Contains("us-west-2", error.Message);
    }

    [Fact]
    public void NativeRegionIsRequired()
    {
        var raw = new RawStackConfig("dev", new Dictionary<string, string> { ["aws:region"] = "us-west-2" });
        Assert.Contains(TestStacks.ParseRaw(raw).Errors, error => error.Key == "aws-native:region");
    }

    [Fact]
    public void UnknownTopLevelKeySuggestsTheNearest()
    {
        var error = TestStacks.Single(TestStacks.Errors("dev", ("colector", "{}")), "adot-tracing:colector");
        Assert.Contains("Did you mean 'collector'?", error.Message);
    }

    [Fact]
    public void UnknownNestedKeyNamesTheFullPathAndSuggests()
    {
        var error = TestStacks.Single(TestStacks.Errors("dev", ("collector", "{\"instanceTyp\":\"t3.large\"}")), "adot-tracing:collector.instanceTyp");
        Assert.Contains("Did you mean 'instanceType'?", error.Message);
    }

    [Fact]
    public void WrongTypeNamesKeyValueAndExpectation()
    {
        var error = TestStacks.Single(TestStacks.Errors("dev", ("collector", "{\"minSize\":\"many\"}")), "adot-tracing:collector.minSize");
        Assert.Contains("\"many\"", error.Message);
        Assert.Contains("whole number", error.Message);
    }

    [Fact]
    public void OutOfRangeNamesTheAllowedRange()
    {
        var error = TestStacks.Single(
            TestStacks.Errors("dev", ("sampling", "{\"rules\":[{\"name\":\"a\",\"priority\":1,\"fixedRate\":0.1},{\"name\":\"b\",\"priority\":2,\"fixedRate\":0.2},{\"name\":\"c\",\"priority\":3,\"fixedRate\":1.5}]}")),
            "adot-tracing:sampling.rules[2].fixedRate");
        Assert.Contains("1.5", error.Message);
        Assert.Contains("0 to 1", error.Message);
    }

    [Fact]
    public void ObjectThatIsNotJsonIsAnError() =>
        TestStacks.Single(TestStacks.Errors("dev", ("collector", "instanceType=t3.large")), "adot-tracing:collector");

    [Fact]
    public void EveryErrorIsCollectedNotJustTheFirst()
    {
        var errors = TestStacks.Errors("dev",
            ("iamMode", "admin"),
            ("collector", "{\"minSize\":-1,\"schedulingStrategy\":\"DEAMON\"}"),
            ("api", "{\"type\":\"http\"}"),
            ("aws-native:region", "eu-west-1"));
        Assert.Contains(errors, error => error.Key == "adot-tracing:iamMode");
        Assert.Contains(errors, error => error.Key == "adot-tracing:collector.minSize");
        Assert.Contains(errors, error => error.Key == "adot-tracing:collector.schedulingStrategy" && error.Message.Contains("Did you mean 'DAEMON'?"));
        Assert.Contains(errors, error => error.Key == "adot-tracing:api.type");
        Assert.Contains(errors, error => error.Key == "aws-native:region");
    }

    [Fact]
    public void NumbersAndBooleansWrittenAsStringsAreAccepted()
    {
        var settings = TestStacks.Settings("dev", ("collector", "{\"maxSize\":\"3\",\"enabled\":\"true\"}"), ("app", "{\"simulateFailure\":\"true\"}"));
        Assert.Equal(3, settings.Collector.MaxSize);
        Assert.True(TestStacks.AppOf("dev", ("app", "{\"simulateFailure\":\"true\"}")).SimulateFailure);
    }

    [Fact]
    public void EveryKeyRoundTrips()
    {
        var settings = TestStacks.Settings("dev",
            ("environment", "staging"),
            ("profile", "article"),
            ("iamMode", "least-privilege"),
            ("collector", """
                {"enabled":true,"instanceType":"t3.large","minSize":1,"maxSize":3,"desiredCapacity":2,"vpcId":"vpc-0123456789abcdef0",
                 "subnetIds":["subnet-0123456789abcdef0","subnet-abcdef01"],"schedulingStrategy":"REPLICA","desiredCount":2,"imageTag":"v0.43.1",
                 "cpu":1024,"memory":3072,"logRetentionDays":14,"config":{"source":"bundled","bundledPath":"/etc/ecs/ecs-xray.yaml"}}
                """),
            ("lambda", """{"flavor":"distro","architecture":"arm64","versions":{"python":"30"},"layerArn":"arn:aws:lambda:us-west-2:123456789012:layer:custom:3","memorySize":1024,"timeoutSeconds":20,"logRetentionDays":60}"""),
            ("app", """{"simulateFailure":true,"knowledgeBaseId":"ABCDEFGHIJ","maxReceiveCount":7,"batchSize":5}"""),
            ("api", """{"type":"rest","stageName":"v1","throttlingRateLimit":12.5,"throttlingBurstLimit":30,"logRetentionDays":14}"""),
            ("sampling", """{"criticalPaths":["/pay*"],"routinePaths":["/ping"],"rules":[{"name":"orders","priority":50,"fixedRate":0.3,"reservoirSize":2,"urlPath":"/orders/*","httpMethod":"POST","host":"*","serviceName":"orders-service","serviceType":"AWS::ECS::Container","boost":{"maxRate":0.6,"cooldownWindowMinutes":5}}]}"""),
            ("traffic", """{"POST /pay":3,"GET /ping":1.5}"""),
            ("transactionSearch", """{"enabled":true,"indexingPercentage":5}"""),
            ("applicationSignals", """{"enabled":true,"discovery":true}"""),
            ("tags", """{"team":"sre","owner":"platform"}"""));

        Assert.Equal(DeploymentEnvironment.Staging, settings.Environment);
        Assert.Equal(Profile.Article, settings.Profile);
        Assert.Equal(IamMode.LeastPrivilege, settings.IamMode);
        var collector = settings.Collector;
        Assert.Equal(("t3.large", 1, 3, 2), (collector.InstanceType, collector.MinSize, collector.MaxSize, collector.DesiredCapacity));
        Assert.Equal("vpc-0123456789abcdef0", collector.VpcId);
        Assert.Equal(["subnet-0123456789abcdef0", "subnet-abcdef01"], collector.SubnetIds);
        Assert.Equal((SchedulingStrategy.Replica, 2, "v0.43.1"), (collector.SchedulingStrategy, collector.DesiredCount, collector.ImageTag));
        Assert.Equal((1024, 3072, 14), (collector.Cpu, collector.Memory, collector.LogRetentionDays));
        Assert.Equal(CollectorConfigSource.Bundled, collector.Config.Source);
        Assert.Equal("/etc/ecs/ecs-xray.yaml", collector.Config.BundledPath);

        Assert.Equal((LayerFlavor.Distro, LambdaArchitecture.Arm64), (settings.Lambda.Flavor, settings.Lambda.Architecture));
        Assert.Equal("30", settings.Lambda.Versions["python"]);
        Assert.Equal("arn:aws:lambda:us-west-2:123456789012:layer:custom:3", settings.Lambda.LayerArn);
        Assert.Equal((1024, 20, 60), (settings.Lambda.MemorySize, settings.Lambda.TimeoutSeconds, settings.Lambda.LogRetentionDays));

        Assert.Equal(new AppView(true, "ABCDEFGHIJ", 7, 5), TestStacks.AppOf("dev", ("app", """{"simulateFailure":true,"knowledgeBaseId":"ABCDEFGHIJ","maxReceiveCount":7,"batchSize":5}""")));
        Assert.Equal(new ApiSettings(ApiType.Rest, "v1", 12.5, 30, 14), settings.Api);

        Assert.Equal(["/pay*"], settings.Sampling.CriticalPaths);
        Assert.Equal(["/ping"], settings.Sampling.RoutinePaths);
        Assert.Equal(new CustomSamplingRule("orders", 50, 0.3, 2, "/orders/*", "POST", "*", new SamplingBoost(0.6, 5), "orders-service", "AWS::ECS::Container"), Assert.Single(settings.Sampling.Rules));

        Assert.Equal([new RouteTraffic("POST", "/pay", 3), new RouteTraffic("GET", "/ping", 1.5)], settings.Traffic);
        Assert.Equal(new TransactionSearchSettings(true, 5), settings.TransactionSearch);
        Assert.Equal(new ApplicationSignalsSettings(Enabled: true, Discovery: true), settings.ApplicationSignals);
        Assert.Equal("platform", settings.Tags["owner"]);
    }

    [Fact]
    public void StackFileOverridesOnlyWhatItSets()
    {
        var settings = TestStacks.Settings("prod", ("collector", "{\"instanceType\":\"t3.large\"}"));
        var preset = EnvironmentPresets.For(DeploymentEnvironment.Prod).Collector;
        Assert.Equal("t3.large", settings.Collector.InstanceType);
        Assert.Equal(preset.MinSize, settings.Collector.MinSize);
        Assert.Equal(preset.LogRetentionDays, settings.Collector.LogRetentionDays);
    }

    [Fact]
    public void TrafficRouteMustBeMethodAndPath()
    {
        var error = TestStacks.Single(TestStacks.Errors("dev", ("traffic", "{\"/chat\":5}")), "adot-tracing:traffic./chat");
        Assert.Contains("METHOD /path", error.Message);
    }

    [Fact]
    public void StackNameMustFitAwsNames()
    {
        var errors = TestStacks.Errors("Feature_Branch_With_A_Very_Long_Name", ("environment", "dev"));
        Assert.Contains(errors, error => error.Key == "stack name");
    }

    [Fact]
    public void TagsCannotUseTheAwsPrefix() =>
        TestStacks.Single(TestStacks.Errors("dev", ("tags", "{\"aws:owner\":\"x\"}")), "adot-tracing:tags.aws:owner");

    [Fact]
    public void RetentionMustBeOneCloudWatchAccepts()
    {
        var error = TestStacks.Single(TestStacks.Errors("dev", ("lambda", "{\"logRetentionDays\":10}")), "adot-tracing:lambda.logRetentionDays");
        Assert.Contains("14", error.Message);
    }
}
