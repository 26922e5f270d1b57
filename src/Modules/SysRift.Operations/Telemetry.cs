using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using SysRift.Core.Diagnostics;

namespace SysRift.Operations;

/// <summary>
/// Everything measured goes through OpenTelemetry: the built-in meters of ASP.NET Core (hosting, routing,
/// diagnostics), Kestrel, EF Core, Npgsql and the .NET runtime, plus SysRift's own. /metrics exposes them in
/// Prometheus text under OpenTelemetry's standard names (http_server_request_duration_seconds with
/// http_route, ...); with the standard OTEL_EXPORTER_OTLP_ENDPOINT set, metrics and traces also go out over OTLP.
/// Traces cover requests, database commands, recipe steps and publishing, each request tagged with its id.
/// </summary>
public static class Telemetry
{
    public static readonly string[] Meters =
    [
        SiteMetrics.MeterName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.Routing",
        "Microsoft.AspNetCore.Diagnostics", "Microsoft.AspNetCore.RateLimiting", "Microsoft.EntityFrameworkCore", "Npgsql", "System.Runtime",
    ];

    /// <summary>
    /// Instruments whose Prometheus form promtool's lint refuses: EF Core's have no description, and three of the
    /// runtime's gauges end in "_count", which Prometheus keeps for histograms. Each keeps its meaning; the
    /// runtime's three get names without the suffix (documented in docs/operations.md).
    /// </summary>
    private static readonly (string Instrument, string? Name, string Description)[] Views =
    [
        ("microsoft.entityframeworkcore.active_dbcontexts", null, "EF Core contexts in use."),
        ("microsoft.entityframeworkcore.queries", null, "EF Core queries executed."),
        ("microsoft.entityframeworkcore.savechanges", null, "EF Core SaveChanges calls."),
        ("microsoft.entityframeworkcore.compiled_query_cache_hits", null, "EF Core compiled query cache hits."),
        ("microsoft.entityframeworkcore.compiled_query_cache_misses", null, "EF Core compiled query cache misses."),
        ("microsoft.entityframeworkcore.execution_strategy_operation_failures", null, "EF Core operations an execution strategy retried after a failure."),
        ("microsoft.entityframeworkcore.optimistic_concurrency_failures", null, "EF Core optimistic concurrency failures."),
        ("dotnet.assembly.count", "dotnet.assemblies.loaded", "Assemblies loaded into the process."),
        ("dotnet.process.cpu.count", "dotnet.process.cpus", "Processors available to the process."),
        ("dotnet.timer.count", "dotnet.timers.active", "Timers currently active."),
    ];

    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        var otlp = !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("sysrift", serviceInstanceId: configuration["SysRift:NodeName"] is { Length: > 0 } node ? node : Environment.MachineName))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(Meters).AddPrometheusExporter();
                foreach (var (instrument, name, description) in Views)
                    metrics.AddView(instrument, new MetricStreamConfiguration { Name = name, Description = description });
                if (otlp) metrics.AddOtlpExporter();
            });

        // Traces are recorded only when they have somewhere to go: without an exporter, every request and every
        // database command would still make and tag an Activity (a profile under load found threads contending
        // on those tags) for nobody to read.
        if (!otlp) return;
        services.AddOpenTelemetry().WithTracing(tracing => tracing.AddSource(SiteMetrics.MeterName)
            .AddAspNetCoreInstrumentation()
            .AddEntityFrameworkCoreInstrumentation()
            .AddNpgsql()
            .AddOtlpExporter());
    }
}
