namespace SysRift.Core.Signals;

/// <summary>
/// What the current render read, as change topics. The page cache opens one per render; the readers that
/// cache published data (content, media) say what each answer depends on with <see cref="Record(string)"/>,
/// also when they answer from memory. A database read made outside such a reader cannot say what it read,
/// so <see cref="UntrackedReadInterceptor"/> records <see cref="ChangeTopics.Anything"/> for it: a reader that
/// forgets to record makes its page retire on every change, never serves it stale.
/// </summary>
public sealed class ReadDependencies
{
    private static readonly AsyncLocal<ReadDependencies?> Current = new();
    private static readonly AsyncLocal<bool> InTrackedRead = new();
    private readonly HashSet<string> _topics = new(StringComparer.Ordinal);

    /// <summary>Starts recording for the rest of the calling async flow.</summary>
    public static ReadDependencies Begin() => Current.Value = new ReadDependencies();

    public static void Record(string topic) => Current.Value?.Add(topic);

    public static void Record(IEnumerable<string> topics)
    {
        if (Current.Value is { } current) foreach (var topic in topics) current.Add(topic);
    }

    /// <summary>
    /// Marks the database reads of the calling flow as accounted for by the caller, which records what they
    /// depend on itself. Ends when the calling async method returns (AsyncLocal values flow down, not up).
    /// </summary>
    public static void TrackReadsHere() => InTrackedRead.Value = true;

    /// <summary>A database read is about to run: without a tracking reader around it, it depends on anything.</summary>
    public static void UntrackedReadCandidate()
    {
        if (!InTrackedRead.Value) Record(ChangeTopics.Anything);
    }

    public IReadOnlyCollection<string> Topics
    {
        get
        {
            lock (_topics) return [.. _topics];
        }
    }

    private void Add(string topic)
    {
        lock (_topics) _topics.Add(topic);
    }
}
