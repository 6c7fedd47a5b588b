namespace Infra.Core.Settings;

/// <summary>
/// The retention periods CloudWatch Logs accepts for a log group.
/// Source: https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutRetentionPolicy.html (read 2026-11-25).
/// </summary>
internal static class LogRetention
{
    public static readonly IReadOnlyList<int> AllowedDays =
        [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

    public static int Read(ObjectReader reader, string name, int fallback, ErrorSink errors)
    {
        var days = reader.Int(name, fallback, 1, 3653);
        if (!AllowedDays.Contains(days))
        {
            errors.Add(reader.PathOf(name), $"{days} is not a retention CloudWatch Logs accepts; allowed: {string.Join(", ", AllowedDays)}.");
            return fallback;
        }

        return days;
    }
}
