using Microsoft.Extensions.DependencyInjection;
using SysRift.Core.Documents;
using SysRift.Core.Signals;

namespace SysRift.Core.Site;

/// <summary>The site settings, read from memory; refreshed when the "site" topic is signalled.</summary>
public sealed class SiteSettingsService(IServiceScopeFactory scopes, ChangeSignal signal)
{
    private readonly CachedDocument<SiteSettings> _cache = new(scopes, signal, SiteSettings.DocumentName, ChangeTopics.Site, () => new SiteSettings());

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, object> _named = new(StringComparer.Ordinal);

    public Task<SiteSettings> GetAsync(CancellationToken cancellationToken = default) => _cache.GetAsync(cancellationToken);

    /// <summary>A named settings document (a recipe Settings step's other keys), cached like the site settings.</summary>
    public Task<T> GetNamedAsync<T>(string key, CancellationToken cancellationToken = default) where T : class, new() =>
        ((CachedDocument<T>)_named.GetOrAdd(key, k => new CachedDocument<T>(scopes, signal, SiteSettings.NamedSettingsPrefix + k, ChangeTopics.Site, () => new T())))
            .GetAsync(cancellationToken);
}
