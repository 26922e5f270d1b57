using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SysRift.Contents.Blocks;

/// <summary>The one line a module writes to contribute a building block: services.AddContentField&lt;LinkField&gt;().</summary>
public static class BlockRegistration
{
    public static IServiceCollection AddContentField<TField>(this IServiceCollection services) where TField : ContentFieldType
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ContentFieldType, TField>());
        return services;
    }

    public static IServiceCollection AddContentPart<TPart>(this IServiceCollection services) where TPart : ContentPartType
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ContentPartType, TPart>());
        return services;
    }
}
