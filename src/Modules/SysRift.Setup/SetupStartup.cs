using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SysRift.Core.Modularity;
using SysRift.Setup.Services;

namespace SysRift.Setup;

public sealed class SetupStartup : IModuleStartup
{
    public ModuleManifest Manifest { get; } = new("SysRift.Setup",
        "The /setup form, unattended setup from configuration, and schema upgrades at start.", "SysRift.Core", "SysRift.Recipes");

    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<SetupService>();
        services.AddSingleton<SiteInitializer>();
    }

    public void ConfigurePipeline(IApplicationBuilder app) => app.UseMiddleware<SetupGateMiddleware>();
}
