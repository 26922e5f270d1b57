using System.CommandLine;

namespace SysRift.Web.Cli;

/// <summary>
/// The operator's command line, on the same binary and configuration as the site, on System.CommandLine:
/// options go anywhere, every command has --help, relative paths are taken from the directory the command
/// was started in. Exit codes: 0 success, 1 the work failed (with the reason on stderr), 2 a usage error.
/// Logs go to stderr, so stdout carries only the command's output (a report, an export).
/// </summary>
public static class CommandLine
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int UsageError = 2;

    private static readonly string[] Commands = ["recipe", "backup", "restore", "health", "user"];

    /// <summary>Whether these arguments are a command (or a request for help) rather than the site's own options.</summary>
    public static bool IsCommand(string[] args) => args.Length > 0 && (Commands.Contains(args[0]) || args[0] is "help" or "--help" or "-h" or "-?" or "--version");

    /// <summary>The first argument is a word but no command; options ("--urls ...") belong to the host.</summary>
    public static bool IsUnknownCommand(string[] args) => args.Length > 0 && !args[0].StartsWith('-') && !IsCommand(args);

    public static RootCommand Root()
    {
        var root = new RootCommand("SysRift: run with no command to serve the site; the commands below operate it. Configuration as for the site (SysRift__DataPath, SysRift__Database__Provider, ...).");
        root.Subcommands.Add(RecipeCommands.Create());
        root.Subcommands.Add(BackupCommand.Create());
        root.Subcommands.Add(RestoreCommand.Create());
        root.Subcommands.Add(HealthCommand.Create());
        root.Subcommands.Add(UserCommands.Create());
        return root;
    }

    public static async Task<int> RunAsync(string[] args)
    {
        if (args is ["help", .. var rest]) args = [.. rest, "--help"];
        var parsed = Root().Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors) await Console.Error.WriteLineAsync($"error: {error.Message}");
            await Console.Error.WriteLineAsync($"Try '{string.Join(' ', CommandPath(parsed).Append("--help"))}'.");
            return UsageError;
        }

        try
        {
            return await parsed.InvokeAsync();
        }
        catch (Exception exception) when (exception is InvalidOperationException or IOException or UnauthorizedAccessException or System.Data.Common.DbException)
        {
            await Console.Error.WriteLineAsync($"error: {exception.Message}");
            return Failure;
        }
    }

    /// <summary>"recipe import": the commands the parse reached, for pointing at their help.</summary>
    private static List<string> CommandPath(ParseResult parsed)
    {
        var names = new List<string>();
        for (var result = parsed.CommandResult; result is { Command: not RootCommand }; result = result.Parent as System.CommandLine.Parsing.CommandResult)
            names.Insert(0, result.Command.Name);
        return names;
    }

    public static int UnknownCommand(string command)
    {
        Console.Error.WriteLine($"error: unknown command \"{command}\" (commands: {string.Join(", ", Commands)}; see --help)");
        return UsageError;
    }
}
