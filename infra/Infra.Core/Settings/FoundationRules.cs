namespace Infra.Core.Settings;

/// <summary>
/// What each kind of stack may own. The account-wide settings belong to the foundation; an app stack without one
/// creates nothing account-wide and says what it relies on.
/// </summary>
internal static class FoundationRules
{
    public static void Check(StackSettings settings, ErrorSink errors)
    {
        var kind = ConfigKeys.Full(ConfigKeys.Kind);
        if (settings.Role.IsFoundation)
        {
            return;
        }

        foreach (var (key, on) in AccountWideKeys(settings))
        {
            if (on)
            {
                errors.Warn($"{key}: account-wide, so it belongs in the foundation stack ({kind}: foundation); this app stack still owns it. "
                    + "Move it there, then set the app's foundation key to that stack.");
            }
        }

        if (!settings.Role.HasFoundation)
        {
            errors.Warn($"{ConfigKeys.Full(ConfigKeys.Foundation)} is not set: this stack runs standalone and creates nothing account-wide. "
                + "The API stage's access logging is off, since it needs API Gateway's account-level CloudWatch Logs role (a foundation stack owns it); "
                + $"it relies on Transaction Search {(settings.TransactionSearch.OnForAccount ? "being on" : "being off")} and on no other stack's collector.");
        }
    }

    private static IEnumerable<(string Key, bool On)> AccountWideKeys(StackSettings settings) =>
    [
        (ConfigKeys.Full($"{ConfigKeys.TransactionSearch}.enabled"), settings.TransactionSearch.Enabled),
        (ConfigKeys.Full($"{ConfigKeys.ApplicationSignals}.discovery"), settings.ApplicationSignals.Discovery),
    ];
}
