using Microsoft.EntityFrameworkCore;

namespace SysRift.Core.Data;

/// <summary>Points EF Core at the configured provider. One place, so both providers stay alike.</summary>
public static class DatabaseConfigurator
{
    /// <param name="compiledModel">
    /// Use the model compiled for the provider (Data/CompiledModels, see its README): building it from
    /// <see cref="SysRiftDbContext.OnModelCreating"/> costs hundreds of milliseconds at the first query. False only
    /// to generate those compiled models again.
    /// </param>
    public static void Configure(DbContextOptionsBuilder options, DatabaseSettings settings, bool compiledModel = true)
    {
        switch (settings.Provider)
        {
            case DatabaseProvider.Sqlite:
                options.UseSqlite(settings.ConnectionString);
                if (compiledModel) options.UseModel(CompiledModels.Sqlite.SysRiftDbContextModel.Instance);
                break;
            case DatabaseProvider.Postgres:
                options.UseNpgsql(settings.ConnectionString);
                if (compiledModel) options.UseModel(CompiledModels.Postgres.SysRiftDbContextModel.Instance);
                break;
            default:
                throw new InvalidOperationException($"Unknown database provider {settings.Provider}.");
        }

        // Reads are mostly by key and small; no tracking unless a write asks for it.
        options.UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking);
    }

    /// <summary>
    /// A plain connection for work that needs no model (schema scripts, version checks): building EF Core's
    /// model costs hundreds of milliseconds at start, which a connection alone does not.
    /// </summary>
    public static System.Data.Common.DbConnection CreateConnection(DatabaseSettings settings) => settings.Provider switch
    {
        DatabaseProvider.Sqlite => new Microsoft.Data.Sqlite.SqliteConnection(settings.ConnectionString),
        DatabaseProvider.Postgres => new Npgsql.NpgsqlConnection(settings.ConnectionString),
        _ => throw new InvalidOperationException($"Unknown database provider {settings.Provider}."),
    };

    public static SysRiftDbContext CreateContext(DatabaseSettings settings)
    {
        var builder = new DbContextOptionsBuilder<SysRiftDbContext>();
        Configure(builder, settings);
        return new SysRiftDbContext(builder.Options);
    }
}
