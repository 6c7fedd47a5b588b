using Infra.Plan;

return PlanCommand.Run(args, Console.Out, Console.Error);
