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
/// Writes the whole site as a recipe: ContentDefinition, Settings (site and named settings), media and Content
/// (for an item published with a pending draft: the published version, then the draft). Importing it into an
/// empty instance reproduces the same site. The media step carries the files inline (Base64) in a plain recipe,
/// or names them (SourcePath) in a deployment package (<see cref="RecipePackage"/>).
/// </summary>
public sealed class RecipeExporter(SysRiftDbContext db, DocumentStore documents)
{
    /// <summary>The site as one JSON recipe, media inline.</summary>
    public Task<JsonObject> ExportAsync(CancellationToken cancellationToken = default) => ExportAsync(inlineMedia: true, cancellationToken);

    /// <summary>The site as an Orchard deployment package: Recipe.json and the media files beside it.</summary>
    public async Task ExportPackageAsync(Stream output, CancellationToken cancellationToken = default) =>
        await RecipePackage.WriteAsync(await ExportAsync(inlineMedia: false, cancellationToken), MediaFilesAsync(cancellationToken), output, cancellationToken);

    private async IAsyncEnumerable<(string Path, byte[] Bytes)> MediaFilesAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // One file in memory at a time.
        foreach (var path in await db.MediaFiles.AsNoTracking().OrderBy(f => f.Path).Select(f => f.Path).ToListAsync(cancellationToken))
            yield return (path, await db.MediaFiles.AsNoTracking().Where(f => f.Path == path).Select(f => f.Content).SingleAsync(cancellationToken));
    }

    private async Task<JsonObject> ExportAsync(bool inlineMedia, CancellationToken cancellationToken)
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
        if (await MediaStepAsync(inlineMedia, cancellationToken) is { } media) steps.Add(media);
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

    /// <summary>Orchard's media step: every file of the library, with its bytes (inline) or the path of its file in the package.</summary>
    private async Task<JsonObject?> MediaStepAsync(bool inline, CancellationToken cancellationToken)
    {
        var files = new JsonArray();
        foreach (var file in await db.MediaFiles.AsNoTracking().OrderBy(f => f.Path).Select(f => new { f.Path, f.AltText, f.Caption }).ToListAsync(cancellationToken))
        {
            var entry = inline
                ? new JsonObject { ["TargetPath"] = file.Path, ["Base64"] = Convert.ToBase64String(await db.MediaFiles.AsNoTracking().Where(f => f.Path == file.Path).Select(f => f.Content).SingleAsync(cancellationToken)) }
                : new JsonObject { ["SourcePath"] = file.Path, ["TargetPath"] = file.Path };
            // SysRift's own properties (Orchard's importer ignores them): the library's description of the file.
            if (file.AltText is not null) entry["AltText"] = file.AltText;
            if (file.Caption is not null) entry["Caption"] = file.Caption;
            files.Add(entry);
        }

        return files.Count == 0 ? null : new JsonObject { ["name"] = "media", ["Files"] = files };
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
