using Infra.Core.Monitoring;
using Infra.Core.Settings;

namespace Infra.Core.Tests.Monitoring;

/// <summary>What every environment's monitoring preset must hold for the SLOs and alarms built from it.</summary>
public class MonitoringPresetTests
{
    [Theory]
    [InlineData(DeploymentEnvironment.Dev)]
    [InlineData(DeploymentEnvironment.Staging)]
    [InlineData(DeploymentEnvironment.Prod)]
    public void TheShortBurnRateWindowIsShorterThanTheLongAndBothAreLookBackWindowsApplicationSignalsAccepts(DeploymentEnvironment environment)
    {
        // BurnRateConfiguration.LookBackWindowMinutes: 1 to 10080.
        // https://docs.aws.amazon.com/applicationsignals/latest/APIReference/API_BurnRateConfiguration.html
        var policy = MonitoringPresets.For(environment).BurnRate;
        Assert.InRange(policy.ShortWindowMinutes, 1, policy.LongWindowMinutes - 1);
        Assert.InRange(policy.LongWindowMinutes, 2, 10080);
    }
}
