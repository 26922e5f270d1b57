using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SysRift.Contents.Blocks;
using SysRift.Core.Modularity;
using SysRift.ProbeModule.Fields;

namespace SysRift.ProbeModule;

public sealed class ProbeModuleStartup : IModuleStartup
{
    public ModuleManifest Manifest { get; } = new("SysRift.ProbeModule", "A test module that contributes the VerdictField.", "SysRift.Contents");

    public void ConfigureServices(IServiceCollection services, IConfiguration configuration) => services.AddContentField<VerdictField>();

    public void ConfigurePipeline(IApplicationBuilder app)
    {
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }
}
