using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SysRift.Core.Data;

namespace SysRift.Contents.Parts;

/// <summary>
/// Which other item holds an alias (Orchard compares aliases without case). Aliases live in the item JSON,
/// not in a column: a site has few aliased items (menus, a handful of pages), so the versions that have an
/// AliasPart at all are read and compared. Latest and published versions count, as for paths.
/// </summary>
public static class AliasOwners
{
    public static async Task<Dictionary<string, (string ContentItemId, string DisplayText)>> FindAsync(SysRiftDbContext db, CancellationToken cancellationToken)
    {
        var rows = await db.ContentVersions.AsNoTracking()
            .Where(v => (v.Latest || v.Published) && v.Data.Contains("\"AliasPart\""))
            .Select(v => new { v.ContentItemId, v.DisplayText, v.Data }).ToListAsync(cancellationToken);
        var owners = new Dictionary<string, (string, string)>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows)
        {
            if (Alias(JsonNode.Parse(row.Data) as JsonObject) is { } alias) owners.TryAdd(alias, (row.ContentItemId, row.DisplayText));
        }

        return owners;
    }

    /// <summary>The display text of another item that holds <paramref name="alias"/>, if any.</summary>
    public static async Task<string?> OwnerAsync(SysRiftDbContext db, string alias, string contentItemId, CancellationToken cancellationToken)
    {
        var rows = await db.ContentVersions.AsNoTracking()
            .Where(v => (v.Latest || v.Published) && v.ContentItemId != contentItemId && v.Data.Contains("\"AliasPart\""))
            .Select(v => new { v.DisplayText, v.Data }).ToListAsync(cancellationToken);
        return rows.FirstOrDefault(r => string.Equals(Alias(JsonNode.Parse(r.Data) as JsonObject), alias, StringComparison.OrdinalIgnoreCase))?.DisplayText;
    }

    public static string? Alias(JsonObject? content) =>
        content?["AliasPart"]?["Alias"] is JsonValue value && value.TryGetValue<string>(out var alias) && alias.Trim() is { Length: > 0 } trimmed ? trimmed : null;
}
