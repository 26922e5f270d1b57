using Microsoft.Extensions.DependencyInjection;
using SysRift.Core.Signals;

namespace SysRift.Core.Documents;

/// <summary>
/// A document kept in memory until its topic's change stamp moves (singleton). Readers on the hot path
/// get the cached value without touching the database.
/// </summary>
public sealed class CachedDocument<T>(IServiceScopeFactory scopes, ChangeSignal signal, string name, string topic, Func<T> empty)
    where T : class
{
    // A reference, so readers on other threads see a whole snapshot or none, never a torn (stamp, value) pair.
    private sealed record Snapshot(long Stamp, T Value);

    private volatile Snapshot? _cached;
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<T> GetAsync(CancellationToken cancellationToken = default)
    {
        var stamp = signal.Stamp(topic);
        if (_cached is { } hit && hit.Stamp == stamp) return hit.Value;

        await _gate.WaitAsync(cancellationToken);
        try
        {
            stamp = signal.Stamp(topic);
            if (_cached is { } again && again.Stamp == stamp) return again.Value;
            // A whole-site topic: a change to it retires every cached page anyway, so pages need not record it.
            ReadDependencies.TrackReadsHere();
            await using var scope = scopes.CreateAsyncScope();
            var value = await scope.ServiceProvider.GetRequiredService<DocumentStore>().GetAsync<T>(name, cancellationToken) ?? empty();
            _cached = new Snapshot(stamp, value);
            return value;
        }
        finally
        {
            _gate.Release();
        }
    }
}
