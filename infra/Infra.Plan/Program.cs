using Infra.Plan;

try
{
    // A terminal gets tables fitted to its width; redirected output (CI logs, files) a fixed width.
    int? terminalWidth = !Console.IsOutputRedirected && Console.WindowWidth > 0 ? Console.WindowWidth : null;
    return PlanCommand.Run(args, Console.Out, Console.Error, terminalWidth);
}
catch (Exception exception)
{
    // A failure of the plan itself, not of the stack's settings (those are reported as errors with exit 2).
    Console.Error.WriteLine($"scripts/plan failed: {exception.GetType().Name}: {exception.Message}");
    Console.Error.WriteLine("This is a bug in the plan, not in your stack files; please report it with the stack file that caused it.");
    return 70;
}
