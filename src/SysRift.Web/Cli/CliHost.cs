using SysRift.Web.Composition;

namespace SysRift.Web.Cli;

/// <summary>The site's services for a command: the same modules and configuration, logging to stderr only.</summary>
public static class CliHost
{
    public static WebApplication Build()
    {
        // The command's own words are not configuration; everything else (env, appsettings) is the site's.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // Every log line goes to stderr: stdout carries only the command's output (a report, an export).
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.AddSysRift(SiteModules.All());
        var host = builder.Build();
        ModelWarmup.Begin(host.Services);
        return host;
    }

    /// <summary>The operator's relative path, from the directory the command was started in.</summary>
    public static string FullPath(string path) => Path.GetFullPath(path, Environment.CurrentDirectory);
}
