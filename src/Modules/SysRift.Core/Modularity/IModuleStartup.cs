using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace SysRift.Core.Modularity;

/// <summary>
/// The one startup class of a module (or theme). The host lists them in Program.cs; deleting a module
/// is deleting its folder and its line there.
/// </summary>
public interface IModuleStartup
{
    ModuleManifest Manifest { get; }

    void ConfigureServices(IServiceCollection services, IConfiguration configuration);

    /// <summary>Middleware that must run for every request (before routing endpoints).</summary>
    void ConfigurePipeline(IApplicationBuilder app) { }

    void MapEndpoints(IEndpointRouteBuilder endpoints) { }
}
