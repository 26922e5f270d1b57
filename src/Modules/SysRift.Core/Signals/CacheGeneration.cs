using System.Collections.Concurrent;

namespace SysRift.Core.Signals;

/// <summary>
/// The entries of a cache that were filled under one set of change stamps. A commit moves a stamp, and the
/// next reader replaces the whole generation with a new, empty one; a reader that started under the old
/// stamps can only ever write into the old generation, which nobody reads any more. So an entry rendered
/// from data read before a commit can never be served after that commit returned: there is no
/// check-then-insert window. Entries are bounded by count and by bytes, evicted oldest first.
/// </summary>
public sealed class CacheGeneration<TValue>(long[] stamps, int maxEntries, long maxBytes) where TValue : class
{
    private readonly ConcurrentDictionary<string, TValue> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string Key, long Bytes)> _order = new();
    private long _bytes;

    public long[] Stamps { get; } = stamps;

    public int Count => _entries.Count;

    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>Misses that are being filled right now, so concurrent requests for the same key wait for one fill.</summary>
    public ConcurrentDictionary<string, TaskCompletionSource<TValue?>> InFlight { get; } = new(StringComparer.Ordinal);

    public bool Matches(long[] stamps) => Stamps.AsSpan().SequenceEqual(stamps);

    public bool TryGet(string key, out TValue value) => _entries.TryGetValue(key, out value!);

    public void Add(string key, TValue value, long bytes)
    {
        if (bytes > maxBytes || !_entries.TryAdd(key, value)) return;
        _order.Enqueue((key, bytes));
        Interlocked.Add(ref _bytes, bytes);
        while ((_entries.Count > maxEntries || Interlocked.Read(ref _bytes) > maxBytes) && _order.TryDequeue(out var oldest))
        {
            if (_entries.TryRemove(oldest.Key, out _)) Interlocked.Add(ref _bytes, -oldest.Bytes);
        }
    }

    /// <summary>
    /// The generation for <paramref name="stamps"/>: <paramref name="current"/> when it matches, else a new one
    /// swapped in atomically. Returns null when another thread has already moved on to newer stamps than the
    /// caller read (the caller then neither reads nor writes the cache).
    /// </summary>
    public static CacheGeneration<TValue>? For(ref CacheGeneration<TValue> current, long[] stamps, int maxEntries, long maxBytes)
    {
        while (true)
        {
            var seen = Volatile.Read(ref current);
            if (seen.Matches(stamps)) return seen;
            if (IsNewer(seen.Stamps, stamps)) return null;
            var fresh = new CacheGeneration<TValue>(stamps, maxEntries, maxBytes);
            if (Interlocked.CompareExchange(ref current, fresh, seen) == seen) return fresh;
        }
    }

    /// <summary>Stamps only move forward: a generation is newer when any stamp is ahead and none behind.</summary>
    private static bool IsNewer(long[] generation, long[] read)
    {
        var ahead = false;
        for (var i = 0; i < read.Length; i++)
        {
            if (generation[i] < read[i]) return false;
            if (generation[i] > read[i]) ahead = true;
        }

        return ahead;
    }
}
