using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SysRift.Contents.Publishing;
using SysRift.Core.Modularity;

namespace SysRift.Theme;

/// <summary>The theme's views and assets (found through its assembly), and the query parameters its pages read.</summary>
public sealed class ThemeStartup : IModuleStartup
{
    public ModuleManifest Manifest { get; } = new("SysRift.Theme", "The public theme of the SysRift site.", "SysRift.Contents");

    public void ConfigureServices(IServiceCollection services, IConfiguration configuration) =>
        // Content-KnowledgeBase.cshtml filters and pages the articles list by these; nothing else makes a page differ.
        services.Configure<PageCacheOptions>(options => options.QueryParameters.UnionWith(["focus", "tag", "page"]));
}
