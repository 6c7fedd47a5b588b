namespace Delivery.Tests;

/// <summary>
/// Stryker.NET's own check of the thresholds it is given, restated so that a combination Stryker refuses fails here
/// rather than in the weekly run. Source: stryker-mutator/stryker-net@dotnet-stryker@4.16.0,
/// src/Stryker.Configuration/Options/Inputs/ThresholdHighInput.cs, ThresholdLowInput.cs and ThresholdBreakInput.cs,
/// called from src/Stryker.Configuration/Options/StrykerInputs.cs with the other thresholds as supplied (null when not set,
/// and a comparison with null is false in C#, so an unset threshold constrains nothing).
/// </summary>
internal static class StrykerThresholds
{
    /// <summary>The messages Stryker throws (InputException), in the order StrykerInputs validates: high, low, break.</summary>
    public static IReadOnlyList<string> Errors(int? high, int? low, int? @break)
    {
        var errors = new List<string>();
        if (high is { } h)
        {
            if (h > 100 || h < 0)
            {
                errors.Add("Threshold high must be between 0 and 100.");
            }
            else if (low > h)
            {
                errors.Add($"Threshold high must be higher than or equal to threshold low. Current high: {h}, low: {low}.");
            }
        }

        if (low is { } l)
        {
            if (l > 100 || l < 0)
            {
                errors.Add("Threshold low must be between 0 and 100.");
            }
            else if (l > high)
            {
                errors.Add($"Threshold low must be less than or equal to threshold high. Current low: {l}, high: {high}.");
            }
            else if (l < @break)
            {
                errors.Add($"Threshold low must be more than or equal to threshold break. Current low: {l}, break: {@break}.");
            }
        }

        if (@break is { } b)
        {
            if (b > 100 || b < 0)
            {
                errors.Add("Threshold break must be between 0 and 100.");
            }
            else if (b > low)
            {
                errors.Add($"Threshold break must be less than or equal to threshold low. Current break: {b}, low: {low}.");
            }
        }

        return errors;
    }
}
