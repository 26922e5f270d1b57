using SysRift.Web.Cli;
using SysRift.Web.Composition;

// The same binary is the site and its command line (recipe validate/import/export, backup).
if (CommandLine.IsCommand(args)) return await CommandLine.RunAsync(args);
// A word that is not a command ("restore", "user list") is a mistake, not a reason to start the site.
if (CommandLine.IsUnknownCommand(args)) return CommandLine.UnknownCommand(args[0]);

var builder = WebApplication.CreateBuilder(args);
builder.AddSysRift(SiteModules.All());

var app = builder.Build();
ModelWarmup.Begin(app.Services);
try
{
    await app.InitializeSysRiftAsync();
}
catch (SysRift.Setup.Services.SetupFailedException failed)
{
    // The operator's configuration is wrong: the reasons, once, and exit code 1; no stack trace.
    await Console.Error.WriteLineAsync(failed.Message);
    return 1;
}

app.UseSysRift();
await app.RunAsync();
return 0;

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
