using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.DependencyInjection;
using SysRift.Contents.Blocks;
using SysRift.Contents.Definitions;
using SysRift.Contents.Items;

namespace SysRift.Contents.Display;

/// <summary>
/// What theme views call to show an item's parts and fields: @await Html.DisplayPartsAsync(Model).
/// Each part and field is rendered by the view <see cref="ContentShapes"/> picks for it.
/// </summary>
public static class ContentDisplayHtml
{
    /// <summary>Every part of the item in the type's order, each by its part view (or its fields, for a part without one).</summary>
    public static async Task<IHtmlContent> DisplayPartsAsync(this IHtmlHelper html, ContentDisplayModel display, string? displayType = null)
    {
        var output = new HtmlContentBuilder();
        if (display.Type is null) return output;
        var services = html.ViewContext.HttpContext.RequestServices;
        var blocks = services.GetRequiredService<ContentBuildingBlocks>();
        var shapes = services.GetRequiredService<ContentShapes>();
        var definitions = await services.GetRequiredService<ContentDefinitionService>().GetAsync();
        displayType ??= display.DisplayType;
        foreach (var typePart in display.Type.OrderedParts())
        {
            if (display.Item.Part(typePart.Name) is not { } value) continue;
            var block = blocks.Part(typePart.PartName);
            var model = new PartDisplayModel(display, typePart, block, value, displayType);
            var own = block is null ? [] : new[] { block.DisplayView(displayType), block.DisplayView("Detail") }.Distinct().ToArray();
            var view = shapes.Resolve(html.ViewContext, ContentShapes.PartAlternates(typePart.PartName, display.Item.ContentType, displayType), own);
            if (view is not null) output.AppendHtml(await html.PartialAsync(view, model));
            if (view is null || block is not null) output.AppendHtml(await html.DisplayFieldsAsync(model, definitions));
        }

        return output;
    }

    /// <summary>Another item shown inside this one (a picked item) by its <paramref name="displayType"/> view (Content-{Type}.Summary, Content.Summary).</summary>
    public static async Task<IHtmlContent> DisplayItemAsync(this IHtmlHelper html, ContentDisplayModel within, ContentItem item, string displayType)
    {
        var services = html.ViewContext.HttpContext.RequestServices;
        var type = (await services.GetRequiredService<ContentDefinitionService>().GetAsync()).Type(item.ContentType);
        var view = services.GetRequiredService<ContentViewSelector>().Select(html.ViewContext, item.ContentType, displayType);
        return await html.PartialAsync(view, new ContentDisplayModel(item, type, displayType, within.Site, IsHome: false, within.IsPreview));
    }

    /// <summary>Nested items (FlowPart widgets, BagPart items) in order, each by Widget-{Type}, then Widget.</summary>
    public static async Task<IHtmlContent> DisplayNestedItemsAsync(this IHtmlHelper html, PartDisplayModel part, IEnumerable<JsonObject> items)
    {
        var services = html.ViewContext.HttpContext.RequestServices;
        var shapes = services.GetRequiredService<ContentShapes>();
        var definitions = await services.GetRequiredService<ContentDefinitionService>().GetAsync();
        var output = new HtmlContentBuilder();
        foreach (var json in items)
        {
            var item = ContentItem.FromJson((JsonObject)json.DeepClone());
            if (shapes.Resolve(html.ViewContext, [$"Widget-{item.ContentType}", "Widget"], []) is not { } view) continue;
            output.AppendHtml(await html.PartialAsync(view, new ContentDisplayModel(item, definitions.Type(item.ContentType), "Widget", part.Display.Site, IsHome: false, part.Display.IsPreview)));
        }

        return output;
    }

    /// <summary>The fields of one part, each by its field view, in a definition list; nothing when none has a value to show.</summary>
    public static async Task<IHtmlContent> DisplayFieldsAsync(this IHtmlHelper html, PartDisplayModel part, ContentDefinitionDocument? definitions = null)
    {
        var services = html.ViewContext.HttpContext.RequestServices;
        var blocks = services.GetRequiredService<ContentBuildingBlocks>();
        var shapes = services.GetRequiredService<ContentShapes>();
        definitions ??= await services.GetRequiredService<ContentDefinitionService>().GetAsync();
        var fields = new HtmlContentBuilder();
        var any = false;
        foreach (var field in definitions.Part(part.TypePart.PartName)?.OrderedFields() ?? [])
        {
            if (blocks.Field(field.FieldName) is not { } block || SettingsReader.Property(part.Value, field.Name) is not JsonObject value) continue;
            var model = new FieldDisplayModel(part.Display, part.TypePart, field, block, value, part.DisplayType);
            var own = new[] { block.DisplayView(part.DisplayType), block.DisplayView("Detail") }.Distinct().ToArray();
            if (shapes.Resolve(html.ViewContext, ContentShapes.FieldAlternates(block.Name, part.TypePart.Name, field.Name, part.DisplayType), own) is not { } view) continue;
            fields.AppendHtml(await html.PartialAsync(view, model));
            any = true;
        }

        if (!any) return HtmlString.Empty;
        var list = new TagBuilder("dl");
        list.AddCssClass("fields");
        list.AddCssClass("fields-" + part.TypePart.Name.ToLowerInvariant());
        list.InnerHtml.AppendHtml(fields);
        return list;
    }
}
