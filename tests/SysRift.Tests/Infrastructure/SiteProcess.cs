using System.Diagnostics;

namespace SysRift.Tests;

/// <summary>The real program in its own process, as an operator runs it: exit code, stdout and stderr.</summary>
public static class SiteProcess
{
    public static async Task<(int Exit, string Output, string Errors)> RunAsync(string dataPath, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = dataPath };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "SysRift.Web.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["SysRift__DataPath"] = dataPath;
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in environment) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        }
        finally
        {
            // A process that wrongly went on serving must not outlive its test.
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }

        return (process.ExitCode, await output, await errors);
    }
}
