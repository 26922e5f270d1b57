using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SysRift.Core.Signals;

/// <summary>Flushes <see cref="PendingChanges"/> when the database says the work is durable.</summary>
public sealed class CommitSignalInterceptor(PendingChanges pending) : DbTransactionInterceptor, ISaveChangesInterceptor
{
    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        pending.Flush();
        return Task.CompletedTask;
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => pending.Flush();

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        pending.Discard();
        return Task.CompletedTask;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        // Without an explicit transaction SaveChanges commits by itself.
        if (eventData.Context?.Database.CurrentTransaction is null) pending.Flush();
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context?.Database.CurrentTransaction is null) pending.Flush();
        return result;
    }
}
