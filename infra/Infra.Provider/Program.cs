using Infra.Provider;
using Pulumi.Experimental.Provider;

// `schema`: print the schema the provider serves, offline (the engine starts a provider with its own address instead).
if (args is ["schema"])
{
    Console.WriteLine(await AdotTracingPackage.SchemaAsync());
    return;
}

await Provider.Serve(args, AdotTracingPackage.Version, _ => AdotTracingPackage.CreateProvider(), CancellationToken.None);
