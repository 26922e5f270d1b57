using Microsoft.EntityFrameworkCore;

namespace SysRift.Core.Data;

/// <summary>
/// Where the content writer and its indexers put the rows they create. Normally the context tracks them and
/// SaveChanges writes them. While an import collects (<see cref="Collect"/>), rows of the types it names are
/// kept aside, untracked, and written by <see cref="BulkInserter"/>: tracking a row cost the import more than
/// inserting it, for tens of thousands of rows that the tracker then had to give back.
/// </summary>
public sealed class NewRows(SysRiftDbContext db)
{
    private BulkInserter? _collecting;

    public void Add<T>(T row) where T : class
    {
        if (_collecting is { } collecting && collecting.Takes(typeof(T))) collecting.Add(row);
        else db.Add(row);
    }

    /// <summary>
    /// Forgets new rows not written yet that are about to be replaced: an item given twice in one recipe is
    /// indexed twice before anything is stored, and only the second reading may remain.
    /// </summary>
    public void DiscardUnwritten<T>(Predicate<T> match) where T : class
    {
        _collecting?.RemoveAll(match);
        foreach (var entry in db.ChangeTracker.Entries<T>().Where(e => e.State == EntityState.Added && match(e.Entity)).ToList())
            entry.State = EntityState.Detached;
    }

    /// <summary>From now on, rows of <paramref name="types"/> are collected for <see cref="TakeCollected"/> instead of tracked.</summary>
    public void Collect(params Type[] types) => _collecting = BulkInserter.For(db, types);

    /// <summary>Rows are tracked again; what was collected and not taken is dropped (a failed import rolls back).</summary>
    public void StopCollecting() => _collecting = null;

    /// <summary>The rows collected since <see cref="Collect"/>, to insert; rows are tracked again from now on.</summary>
    public BulkInserter TakeCollected()
    {
        var collected = _collecting ?? throw new InvalidOperationException("No rows are being collected.");
        _collecting = null;
        return collected;
    }
}
