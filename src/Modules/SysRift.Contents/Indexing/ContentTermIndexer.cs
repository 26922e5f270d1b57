using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SysRift.Core.Data;

namespace SysRift.Contents.Indexing;

/// <summary>
/// Keeps <see cref="ContentTermRecord"/> rows for published items, read from the shape of the fields:
/// list values (MultiTextField), true booleans, numbers (as sortable text) and picked ids.
/// </summary>
public sealed class ContentTermIndexer(SysRiftDbContext db) : IPublishedContentIndexer
{
    public async Task IndexAsync(string contentItemId, string contentType, ContentVersionRecord? published, bool isNew, CancellationToken cancellationToken)
    {
        if (!isNew) await db.ContentTerms.Where(t => t.ContentItemId == contentItemId).ExecuteDeleteAsync(cancellationToken);
        if (published is null) return;
        foreach (var (field, value) in Terms(published.Data))
            db.ContentTerms.Add(new ContentTermRecord { ContentItemId = contentItemId, ContentType = contentType, Field = field, Value = value });
    }

    public static IEnumerable<(string Field, string Value)> Terms(string data)
    {
        if (JsonNode.Parse(data) is not JsonObject parts) yield break;
        foreach (var (partName, part) in parts)
        {
            if (part is not JsonObject fields) continue;
            foreach (var (fieldName, field) in fields)
            {
                if (field is not JsonObject value) continue;
                var key = $"{partName}.{fieldName}";
                if (value["Values"] is JsonArray list)
                {
                    foreach (var entry in list.OfType<JsonValue>().Where(v => v.GetValueKind() == JsonValueKind.String).Select(v => v.GetValue<string>()).Distinct())
                        if (entry.Length is > 0 and <= 256) yield return (key, entry);
                }
                else if (value["ContentItemIds"] is JsonArray ids)
                {
                    foreach (var id in ids.OfType<JsonValue>().Where(v => v.GetValueKind() == JsonValueKind.String).Select(v => v.GetValue<string>()))
                        yield return (key, id);
                }
                else if (value["Value"] is JsonValue scalar)
                {
                    if (scalar.GetValueKind() == JsonValueKind.True) yield return (key, "true");
                    else if (scalar.GetValueKind() == JsonValueKind.Number && double.TryParse(scalar.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                        yield return (key, SortableNumber(number));
                }
            }
        }
    }

    /// <summary>Numbers as fixed-width text so that text order is numeric order (for 0 to 99999).</summary>
    public static string SortableNumber(double value) => value.ToString("00000.####", CultureInfo.InvariantCulture);
}
