using Microsoft.EntityFrameworkCore;

namespace SysRift.Core.Data;

/// <summary>Points EF Core at the configured provider. One place, so both providers stay alike.</summary>
public static class DatabaseConfigurator
{
    public static void Configure(DbContextOptionsBuilder options, DatabaseSettings settings)
    {
        switch (settings.Provider)
        {
            case DatabaseProvider.Sqlite:
                options.UseSqlite(settings.ConnectionString);
                break;
            case DatabaseProvider.Postgres:
                options.UseNpgsql(settings.ConnectionString);
                break;
            default:
                throw new InvalidOperationException($"Unknown database provider {settings.Provider}.");
        }

        // Reads are mostly by key and small; no tracking unless a write asks for it.
        options.UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking);
    }

    public static SysRiftDbContext CreateContext(DatabaseSettings settings)
    {
        var builder = new DbContextOptionsBuilder<SysRiftDbContext>();
        Configure(builder, settings);
        return new SysRiftDbContext(builder.Options);
    }
}
