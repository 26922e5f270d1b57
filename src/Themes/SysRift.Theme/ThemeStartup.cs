using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SysRift.Core.Modularity;

namespace SysRift.Theme;

/// <summary>The theme registers nothing but its views and assets (found through its assembly).</summary>
public sealed class ThemeStartup : IModuleStartup
{
    public ModuleManifest Manifest { get; } = new("SysRift.Theme", "The public theme of the SysRift site.", "SysRift.Contents");

    public void ConfigureServices(IServiceCollection services, IConfiguration configuration) { }
}
