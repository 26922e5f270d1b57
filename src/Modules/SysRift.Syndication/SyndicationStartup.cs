using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SysRift.Core.Modularity;

namespace SysRift.Syndication;

public sealed class SyndicationStartup : IModuleStartup
{
    public ModuleManifest Manifest { get; } = new("SysRift.Syndication", "The Atom feed, the sitemap and robots.txt.", "SysRift.Contents");

    public void ConfigureServices(IServiceCollection services, IConfiguration configuration) { }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => SyndicationEndpoints.Map(endpoints);
}
