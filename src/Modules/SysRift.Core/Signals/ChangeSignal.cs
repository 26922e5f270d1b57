namespace SysRift.Core.Signals;

/// <summary>
/// A process-wide stamp per topic ("content", "definitions", "site"). Caches remember the stamp they were
/// filled under and refill when it moves. Other nodes move it through <see cref="Bump"/> as well, from the
/// database notification listener (see the operations module).
/// </summary>
public sealed class ChangeSignal
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> _stamps = new(StringComparer.Ordinal);

    public event Action<string>? Changed;

    public long Stamp(string topic) => _stamps.GetValueOrDefault(topic);

    public void Bump(string topic)
    {
        _stamps.AddOrUpdate(topic, 1, (_, value) => value + 1);
        Changed?.Invoke(topic);
    }
}

public static class ChangeTopics
{
    public const string Content = "content";
    public const string Definitions = "definitions";
    public const string Site = "site";
}
