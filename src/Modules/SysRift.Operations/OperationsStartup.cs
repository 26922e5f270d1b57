using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SysRift.Core.Modularity;

namespace SysRift.Operations;

public sealed class OperationsStartup : IModuleStartup
{
    public ModuleManifest Manifest { get; } = new("SysRift.Operations", "Health endpoints, OpenTelemetry metrics (Prometheus at /metrics, OTLP) and traces, request ids.", "SysRift.Core");

    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        Telemetry.Add(services, configuration);
        services.AddSingleton<SiteGauges>();
        services.AddHostedService(provider => provider.GetRequiredService<SiteGauges>());
    }

    public void ConfigurePipeline(IApplicationBuilder app) => app.UseMiddleware<RequestTelemetryMiddleware>();

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        HealthEndpoints.MapSysRiftHealth(endpoints);
        MetricsEndpoint.Map(endpoints);
    }
}
