using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SysRift.Admin.Services;

/// <summary>The last errors this node logged, for the system page (a bounded ring, newest first).</summary>
public sealed class RecentErrors : ILoggerProvider
{
    private const int Capacity = 50;
    private readonly ConcurrentQueue<Entry> _entries = new();

    public sealed record Entry(DateTime Utc, string Category, string Message);

    public IReadOnlyList<Entry> Newest() => _entries.Reverse().ToList();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() { }

    private void Add(Entry entry)
    {
        _entries.Enqueue(entry);
        while (_entries.Count > Capacity) _entries.TryDequeue(out _);
    }

    private sealed class Logger(RecentErrors owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            var message = formatter(state, exception);
            if (exception is not null) message += $" ({exception.GetType().Name}: {exception.Message})";
            owner.Add(new Entry(DateTime.UtcNow, category, message.Length > 500 ? message[..500] + "…" : message));
        }
    }
}
