using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace SysRift.Core.Diagnostics;

/// <summary>
/// Counters and one latency histogram, rendered in Prometheus' text format (0.0.4). Labels are bounded
/// by construction (route templates, status codes, fixed names), never raw paths or user input.
/// </summary>
public sealed class SiteMetrics
{
    /// <summary>HttpContext.Items key a middleware that answers before routing sets to name its "route".</summary>
    public const string RouteItem = "sysrift.metrics.route";

    public static readonly double[] LatencyBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

    private readonly ConcurrentDictionary<(string Name, string Labels), long> _counters = new();
    private readonly ConcurrentDictionary<string, Histogram> _latency = new(StringComparer.Ordinal);

    public static readonly IReadOnlyDictionary<string, string> Help = new Dictionary<string, string>
    {
        ["sysrift_http_requests_total"] = "HTTP requests by route template and status code.",
        ["sysrift_page_cache_total"] = "Public page cache lookups by result (hit, miss).",
        ["sysrift_recipe_imports_total"] = "Recipe runs that were applied or refused.",
        ["sysrift_signin_failures_total"] = "Failed sign-in attempts.",
    };

    public void Increment(string name, string labels = "") => _counters.AddOrUpdate((name, labels), 1, (_, value) => value + 1);

    public long Value(string name, string labels = "") => _counters.GetValueOrDefault((name, labels));

    public void ObserveRequest(string route, int status, double seconds)
    {
        Increment("sysrift_http_requests_total", $"route=\"{Escape(route)}\",status=\"{status}\"");
        _latency.GetOrAdd(route, _ => new Histogram()).Observe(seconds);
    }

    /// <summary>Writes every metric; <paramref name="gauges"/> are values read at scrape time (name, labels, value, help).</summary>
    public string Render(IEnumerable<(string Name, string Labels, double Value, string Help)> gauges)
    {
        var text = new StringBuilder();
        foreach (var (name, help) in Help)
        {
            text.Append("# HELP ").Append(name).Append(' ').Append(help).Append('\n').Append("# TYPE ").Append(name).Append(" counter\n");
            var series = _counters.Where(c => c.Key.Name == name).OrderBy(c => c.Key.Labels, StringComparer.Ordinal).ToList();
            if (series.Count == 0) text.Append(name).Append(" 0\n");
            foreach (var ((_, labels), value) in series)
                text.Append(name).Append(labels.Length > 0 ? "{" + labels + "}" : "").Append(' ').Append(value.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        text.Append("# HELP sysrift_http_request_duration_seconds Time to answer HTTP requests by route template.\n# TYPE sysrift_http_request_duration_seconds histogram\n");
        foreach (var (route, histogram) in _latency.OrderBy(h => h.Key, StringComparer.Ordinal)) histogram.Render(text, Escape(route));

        foreach (var group in gauges.GroupBy(g => g.Name))
        {
            text.Append("# HELP ").Append(group.Key).Append(' ').Append(group.First().Help).Append('\n').Append("# TYPE ").Append(group.Key).Append(" gauge\n");
            foreach (var gauge in group)
                text.Append(group.Key).Append(gauge.Labels.Length > 0 ? "{" + gauge.Labels + "}" : "").Append(' ').Append(gauge.Value.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        return text.ToString();
    }

    public static string Escape(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private sealed class Histogram
    {
        private readonly long[] _buckets = new long[LatencyBuckets.Length];
        private long _count;
        private long _sumMicroseconds;

        public void Observe(double seconds)
        {
            for (var i = 0; i < LatencyBuckets.Length; i++) if (seconds <= LatencyBuckets[i]) Interlocked.Increment(ref _buckets[i]);
            Interlocked.Increment(ref _count);
            Interlocked.Add(ref _sumMicroseconds, (long)(seconds * 1_000_000));
        }

        public void Render(StringBuilder text, string route)
        {
            for (var i = 0; i < LatencyBuckets.Length; i++)
                text.Append("sysrift_http_request_duration_seconds_bucket{route=\"").Append(route).Append("\",le=\"").Append(LatencyBuckets[i].ToString(CultureInfo.InvariantCulture)).Append("\"} ").Append(Interlocked.Read(ref _buckets[i])).Append('\n');
            var count = Interlocked.Read(ref _count);
            text.Append("sysrift_http_request_duration_seconds_bucket{route=\"").Append(route).Append("\",le=\"+Inf\"} ").Append(count).Append('\n');
            text.Append("sysrift_http_request_duration_seconds_sum{route=\"").Append(route).Append("\"} ").Append((Interlocked.Read(ref _sumMicroseconds) / 1_000_000.0).ToString("0.######", CultureInfo.InvariantCulture)).Append('\n');
            text.Append("sysrift_http_request_duration_seconds_count{route=\"").Append(route).Append("\"} ").Append(count).Append('\n');
        }
    }
}
