using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using SysRift.Core.Signals;

namespace SysRift.Core.Data;

/// <summary>
/// EF Core's options for each database, built once. Built per request (as AddDbContext does when the options
/// depend on a scoped service), they cost more than the queries of a small page: a profile of the admin's item
/// page put 40% of its time there. The interceptors are singletons that find the scope's state through the context.
/// </summary>
public sealed class DbContextOptionsCache(CommitSignalInterceptor commits, UntrackedReadInterceptor untrackedReads)
{
    private readonly ConcurrentDictionary<DatabaseSettings, DbContextOptions<SysRiftDbContext>> _options = new();

    public DbContextOptions<SysRiftDbContext> For(DatabaseSettings settings) => _options.GetOrAdd(settings, Build);

    private DbContextOptions<SysRiftDbContext> Build(DatabaseSettings settings)
    {
        var builder = new DbContextOptionsBuilder<SysRiftDbContext>();
        DatabaseConfigurator.Configure(builder, settings);
        builder.AddInterceptors(commits, untrackedReads);
        return builder.Options;
    }
}
