using Infra.Core.Api;
using Infra.Core.Messaging;
using Infra.Core.Settings;

namespace Infra.Core.Cost;

/// <summary>
/// How often each function runs in a month, from what invokes it: the traffic on the API routes in front of it, and
/// for a queue's consumer one run per message its producer sends (<see cref="CostAssumptions.MessagesPerProducerInvocation"/>).
/// </summary>
internal sealed class FunctionInvocations
{
    private readonly Dictionary<string, (double PerMonth, string Per)> _byFunction;

    private FunctionInvocations(Dictionary<string, (double, string)> byFunction) => _byFunction = byFunction;

    public (double PerMonth, string Per) Of(string functionKey) =>
        _byFunction.TryGetValue(functionKey, out var found) ? found : (0, "nothing invokes it");

    public static FunctionInvocations PerMonth(IReadOnlyList<RouteTraffic> traffic, IReadOnlyList<RouteSpec> routes, IReadOnlyList<QueueSpec> queues)
    {
        var result = new Dictionary<string, (double, string)>(StringComparer.Ordinal);
        foreach (var function in routes.Select(route => route.FunctionKey).OfType<string>().Distinct())
        {
            var served = routes.Where(route => route.FunctionKey == function).Select(route => $"{route.Method} {route.Path}").ToHashSet(StringComparer.Ordinal);
            var perMonth = traffic.Where(route => served.Contains(route.Route)).Sum(route => route.RequestsPerSecond) * CostAssumptions.SecondsPerMonth;
            result[function] = (perMonth, $"one invocation per request to {string.Join(", ", served.Order(StringComparer.Ordinal))}");
        }

        // A consumer runs once per message; a chain of queues is followed as far as it goes, each queue once.
        var pending = queues.ToList();
        while (pending.FirstOrDefault(queue => result.ContainsKey(queue.Producer)) is { } next)
        {
            pending.Remove(next);
            var messages = result[next.Producer].Item1 * CostAssumptions.MessagesPerProducerInvocation;
            var (before, per) = result.TryGetValue(next.Consumer, out var known) ? known : (0d, "");
            var why = $"one invocation per message on {next.Name}";
            result[next.Consumer] = (before + messages, per.Length == 0 ? why : $"{per}; {why}");
        }

        return new FunctionInvocations(result);
    }
}
