using System.Collections.Concurrent;

namespace SysRift.Core.Signals;

/// <summary>
/// Values kept with the change topics they were built from. A change set retires exactly the values that
/// depend on one of its topics (all of them for a whole-site change). Race-free: a value is added with the
/// <see cref="ChangeSignal.Sequence"/> read before its data was read, and is refused when a change to what it
/// depends on was announced since; announcements update the signal before they evict here, and adding and
/// evicting hold one lock, so a value read before a commit is never handed out after the commit returned.
/// Bounded by count and by bytes, oldest out first. Lookups take no lock.
/// </summary>
public sealed class DependencyCache<TValue> where TValue : class
{
    private sealed class Slot(TValue value, string[] dependsOn, long bytes)
    {
        public TValue Value { get; } = value;
        public string[] DependsOn { get; } = dependsOn;
        public long Bytes { get; set; } = bytes;
    }

    private readonly ChangeSignal _signal;
    private readonly int _maxEntries;
    private readonly long _maxBytes;
    private readonly object _gate = new();
    private readonly ConcurrentDictionary<string, Slot> _entries = new(StringComparer.Ordinal);
    private readonly Queue<(string Key, Slot Slot)> _order = new();
    private long _bytes;

    public DependencyCache(ChangeSignal signal, int maxEntries, long maxBytes)
    {
        _signal = signal;
        _maxEntries = maxEntries;
        _maxBytes = maxBytes;
        signal.Changed += Evict;
    }

    public int Count => _entries.Count;

    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>
    /// Fills in progress, so that concurrent misses for one key wait for one fill. A waiter should use the filled
    /// value only if the cache holds that very value once the fill is done (it may have been retired since).
    /// </summary>
    public ConcurrentDictionary<string, TaskCompletionSource<TValue?>> InFlight { get; } = new(StringComparer.Ordinal);

    public bool TryGet(string key, out TValue value, out IReadOnlyCollection<string> dependsOn)
    {
        if (_entries.TryGetValue(key, out var slot))
        {
            value = slot.Value;
            dependsOn = slot.DependsOn;
            return true;
        }

        value = null!;
        dependsOn = [];
        return false;
    }

    /// <summary>Whether <paramref name="value"/> is still the one kept for <paramref name="key"/> (not retired or replaced).</summary>
    public bool Holds(string key, TValue value) => _entries.TryGetValue(key, out var slot) && ReferenceEquals(slot.Value, value);

    /// <summary>
    /// Keeps <paramref name="value"/> unless something it depends on changed after <paramref name="readAt"/>
    /// (the sequence read before its data). Returns whether it was kept, i.e. whether it is current.
    /// </summary>
    public bool TryAdd(string key, TValue value, long bytes, IReadOnlyCollection<string> dependsOn, long readAt)
    {
        lock (_gate)
        {
            if (_signal.ChangedSince(dependsOn, readAt)) return false;
            if (bytes > _maxBytes) return true;
            var slot = new Slot(value, [.. dependsOn], bytes);
            if (_entries.TryGetValue(key, out var old)) Forget(key, old);
            _entries[key] = slot;
            _order.Enqueue((key, slot));
            _bytes += bytes;
            Trim();
            return true;
        }
    }

    /// <summary>Changes the size a kept value counts for (its compressed forms arrived), if it is still the one kept.</summary>
    public void Resize(string key, TValue value, long bytes)
    {
        lock (_gate)
        {
            if (!_entries.TryGetValue(key, out var slot) || !ReferenceEquals(slot.Value, value)) return;
            _bytes += bytes - slot.Bytes;
            slot.Bytes = bytes;
            Trim();
        }
    }

    private void Evict(IReadOnlyCollection<string> topics)
    {
        lock (_gate)
        {
            if (topics.Any(ChangeTopics.IsWholeSite))
            {
                _entries.Clear();
                _order.Clear();
                _bytes = 0;
                return;
            }

            foreach (var (key, slot) in _entries)
            {
                if (slot.DependsOn.Any(d => d == ChangeTopics.Anything || topics.Contains(d))) Forget(key, slot);
            }
        }
    }

    private void Trim()
    {
        while ((_entries.Count > _maxEntries || _bytes > _maxBytes) && _order.TryDequeue(out var oldest)) Forget(oldest.Key, oldest.Slot);
        // Entries retired by changes leave their place in the queue behind; drop those places now and then.
        if (_order.Count > 2 * _entries.Count + 64) Compact();
    }

    private void Forget(string key, Slot slot)
    {
        if (_entries.TryRemove(KeyValuePair.Create(key, slot))) _bytes -= slot.Bytes;
    }

    private void Compact()
    {
        var live = _order.Where(o => _entries.TryGetValue(o.Key, out var slot) && ReferenceEquals(slot, o.Slot)).ToList();
        _order.Clear();
        foreach (var place in live) _order.Enqueue(place);
    }
}
