using Infra;

return await Pulumi.Deployment.RunAsync(AdotTracingProgram.RunAsync);
