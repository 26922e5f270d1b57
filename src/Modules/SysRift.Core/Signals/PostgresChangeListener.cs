using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using SysRift.Core.Data;
using SysRift.Core.Site;

namespace SysRift.Core.Signals;

/// <summary>
/// On PostgreSQL, listens for the change topics other nodes commit (see CommitSignalInterceptor) and moves
/// this node's stamps, so its caches drop exactly when another node publishes. After a lost connection it
/// reconnects and announces a whole-site change, since notifications sent meanwhile are gone.
/// </summary>
public sealed class PostgresChangeListener(SiteShell shell, ChangeSignal signal, Diagnostics.SiteMetrics metrics, ILogger<PostgresChangeListener> logger) : BackgroundService
{
    public const string Channel = "sysrift_changes";

    /// <summary>True while this node hears other nodes' changes (it announced a whole-site change when it began to).</summary>
    public bool Listening { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            if (!shell.IsRunning || shell.Database.Provider != DatabaseProvider.Postgres)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
                continue;
            }

            try
            {
                await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(shell.Database.ConnectionString) { KeepAlive = 15 }.ConnectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) =>
                {
                    var (origin, topics, committedMs) = Parse(e.Payload);
                    if (origin == signal.Origin) return; // applied at commit already
                    signal.Bump(topics);
                    if (committedMs is { } at) metrics.ChangeHeard(DateTimeOffset.UtcNow - DateTimeOffset.FromUnixTimeMilliseconds(at));
                };
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection)) await listen.ExecuteNonQueryAsync(stoppingToken);
                signal.Bump(ChangeTopics.WholeSite);
                Listening = true;
                logger.LogInformation("Listening for changes from other nodes on {Channel}", Channel);
                delay = TimeSpan.FromSeconds(1);
                while (!stoppingToken.IsCancellationRequested) await connection.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                Listening = false;
                return;
            }
            catch (Exception exception) when (exception is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException or InvalidOperationException)
            {
                Listening = false;
                logger.LogWarning("Change listener lost the database ({Message}); retrying in {Delay}", exception.Message, delay);
                await Task.Delay(delay, stoppingToken);
                delay = TimeSpan.FromSeconds(Math.Min(30, delay.TotalSeconds * 2));
            }
        }
    }

    /// <summary>
    /// "node1|item:x,type:Article,items@1733100000000": the committing node (absent from older nodes), the topics,
    /// and the commit time in Unix milliseconds when given.
    /// </summary>
    public static (string? Origin, string[] Topics, long? CommittedMs) Parse(string payload)
    {
        var bar = payload.IndexOf('|');
        var origin = bar >= 0 ? payload[..bar] : null;
        payload = payload[(bar + 1)..];
        var at = payload.LastIndexOf('@');
        long? committed = at >= 0 && long.TryParse(payload.AsSpan(at + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var ms) ? ms : null;
        var topics = (at >= 0 ? payload[..at] : payload).Split(',', StringSplitOptions.RemoveEmptyEntries);
        return (origin, topics, committed);
    }
}
