using Infra.Plan;

// A terminal gets tables fitted to its width; redirected output (CI logs, files) a fixed width.
int? terminalWidth = !Console.IsOutputRedirected && Console.WindowWidth > 0 ? Console.WindowWidth : null;
return PlanCommand.Run(args, Console.Out, Console.Error, terminalWidth);
