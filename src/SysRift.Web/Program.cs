using SysRift.Web.Cli;
using SysRift.Web.Composition;

// The same binary is the site and its command line (recipe validate/import/export, backup).
if (CommandLine.IsCommand(args)) return await CommandLine.RunAsync(args);

var builder = WebApplication.CreateBuilder(args);
builder.AddSysRift(SiteModules.All());

var app = builder.Build();
await app.InitializeSysRiftAsync();
app.UseSysRift();
await app.RunAsync();
return 0;

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
