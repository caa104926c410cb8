using Verivius.Web.Cli;
using Verivius.Web.Hosting;

if (OperatorCommands.IsVerb(args))
{
    return await OperatorCommands.RunAsync(args);
}

var app = PortalHost.CreateBuilder(args).Build();
app.UsePortal();
await app.Services.PrepareDatabaseAsync(announce: true);
await app.RunAsync();
return 0;

/// <summary>The entry point, named so the tests' WebApplicationFactory can find it.</summary>
public partial class Program;
