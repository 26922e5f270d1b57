using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SysRift.Contents.Indexing;
using SysRift.Core.Modularity;
using SysRift.Search.Services;

namespace SysRift.Search;

public sealed class SearchStartup : IModuleStartup
{
    public ModuleManifest Manifest { get; } = new("SysRift.Search", "Full-text search over published articles at /search.", "SysRift.Core", "SysRift.Contents");

    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<SearchService>();
        services.AddScoped<IPublishedContentIndexer, SearchIndexer>();
    }
}
