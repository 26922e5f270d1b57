namespace SysRift.Core.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Which database a site uses. Resolved by <see cref="Site.SiteShell"/>.</summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public static bool TryParseProvider(string? value, out DatabaseProvider provider)
    {
        provider = DatabaseProvider.Sqlite;
        if (string.IsNullOrWhiteSpace(value)) return false;
        switch (value.Trim().ToLowerInvariant())
        {
            case "sqlite":
                provider = DatabaseProvider.Sqlite;
                return true;
            case "postgres":
            case "postgresql":
            case "npgsql":
                provider = DatabaseProvider.Postgres;
                return true;
            default:
                return false;
        }
    }

    /// <summary>The connection string with any password replaced, for logs and the system page.</summary>
    public string Redacted()
    {
        var parts = ConnectionString.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.TrimStart().StartsWith("password", StringComparison.OrdinalIgnoreCase) ? "Password=***" : p);
        return string.Join(';', parts);
    }
}
