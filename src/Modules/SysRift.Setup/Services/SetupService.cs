using System.Net.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SysRift.Core.Data;
using SysRift.Core.Documents;
using SysRift.Core.Ids;
using SysRift.Core.Audit;
using SysRift.Core.Security;
using SysRift.Core.Signals;
using SysRift.Core.Site;
using SysRift.Recipes.Execution;

namespace SysRift.Setup.Services;

/// <summary>
/// Sets a new site up: checks every field, validates the recipe as a whole, creates or upgrades the
/// schema, then applies the recipe, the site settings and the administrator in one transaction. Any
/// failure leaves no site behind (a SQLite file this attempt created is removed).
/// </summary>
public sealed class SetupService(
    IServiceScopeFactory scopes,
    SiteShell shell,
    SchemaMigrator migrator,
    RecipeCatalog recipes,
    ChangeSignal signal,
    ILogger<SetupService> logger)
{
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public async Task<SetupResult> SetupAsync(SetupRequest request, CancellationToken cancellationToken = default)
    {
        await Gate.WaitAsync(cancellationToken);
        try
        {
            if (shell.IsRunning) return Fail("", "This site is already set up.");
            var errors = new Dictionary<string, string>();
            var database = ChooseDatabase(request, errors);
            var recipeFile = CheckFields(request, errors);
            await CheckPasswordAsync(request, errors);
            if (errors.Count > 0 || database is null || recipeFile is null) return new SetupResult(errors, []);

            var recipeJson = await File.ReadAllTextAsync(recipeFile, cancellationToken);
            var adminId = Guid.NewGuid().ToString();
            var options = new RecipeOptions
            {
                User = request.AdminUserName,
                Parameters = new(StringComparer.OrdinalIgnoreCase) { ["AdminUsername"] = request.AdminUserName, ["AdminUserId"] = adminId, ["SiteName"] = request.SiteName },
                Source = Path.GetFullPath(recipeFile),
            };

            var createdFile = database.Provider == DatabaseProvider.Sqlite && !File.Exists(new SqliteConnectionStringBuilder(database.ConnectionString).DataSource);
            try
            {
                await migrator.MigrateAsync(database, cancellationToken);
                if (await IsSetUpAsync(database, cancellationToken))
                    return Fail("ConnectionString", "This database already holds a set-up SysRift site; choose an empty database.");

                var result = await ApplyAsync(request, database, adminId, recipeJson, options, cancellationToken);
                if (!result.Succeeded)
                {
                    DeleteIfCreated(createdFile, database);
                    return result;
                }
            }
            catch (Exception exception) when (exception is System.Data.Common.DbException or Microsoft.EntityFrameworkCore.DbUpdateException or InvalidOperationException or ArgumentException)
            {
                logger.LogError(exception, "Setup failed on {Provider} ({Connection})", database.Provider, database.Redacted());
                DeleteIfCreated(createdFile, database);
                return Fail("ConnectionString", $"The database could not be used: {exception.Message}");
            }

            shell.MarkRunning(database);
            signal.Bump(ChangeTopics.WholeSite);
            logger.LogInformation("Setup complete: site \"{SiteName}\" from recipe {Recipe}, administrator {Admin}", request.SiteName, request.Recipe, request.AdminUserName);
            return SetupResult.Ok;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>True when <paramref name="database"/> already holds a site whose setup completed.</summary>
    public static async Task<bool> IsSetUpAsync(DatabaseSettings database, CancellationToken cancellationToken)
    {
        if (await SchemaMigrator.CurrentVersionAsync(database, cancellationToken) == 0) return false;
        await using var context = DatabaseConfigurator.CreateContext(database);
        var site = await context.Documents.FirstOrDefaultAsync(d => d.Name == SiteSettings.DocumentName, cancellationToken);
        return site is not null && site.Content.Contains("\"SetupCompletedUtc\"", StringComparison.Ordinal);
    }

    private async Task<SetupResult> ApplyAsync(SetupRequest request, DatabaseSettings database, string adminId, string recipeJson, RecipeOptions options, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ScopedDatabase>().Use(database);
        var db = scope.ServiceProvider.GetRequiredService<SysRiftDbContext>();
        var executor = scope.ServiceProvider.GetRequiredService<RecipeExecutor>();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var report = await executor.ImportAsync(recipeJson, options, cancellationToken);
        if (!report.Applied)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            return RecipeFailed(request, report);
        }

        var documents = scope.ServiceProvider.GetRequiredService<DocumentStore>();
        var site = await documents.GetAsync<SiteSettings>(SiteSettings.DocumentName, cancellationToken) ?? new SiteSettings();
        site.SiteName = request.SiteName.Trim();
        site.TimeZoneId = request.TimeZone;
        site.BaseUrl = PublicAddress.Normalize(request.PublicUrl);
        site.SetupCompletedUtc = DateTime.UtcNow;
        await documents.SaveAsync(SiteSettings.DocumentName, site, ChangeTopics.Site, cancellationToken);

        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        await BuiltInRoles.EnsureAsync(roles, cancellationToken);
        var admin = new IdentityUser(request.AdminUserName.Trim()) { Id = adminId, Email = request.AdminEmail.Trim(), EmailConfirmed = true };
        var created = await users.CreateAsync(admin, request.AdminPassword);
        if (!created.Succeeded)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            return Fail("AdminUserName", string.Join(" ", created.Errors.Select(e => e.Description)));
        }

        await users.AddToRoleAsync(admin, SiteRoles.Administrator);
        scope.ServiceProvider.GetRequiredService<AuditTrail>().Add(admin.UserName, AuditTrail.Categories.Users, "SiteSetUp", admin.Id, admin.UserName,
            $"Site \"{site.SiteName}\" set up with the {request.Recipe} recipe; administrator created.");
        await scope.ServiceProvider.GetRequiredService<SysRiftDbContext>().SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return SetupResult.Ok;
    }

    private DatabaseSettings? ChooseDatabase(SetupRequest request, Dictionary<string, string> errors)
    {
        if (shell.DatabaseIsConfigured) return shell.Database;
        if (!DatabaseSettings.TryParseProvider(request.DatabaseProvider, out var provider))
        {
            errors["DatabaseProvider"] = "Choose Sqlite or Postgres.";
            return null;
        }

        if (provider == DatabaseProvider.Sqlite)
            return string.IsNullOrWhiteSpace(request.ConnectionString) ? shell.DefaultSqlite : new DatabaseSettings(provider, request.ConnectionString.Trim());
        if (string.IsNullOrWhiteSpace(request.ConnectionString))
        {
            errors["ConnectionString"] = "PostgreSQL needs a connection string (Host=...;Database=...;Username=...;Password=...).";
            return null;
        }

        return new DatabaseSettings(provider, request.ConnectionString.Trim());
    }

    private string? CheckFields(SetupRequest request, Dictionary<string, string> errors)
    {
        if (string.IsNullOrWhiteSpace(request.SiteName) || request.SiteName.Trim().Length > 200) errors["SiteName"] = "Give the site a name of 1 to 200 characters.";
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(request.TimeZone ?? "", out _)) errors["TimeZone"] = $"\"{request.TimeZone}\" is not a known time zone (for example UTC or Europe/Paris).";
        if (SiteSettingsRules.BaseUrl(request.PublicUrl) is { } address) errors["PublicUrl"] = address;
        if (string.IsNullOrWhiteSpace(request.AdminUserName) || request.AdminUserName.Trim().Length > 64 || !request.AdminUserName.Trim().All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '@'))
            errors["AdminUserName"] = "The user name needs 1 to 64 letters, digits, '-', '.', '_' or '@'.";
        if (string.IsNullOrWhiteSpace(request.AdminEmail) || !MailAddress.TryCreate(request.AdminEmail.Trim(), out _))
            errors["AdminEmail"] = "Enter a valid email address.";
        if (request.AdminPassword != request.PasswordConfirmation) errors["PasswordConfirmation"] = "The two passwords differ.";

        var file = string.IsNullOrWhiteSpace(request.Recipe) ? null
            : request.AllowRecipeFile ? recipes.Resolve(request.Recipe.Trim()) : recipes.ResolveShipped(request.Recipe.Trim());
        if (file is null) errors["Recipe"] = $"There is no recipe \"{request.Recipe}\" (shipped: {string.Join(", ", recipes.SetupRecipes().Select(r => r.Name))}).";
        return file;
    }

    private async Task CheckPasswordAsync(SetupRequest request, Dictionary<string, string> errors)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var problems = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, new IdentityUser(request.AdminUserName), request.AdminPassword ?? "");
            problems.AddRange(result.Errors.Select(e => e.Description));
        }

        if (problems.Count > 0) errors["AdminPassword"] = string.Join(" ", problems);
    }

    private static SetupResult RecipeFailed(SetupRequest request, RecipeReport report) =>
        new(new Dictionary<string, string> { ["Recipe"] = $"The recipe \"{request.Recipe}\" cannot be applied; nothing was set up." },
            report.Problems.Select(p => p.ToString()).ToList());

    private static SetupResult Fail(string field, string message) => new(new Dictionary<string, string> { [field] = message }, []);

    private void DeleteIfCreated(bool created, DatabaseSettings database)
    {
        if (!created) return;
        SqliteConnection.ClearAllPools();
        var file = new SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
        foreach (var path in new[] { file, file + "-wal", file + "-shm" }) if (File.Exists(path)) File.Delete(path);
        logger.LogInformation("Removed {File}, created by the failed setup", file);
    }
}
