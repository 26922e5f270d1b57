using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SysRift.Contents.Definitions;
using SysRift.Contents.Items;
using SysRift.Core.Data;
using SysRift.Core.Documents;
using SysRift.Core.Site;

namespace SysRift.Recipes.Export;

/// <summary>
/// Writes the whole site as a recipe: ContentDefinition, Settings (site and named settings) and Content
/// (for an item published with a pending draft: the published version, then the draft). Importing it
/// into a blank instance reproduces the same site.
/// </summary>
public sealed class RecipeExporter(SysRiftDbContext db, DocumentStore documents)
{
    public async Task<JsonObject> ExportAsync(CancellationToken cancellationToken = default)
    {
        var definitions = await documents.GetAsync<ContentDefinitionDocument>(ContentDefinitionDocument.DocumentName, cancellationToken) ?? new();
        var site = await documents.GetAsync<SiteSettings>(SiteSettings.DocumentName, cancellationToken) ?? new();

        var steps = new JsonArray
        {
            new JsonObject
            {
                ["name"] = "ContentDefinition",
                ["ContentTypes"] = new JsonArray(definitions.ContentTypeDefinitionRecords.Select(t => (JsonNode)new JsonObject
                {
                    ["Name"] = t.Name,
                    ["DisplayName"] = t.DisplayName,
                    ["Settings"] = t.Settings.DeepClone(),
                    ["ContentTypePartDefinitionRecords"] = new JsonArray(t.ContentTypePartDefinitionRecords.Select(p => (JsonNode)new JsonObject
                    {
                        ["PartName"] = p.PartName, ["Name"] = p.Name, ["Settings"] = p.Settings.DeepClone(),
                    }).ToArray()),
                }).ToArray()),
                ["ContentParts"] = new JsonArray(definitions.ContentPartDefinitionRecords.Select(p => (JsonNode)new JsonObject
                {
                    ["Name"] = p.Name,
                    ["Settings"] = p.Settings.DeepClone(),
                    ["ContentPartFieldDefinitionRecords"] = new JsonArray(p.ContentPartFieldDefinitionRecords.Select(f => (JsonNode)new JsonObject
                    {
                        ["FieldName"] = f.FieldName, ["Name"] = f.Name, ["Settings"] = f.Settings.DeepClone(),
                    }).ToArray()),
                }).ToArray()),
            },
            await SettingsStepAsync(site, cancellationToken),
        };
        if (await CustomSettingsStepAsync(cancellationToken) is { } custom) steps.Add(custom);
        steps.Add(new JsonObject { ["name"] = "Content", ["data"] = await ContentAsync(cancellationToken) });

        return new JsonObject
        {
            ["name"] = "export",
            ["displayName"] = $"{site.SiteName} export",
            ["description"] = $"Everything of {site.SiteName}: definitions, settings and content, exported {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC.",
            ["author"] = site.SiteName,
            ["version"] = "1.0.0",
            ["issetuprecipe"] = false,
            ["categories"] = new JsonArray("export"),
            ["tags"] = new JsonArray(),
            ["steps"] = steps,
        };
    }

    private async Task<JsonObject> SettingsStepAsync(SiteSettings site, CancellationToken cancellationToken)
    {
        var step = new JsonObject { ["name"] = "Settings", ["SiteName"] = site.SiteName, ["PageSize"] = site.PageSize, ["TimeZoneId"] = site.TimeZoneId };
        if (site.BaseUrl is not null) step["BaseUrl"] = site.BaseUrl;
        if (site.HomeRoute is not null) step["HomeRoute"] = JsonSerializer.SerializeToNode(site.HomeRoute);
        foreach (var name in (await documents.NamesAsync(cancellationToken)).Where(n => n.StartsWith(SiteSettings.NamedSettingsPrefix, StringComparison.Ordinal)))
            step[name[SiteSettings.NamedSettingsPrefix.Length..]] = JsonNode.Parse(await documents.GetRawAsync(name, cancellationToken) ?? "null");
        return step;
    }

    /// <summary>Orchard's custom-settings step, when the site holds any (each kept whole by <see cref="Steps.CustomSettingsStep"/>).</summary>
    private async Task<JsonObject?> CustomSettingsStepAsync(CancellationToken cancellationToken)
    {
        var names = (await documents.NamesAsync(cancellationToken)).Where(n => n.StartsWith(Steps.CustomSettingsStep.DocumentPrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        if (names.Count == 0) return null;
        var step = new JsonObject { ["name"] = "custom-settings" };
        foreach (var name in names) step[name[Steps.CustomSettingsStep.DocumentPrefix.Length..]] = JsonNode.Parse(await documents.GetRawAsync(name, cancellationToken) ?? "null");
        return step;
    }

    private async Task<JsonArray> ContentAsync(CancellationToken cancellationToken)
    {
        var data = new JsonArray();
        var versions = db.ContentVersions.AsNoTracking()
            .Where(v => v.Latest || v.Published)
            .OrderBy(v => v.ContentType).ThenBy(v => v.ContentItemId).ThenBy(v => v.Number)
            .AsAsyncEnumerable();
        await foreach (var version in versions.WithCancellation(cancellationToken))
        {
            // Everything stored travels: parts and fields SysRift has no block for, and values of removed fields.
            data.Add(ContentVersionMapper.ToItem(version).ToJson());
        }

        return data;
    }
}
