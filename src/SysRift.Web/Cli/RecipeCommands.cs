using System.CommandLine;
using System.Text.Json;
using SysRift.Core.Data;
using SysRift.Core.Site;
using SysRift.Recipes.Execution;
using SysRift.Recipes.Export;
using SysRift.Recipes.Reading;

namespace SysRift.Web.Cli;

/// <summary>recipe validate|import FILE [--skip-unsupported], recipe export [--out FILE].</summary>
public static class RecipeCommands
{
    public static Command Create()
    {
        var recipe = new Command("recipe", "Validate, import or export recipes (Orchard Core's JSON format).");
        recipe.Subcommands.Add(Run("validate", "Check a recipe and list every problem; applies nothing.", apply: false));
        recipe.Subcommands.Add(Run("import", "Validate a recipe, then apply it in one transaction (nothing on any error).", apply: true));
        recipe.Subcommands.Add(Export());
        return recipe;
    }

    private static Command Run(string name, string description, bool apply)
    {
        var file = new Argument<string>("FILE") { Description = "The recipe file, or a deployment package (.zip: Recipe.json and its media files); a relative path is taken from the current directory." };
        var skip = new Option<bool>("--skip-unsupported") { Description = "Import what SysRift supports and report the rest, instead of refusing the recipe." };
        var command = new Command(name, description) { file, skip };
        command.SetAction((result, cancellationToken) => RecipeAsync(CliHost.FullPath(result.GetValue(file)!), apply, result.GetValue(skip), cancellationToken));
        return command;
    }

    private static Command Export()
    {
        var output = new Option<string?>("--out", "-o") { Description = "Write the recipe to this file instead of stdout; a name ending in .zip writes a deployment package (Recipe.json and the media files)." };
        var command = new Command("export", "Write the whole site (definitions, settings, media, content) as a recipe, or as a package with --out NAME.zip.") { output };
        command.SetAction((result, cancellationToken) => ExportAsync(result.GetValue(output) is { } path ? CliHost.FullPath(path) : null, cancellationToken));
        return command;
    }

    private static async Task<int> RecipeAsync(string file, bool apply, bool skipUnsupported, CancellationToken cancellationToken)
    {
        if (!File.Exists(file))
        {
            await Console.Error.WriteLineAsync($"error: no recipe file at {file}");
            return CommandLine.Failure;
        }

        await using var host = CliHost.Build();
        var shell = host.Services.GetRequiredService<SiteShell>();
        if (apply && !shell.IsRunning)
        {
            await Console.Error.WriteLineAsync("error: this site is not set up yet; run setup first (open /setup, or configure SysRift__Setup__*).");
            return CommandLine.Failure;
        }

        if (shell.IsRunning) await host.Services.GetRequiredService<SchemaMigrator>().MigrateAsync(shell.Database);
        await using var scope = host.Services.CreateAsyncScope();
        var executor = scope.ServiceProvider.GetRequiredService<RecipeExecutor>();
        // parameters('SiteName'), ('AdminUsername'), ('AdminUserId') are the real site's; items that name no
        // owner belong to its administrator. The audit trail names the operator who ran the command.
        var parameters = shell.IsRunning ? await scope.ServiceProvider.GetRequiredService<SiteRecipeParameters>().ReadAsync() : new(StringComparer.OrdinalIgnoreCase);
        using var progress = new ImportProgress(Console.Error);
        // A deployment package is unpacked into a folder of its own; its Recipe.json runs from there, so the media
        // step finds the files beside it.
        var header = new byte[4];
        await using (var stream = File.OpenRead(file)) await stream.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, cancellationToken);
        var unpacked = RecipePackage.IsZip(header) ? Directory.CreateTempSubdirectory("sysrift-package-").FullName : null;
        try
        {
            var source = file;
            if (unpacked is not null)
            {
                await using var package = File.OpenRead(file);
                try
                {
                    source = RecipePackage.Extract(package, unpacked);
                }
                catch (InvalidDataException error)
                {
                    await Console.Error.WriteLineAsync($"error: {file}: {error.Message}");
                    return CommandLine.Failure;
                }
            }

            var options = new RecipeOptions
            {
                SkipUnsupported = skipUnsupported,
                User = parameters.GetValueOrDefault("AdminUsername"),
                AuditUser = $"{Environment.UserName} (command line)",
                Source = source,
                Parameters = parameters,
                Progress = progress,
            };
            return await RunAsync(executor, options, apply, progress, cancellationToken);
        }
        finally
        {
            if (unpacked is not null) Directory.Delete(unpacked, recursive: true);
        }
    }

    private static async Task<int> RunAsync(RecipeExecutor executor, RecipeOptions options, bool apply, ImportProgress progress, CancellationToken cancellationToken)
    {
        var source = RecipeSource.FromFile(options.Source!);
        var report = apply ? await executor.ImportAsync(source, options, cancellationToken) : await executor.ValidateAsync(source, options, cancellationToken);
        progress.Done();
        Console.WriteLine(report.Describe());
        return (apply ? report.Applied : report.IsValid) ? CommandLine.Success : CommandLine.Failure;
    }

    private static async Task<int> ExportAsync(string? output, CancellationToken cancellationToken)
    {
        await using var host = CliHost.Build();
        var shell = host.Services.GetRequiredService<SiteShell>();
        if (!shell.IsRunning)
        {
            await Console.Error.WriteLineAsync("error: this site is not set up yet; there is nothing to export.");
            return CommandLine.Failure;
        }

        await using var scope = host.Services.CreateAsyncScope();
        var exporter = scope.ServiceProvider.GetRequiredService<RecipeExporter>();
        if (output is not null && output.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(output)!);
            await using (var package = File.Create(output)) await exporter.ExportPackageAsync(package, cancellationToken);
            await Console.Error.WriteLineAsync($"exported a deployment package to {output} ({new FileInfo(output).Length:N0} bytes)");
            return CommandLine.Success;
        }

        var recipe = await exporter.ExportAsync(cancellationToken);
        var json = recipe.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        if (output is null)
        {
            Console.WriteLine(json);
            return CommandLine.Success;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        await File.WriteAllTextAsync(output, json, cancellationToken);
        await Console.Error.WriteLineAsync($"exported to {output}");
        return CommandLine.Success;
    }
}
