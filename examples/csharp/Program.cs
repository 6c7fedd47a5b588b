using Pulumi;
using TracedApiExample;

return await Deployment.RunAsync(TracedApi.Run);
