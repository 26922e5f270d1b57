using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SysRift.Contents;
using SysRift.Contents.Blocks;

namespace SysRift.Tests.Infrastructure;

/// <summary>The blocks the Contents module registers, read from its startup (so tests see exactly what a site gets).</summary>
public static class BuiltInBlocks
{
    public static ContentBuildingBlocks Instance { get; } = Create();

    private static ContentBuildingBlocks Create()
    {
        var services = new ServiceCollection();
        new ContentsStartup().ConfigureServices(services, new ConfigurationBuilder().Build());
        T[] Of<T>() => services.Where(d => d.ServiceType == typeof(T)).Select(d => (T)Activator.CreateInstance(d.ImplementationType!)!).ToArray();
        return new ContentBuildingBlocks(Of<ContentFieldType>(), Of<ContentPartType>());
    }
}
