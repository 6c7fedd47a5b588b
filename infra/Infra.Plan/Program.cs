using Infra.Plan;

// A terminal gets tables fitted to its width; redirected output (CI logs, files) a fixed width.
return PlanCommand.Run(args, Console.Out, Console.Error, Console.IsOutputRedirected ? null : Console.WindowWidth);
