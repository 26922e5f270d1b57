using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace SysRift.Core.Diagnostics;

/// <summary>
/// SysRift's own instruments on the .NET meter "SysRift", and its activity source for traces, which
/// OpenTelemetry exports (Prometheus at /metrics, OTLP when configured) beside ASP.NET Core's, Kestrel's,
/// EF Core's and Npgsql's. Labels are bounded by construction (fixed names, content type names), never
/// paths or user input. The totals are also kept per site, for the admin's System page.
/// </summary>
public sealed class SiteMetrics : IDisposable
{
    public const string MeterName = "SysRift";

    /// <summary>Spans of recipe steps and publishing (requests and database commands come from their instrumentations).</summary>
    public static readonly ActivitySource Activities = new(MeterName);

    private readonly Meter _meter;
    private readonly Counter<long> _pageCache;
    private readonly Counter<long> _recipeRuns;
    private readonly Counter<long> _signInFailures;
    private readonly Counter<long> _scheduledPublished;
    private readonly Histogram<double> _changePropagation;
    private long _pageCacheHits, _pageCacheMisses, _recipesApplied, _recipesRefused, _signInFailureCount;

    public SiteMetrics(IMeterFactory meters)
    {
        _meter = meters.Create(MeterName);
        _pageCache = _meter.CreateCounter<long>("sysrift.page_cache.lookups", "{lookup}", "Public page cache lookups by result (hit, miss).");
        _recipeRuns = _meter.CreateCounter<long>("sysrift.recipe.runs", "{run}", "Recipe imports by result (applied, refused).");
        _signInFailures = _meter.CreateCounter<long>("sysrift.signin.failures", "{attempt}", "Failed sign-in attempts.");
        _scheduledPublished = _meter.CreateCounter<long>("sysrift.schedules.published", "{item}", "Items published at their scheduled time.");
        _changePropagation = _meter.CreateHistogram<double>("sysrift.change.propagation", "s",
            "From a commit on one node to this node hearing of it (PostgreSQL NOTIFY): how long a publish takes to be visible here.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5] });
    }

    public long PageCacheHits => Interlocked.Read(ref _pageCacheHits);
    public long PageCacheMisses => Interlocked.Read(ref _pageCacheMisses);
    public long RecipesApplied => Interlocked.Read(ref _recipesApplied);
    public long RecipesRefused => Interlocked.Read(ref _recipesRefused);
    public long SignInFailures => Interlocked.Read(ref _signInFailureCount);

    public void PageCacheLookup(bool hit)
    {
        Interlocked.Increment(ref hit ? ref _pageCacheHits : ref _pageCacheMisses);
        _pageCache.Add(1, new KeyValuePair<string, object?>("result", hit ? "hit" : "miss"));
    }

    public void RecipeRun(bool applied)
    {
        Interlocked.Increment(ref applied ? ref _recipesApplied : ref _recipesRefused);
        _recipeRuns.Add(1, new KeyValuePair<string, object?>("result", applied ? "applied" : "refused"));
    }

    public void SignInFailed()
    {
        Interlocked.Increment(ref _signInFailureCount);
        _signInFailures.Add(1);
    }

    public void ScheduledPublished() => _scheduledPublished.Add(1);

    public void ChangeHeard(TimeSpan sinceCommit) => _changePropagation.Record(Math.Max(0, sinceCommit.TotalSeconds));

    /// <summary>A gauge read when metrics are collected (content items by type and state, pending schedules).</summary>
    public void Gauge(string name, string unit, string description, Func<IEnumerable<Measurement<long>>> observe) =>
        _meter.CreateObservableGauge(name, observe, unit, description);

    public void Dispose() => _meter.Dispose();
}
