using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SysRift.Core.Data;
using SysRift.Core.Documents;
using SysRift.Core.Modularity;
using SysRift.Core.Signals;
using SysRift.Core.Site;

namespace SysRift.Core;

public sealed class CoreStartup : IModuleStartup
{
    public ModuleManifest Manifest { get; } = new("SysRift.Core", "Database, schema upgrades, documents, change signals and the user store.");

    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SysRiftOptions>(configuration.GetSection(SysRiftOptions.Section));
        services.AddSingleton<SiteShell>();
        services.AddSingleton<ChangeSignal>();
        services.AddSingleton<SchemaMigrator>();
        services.AddSingleton<SiteSettingsService>();
        services.AddSingleton<PublicAddress>();
        services.AddMetrics();
        services.AddSingleton<Diagnostics.SiteMetrics>();
        services.AddScoped<PendingChanges>();
        services.AddScoped<ScopedDatabase>();
        services.AddSingleton<CommitSignalInterceptor>();
        services.AddSingleton<UntrackedReadInterceptor>();
        services.AddSingleton<DbContextOptionsCache>();
        services.AddScoped<DocumentStore>();
        services.AddScoped<NewRows>();
        services.AddScoped<Audit.AuditTrail>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<Security.SignInThrottle>();
        services.AddScoped<Security.UserSessions>();
        services.AddHostedService<PostgresChangeListener>();

        // The database is resolved per scope (see ScopedDatabase): setup may point a scope elsewhere. The options
        // for each database are built once; the context carries the scope's pending changes to the commit interceptor.
        services.AddScoped(provider => provider.GetRequiredService<DbContextOptionsCache>().For(provider.GetRequiredService<ScopedDatabase>().Settings));
        services.AddScoped(provider => new SysRiftDbContext(provider.GetRequiredService<DbContextOptions<SysRiftDbContext>>()) { Pending = provider.GetRequiredService<PendingChanges>() });

        services.AddDataProtection().SetApplicationName("SysRift").PersistKeysToDbContext<SysRiftDbContext>();
        // Until setup there is no database to keep keys in: the ring is held in memory for that first process.
        services.AddSingleton<Microsoft.Extensions.Options.IPostConfigureOptions<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>>(provider =>
            new Microsoft.Extensions.Options.PostConfigureOptions<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>(null, options =>
                options.XmlRepository = new Security.SiteKeyRing(provider.GetRequiredService<SiteShell>(), options.XmlRepository!)));

        services.AddIdentity<IdentityUser, IdentityRole>(options =>
            {
                // Length over composition rules (NIST SP 800-63B): long passphrases, no forced symbols.
                options.Password.RequiredLength = 10;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 4;
                // No account lockout: anyone who knew a user name could keep its owner out. SignInThrottle counts
                // failures per account and address instead (schema 0007 turned lockout off for existing users).
                options.Lockout.AllowedForNewUsers = false;
                options.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<SysRiftDbContext>()
            .AddUserStore<Security.SiteUserStore>()
            .AddClaimsPrincipalFactory<Security.SiteUserClaimsFactory>()
            .AddDefaultTokenProviders();
    }
}
