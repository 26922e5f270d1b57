namespace SysRift.Core.Signals;

/// <summary>
/// Topics changed by the current unit of work (one DI scope). They are signalled only once the database
/// has committed, so no cache refills from data that could still roll back.
/// </summary>
public sealed class PendingChanges(ChangeSignal signal)
{
    private readonly HashSet<string> _topics = new(StringComparer.Ordinal);

    public void Add(string topic)
    {
        lock (_topics) _topics.Add(topic);
    }

    /// <summary>One item changed: pages that read it, its type's lists, and cross-type lists are retired, nothing else.</summary>
    public void AddItem(string contentItemId, string contentType)
    {
        lock (_topics) _topics.UnionWith(ChangeTopics.OfItem(contentItemId, contentType));
    }

    /// <summary>The topics waiting for the commit, without taking them.</summary>
    public IReadOnlyList<string> Peek()
    {
        lock (_topics) return [.. _topics];
    }

    public void Flush()
    {
        string[] topics;
        lock (_topics)
        {
            topics = [.. _topics];
            _topics.Clear();
        }

        signal.Bump(topics);
    }

    public void Discard()
    {
        lock (_topics) _topics.Clear();
    }
}
