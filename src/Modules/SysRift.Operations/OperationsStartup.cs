using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SysRift.Core.Modularity;

namespace SysRift.Operations;

public sealed class OperationsStartup : IModuleStartup
{
    public ModuleManifest Manifest { get; } = new("SysRift.Operations", "Health endpoints, Prometheus metrics and request ids.", "SysRift.Core");

    public void ConfigureServices(IServiceCollection services, IConfiguration configuration) { }

    public void ConfigurePipeline(IApplicationBuilder app) => app.UseMiddleware<RequestTelemetryMiddleware>();

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        HealthEndpoints.MapSysRiftHealth(endpoints);
        MetricsEndpoint.Map(endpoints);
    }
}
