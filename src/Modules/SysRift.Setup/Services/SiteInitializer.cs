using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SysRift.Core.Data;
using SysRift.Core.Site;

namespace SysRift.Setup.Services;

/// <summary>
/// Runs once before the site serves: upgrades the schema of a set-up site; joins a database another node
/// already set up; or runs unattended setup when configuration asks for it. A failure stops the start
/// with a message an operator can act on, rather than serving a broken site.
/// </summary>
public sealed class SiteInitializer(SiteShell shell, SchemaMigrator migrator, SetupService setup, IOptions<SysRiftOptions> options, IServiceScopeFactory scopes, ILogger<SiteInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        if (shell.IsRunning)
        {
            var applied = await migrator.MigrateAsync(shell.Database, cancellationToken);
            await ImportLegacyMediaAsync(cancellationToken);
            logger.LogInformation("Site ready on {Provider}; {Count} schema migration(s) applied at start", shell.Database.Provider, applied);
            return;
        }

        if (shell.DatabaseIsConfigured && await SetupService.IsSetUpAsync(shell.Database, cancellationToken))
        {
            await migrator.MigrateAsync(shell.Database, cancellationToken);
            shell.AdoptRunningDatabase();
            await ImportLegacyMediaAsync(cancellationToken);
            logger.LogInformation("Joined the site already set up in {Connection}", shell.Database.Redacted());
            return;
        }

        var unattended = options.Value.Setup;
        if (!unattended.IsUnattended)
        {
            logger.LogInformation("This site is not set up yet: open /setup in a browser");
            return;
        }

        var result = await setup.SetupAsync(new SetupRequest
        {
            SiteName = unattended.SiteName!,
            Recipe = unattended.Recipe ?? "sysrift",
            TimeZone = unattended.TimeZone ?? "UTC",
            PublicUrl = unattended.PublicUrl,
            AdminUserName = unattended.AdminUserName!,
            AdminEmail = unattended.AdminEmail ?? "",
            AdminPassword = unattended.AdminPassword ?? "",
            PasswordConfirmation = unattended.AdminPassword ?? "",
            DatabaseProvider = shell.Database.Provider.ToString(),
            AllowRecipeFile = true,
        }, cancellationToken);

        // Two nodes may race through unattended setup on one database: the loser finds a set-up site.
        if (!result.Succeeded && shell.DatabaseIsConfigured && await SetupService.IsSetUpAsync(shell.Database, cancellationToken))
        {
            shell.AdoptRunningDatabase();
            return;
        }

        if (!result.Succeeded)
        {
            var problems = result.Errors.Select(e => $"SysRift:Setup:{(e.Key.Length == 0 ? "" : e.Key)}: {e.Value}").Concat(result.RecipeProblems);
            throw new SetupFailedException("Unattended setup failed; nothing was set up:" + Environment.NewLine + string.Join(Environment.NewLine, problems));
        }
    }

    /// <summary>
    /// A site from before media lived in the database has its files in {DataPath}/media: they are copied in once
    /// (files already there are left alone), so every node and every backup has them. The folder is left as it
    /// was; the log says what was imported and what was not an image.
    /// </summary>
    private async Task ImportLegacyMediaAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(Path.Combine(shell.DataPath, "media"))) return;
        await using var scope = scopes.CreateAsyncScope();
        var (imported, skipped) = await scope.ServiceProvider.GetRequiredService<SysRift.Contents.Media.MediaStore>().ImportFolderAsync(cancellationToken);
        if (imported > 0) logger.LogInformation("Imported {Count} media file(s) from {Folder} into the database; the folder is no longer read", imported, Path.Combine(shell.DataPath, "media"));
        foreach (var problem in skipped) logger.LogWarning("Not imported into the media library: {Problem}", problem);
    }
}

/// <summary>The site could not set itself up from its configuration: the operator's to fix, said in plain lines.</summary>
public sealed class SetupFailedException(string message) : Exception(message);
