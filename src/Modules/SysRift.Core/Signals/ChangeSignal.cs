using System.Collections.Concurrent;

namespace SysRift.Core.Signals;

/// <summary>
/// What changed, as topics (see <see cref="ChangeTopics"/>), announced once the database has committed.
/// Each announcement is one change set with a sequence number. Caches ask two things of it: the stamp of a
/// whole-site topic (settings and definitions documents), and whether anything a cached value was built
/// from changed since a given sequence (<see cref="ChangedSince"/>). Other nodes announce through
/// <see cref="Bump(IReadOnlyCollection{string})"/> as well, from the database notification listener.
/// </summary>
public sealed class ChangeSignal
{
    private readonly object _gate = new();
    private readonly ConcurrentDictionary<string, long> _changedAt = new(StringComparer.Ordinal);
    private long _sequence;
    private long _lastChangeAt;
    private long _wholeSiteChangedAt;

    /// <summary>Raised for each change set, once <see cref="ChangedSince"/> answers for it and before <see cref="Sequence"/> moves past it.</summary>
    public event Action<IReadOnlyCollection<string>>? Changed;

    /// <summary>
    /// This node's name in the notifications it sends, so that it can leave out its own: it has applied its
    /// changes already, at commit, and hearing them again would retire freshly rendered pages a second time.
    /// </summary>
    public string Origin { get; } = Guid.NewGuid().ToString("N")[..12];

    /// <summary>The number of change sets so far: read it before reading the data a cached value is built from.</summary>
    public long Sequence => Interlocked.Read(ref _sequence);

    /// <summary>How often <paramref name="topic"/> changed (a stamp that only moves forward).</summary>
    public long Stamp(string topic) => _changedAt.GetValueOrDefault(topic);

    public void Bump(string topic) => Bump([topic]);

    public void Bump(IReadOnlyCollection<string> topics)
    {
        if (topics.Count == 0) return;
        lock (_gate)
        {
            var sequence = _sequence + 1;
            foreach (var topic in topics)
            {
                // Whole-site topics keep a count (their stamp); the fine ones keep the sequence they last changed at.
                if (ChangeTopics.IsWholeSite(topic))
                {
                    _changedAt.AddOrUpdate(topic, 1, (_, count) => count + 1);
                    _wholeSiteChangedAt = sequence;
                }
                else
                {
                    _changedAt[topic] = sequence;
                }
            }

            Interlocked.Exchange(ref _lastChangeAt, sequence);
            // The caches retire what this change touched before the new sequence is handed out: whoever reads
            // it afterwards finds nothing older in them. (Handing it out first let a render that read the new
            // sequence take a not yet retired answer and be kept as current.) Change sets are applied one at a
            // time, in order; the caches' own locks are only ever taken inside this one, never around it.
            Changed?.Invoke(topics);
            Interlocked.Exchange(ref _sequence, sequence);
        }
    }

    /// <summary>
    /// True when a change set after <paramref name="sequence"/> touched any of <paramref name="dependsOn"/>,
    /// was a whole-site change, or (for <see cref="ChangeTopics.Anything"/>) was any change at all.
    /// </summary>
    public bool ChangedSince(IReadOnlyCollection<string> dependsOn, long sequence)
    {
        if (Interlocked.Read(ref _wholeSiteChangedAt) > sequence) return true;
        foreach (var topic in dependsOn)
        {
            if (topic == ChangeTopics.Anything ? Interlocked.Read(ref _lastChangeAt) > sequence : _changedAt.GetValueOrDefault(topic) > sequence) return true;
        }

        return false;
    }
}
