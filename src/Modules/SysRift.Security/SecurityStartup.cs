using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SysRift.Core.Modularity;

namespace SysRift.Security;

public sealed class SecurityStartup : IModuleStartup
{
    public ModuleManifest Manifest { get; } = new("SysRift.Security", "Security headers, Content-Security-Policy and rate limits.", "SysRift.Core");

    public void ConfigureServices(IServiceCollection services, IConfiguration configuration) => RateLimits.Add(services);

    public void ConfigurePipeline(IApplicationBuilder app)
    {
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseRateLimiter();
    }
}
