using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SysRift.Core.Signals;

/// <summary>
/// Flushes the scope's <see cref="PendingChanges"/> when the database says the work is durable. One for the
/// process (the context's options are built once): each event finds its scope's changes through its context.
/// </summary>
public sealed class CommitSignalInterceptor(ChangeSignal signal) : DbTransactionInterceptor, ISaveChangesInterceptor
{
    private static PendingChanges? PendingOf(DbContextEventData eventData) => (eventData.Context as Data.SysRiftDbContext)?.Pending;

    /// <summary>
    /// On PostgreSQL the changed topics are announced to every node with pg_notify inside the committing
    /// transaction: PostgreSQL delivers the notification only if, and when, the commit succeeds.
    /// </summary>
    public override async ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        var topics = PendingOf(eventData)?.Peek() ?? [];
        if (topics.Count > 0 && transaction.Connection is Npgsql.NpgsqlConnection connection)
        {
            // "origin|topics@millis": who committed (a node skips its own), what changed, and the database's clock at
            // commit, so a listener can tell how long the news took to reach it.
            await using var command = new Npgsql.NpgsqlCommand("SELECT pg_notify(@channel, @topics || '@' || floor(extract(epoch from clock_timestamp()) * 1000)::bigint)", connection, (Npgsql.NpgsqlTransaction)transaction);
            command.Parameters.AddWithValue("channel", PostgresChangeListener.Channel);
            command.Parameters.AddWithValue("topics", signal.Origin + "|" + Payload(topics));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return result;
    }

    /// <summary>
    /// NOTIFY payloads must stay under 8000 bytes: a change naming more items than fit is announced as a
    /// change to all content, which is what it costs other nodes anyway.
    /// </summary>
    public static string Payload(IReadOnlyList<string> topics)
    {
        var joined = string.Join(',', topics);
        return joined.Length <= MaxPayload ? joined : string.Join(',', topics.Where(ChangeTopics.IsWholeSite).Append(ChangeTopics.Content).Distinct());
    }

    private const int MaxPayload = 7_000;

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        PendingOf(eventData)?.Flush();
        return Task.CompletedTask;
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => PendingOf(eventData)?.Flush();

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        PendingOf(eventData)?.Discard();
        return Task.CompletedTask;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        // Without an explicit transaction SaveChanges commits by itself.
        if (eventData.Context?.Database.CurrentTransaction is null) PendingOf(eventData)?.Flush();
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context?.Database.CurrentTransaction is null) PendingOf(eventData)?.Flush();
        return result;
    }
}
