using Microsoft.Extensions.DependencyInjection;
using SysRift.Core.Documents;
using SysRift.Core.Signals;

namespace SysRift.Core.Site;

/// <summary>The site settings, read from memory; refreshed when the "site" topic is signalled.</summary>
public sealed class SiteSettingsService(IServiceScopeFactory scopes, ChangeSignal signal)
{
    private readonly CachedDocument<SiteSettings> _cache = new(scopes, signal, SiteSettings.DocumentName, ChangeTopics.Site, () => new SiteSettings());

    public Task<SiteSettings> GetAsync(CancellationToken cancellationToken = default) => _cache.GetAsync(cancellationToken);
}
