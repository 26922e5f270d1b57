using Microsoft.EntityFrameworkCore;
using SysRift.Contents.Items;
using SysRift.Contents.Parts;
using SysRift.Core.Data;
using SysRift.Recipes.Reading;

namespace SysRift.Recipes.Steps;

/// <summary>
/// Checks a Content step's claims (<see cref="ContentClaim"/>) against the site: a public path or an alias that
/// another item owns, a second item of a singleton type. Clashes between the recipe's own items were reported
/// when the items were read. Validation checks all of a step's claims at its end; an import checks each chunk
/// just before writing it, against the site as the chunks before it left it, so that a clash is reported
/// rather than left to the database's unique index. (So a path that an earlier chunk moved an item away from is
/// free for a later one; validation alone, which writes nothing, still sees it taken.) One instance per step:
/// it keeps the site's aliases, read once, as they were before the step.
/// </summary>
internal sealed class ContentSiteChecks(SysRiftDbContext db, StepContext context, string dataPath)
{
    /// <summary>Paths asked for in one query.</summary>
    private const int PathsPerQuery = 500;

    private Dictionary<string, (string ContentItemId, string DisplayText)>? _aliasOwners;

    public async Task CheckAsync(IReadOnlyCollection<ContentClaim> claims, CancellationToken cancellationToken)
    {
        // Before setup there is no site to clash with.
        if (!context.Run.SiteHasContent) return;
        await CheckPathsAsync(claims, cancellationToken);
        await CheckSingletonsAsync(claims, cancellationToken);
        await CheckAliasesAsync(claims, cancellationToken);
    }

    private async Task CheckPathsAsync(IReadOnlyCollection<ContentClaim> claims, CancellationToken cancellationToken)
    {
        var byPath = claims.Where(c => c.Path is not null).GroupBy(c => c.Path!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var paths in byPath.Keys.Chunk(PathsPerQuery))
        {
            var owners = await db.ContentVersions
                .Where(v => paths.Contains(v.Path) && (v.Latest || v.Published))
                .Select(v => new { v.Path, v.ContentItemId, v.DisplayText }).ToListAsync(cancellationToken);
            foreach (var owner in owners)
            {
                var claim = byPath[owner.Path!];
                if (owner.ContentItemId == claim.ContentItemId) continue;
                context.Error(JsonPath.Append(ItemPath(claim), "AutoroutePart.Path"),
                    $"path \"/{owner.Path}\" already belongs to \"{owner.DisplayText}\" ({owner.ContentItemId}) on this site.");
            }
        }
    }

    /// <summary>A singleton type (ContentTypeSettings.Singleton) gets one item: in this recipe and on the site together.</summary>
    private async Task CheckSingletonsAsync(IReadOnlyCollection<ContentClaim> claims, CancellationToken cancellationToken)
    {
        foreach (var claim in claims.Where(c => c.Singleton))
        {
            var type = context.Run.Definitions.Type(claim.ContentType)!;
            var onSite = await db.ContentItems
                .Where(i => i.ContentType == type.Name && i.Status != ContentStatus.Deleted && i.ContentItemId != claim.ContentItemId)
                .Select(i => i.ContentItemId).FirstOrDefaultAsync(cancellationToken);
            if (onSite is not null)
                context.Error(JsonPath.Property(ItemPath(claim), "ContentItemId"), $"{type.DisplayName} is a singleton: the site keeps one item of it ({onSite}); update that one instead.");
        }
    }

    private async Task CheckAliasesAsync(IReadOnlyCollection<ContentClaim> claims, CancellationToken cancellationToken)
    {
        // Read at the step's first chunk, before anything of it is written (an item may give its alias up).
        _aliasOwners ??= await AliasOwners.FindAsync(db, cancellationToken);
        foreach (var claim in claims)
        {
            if (claim.Alias is { } alias && _aliasOwners.TryGetValue(alias, out var owner) && owner.ContentItemId != claim.ContentItemId)
                context.Error(JsonPath.Property(JsonPath.Property(ItemPath(claim), "AliasPart"), "Alias"), $"alias \"{alias}\" is already used by \"{owner.DisplayText}\" ({owner.ContentItemId}) on this site.");
        }
    }

    private string ItemPath(ContentClaim claim) => JsonPath.Index(dataPath, claim.Index);
}
