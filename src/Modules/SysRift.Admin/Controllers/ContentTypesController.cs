using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SysRift.Admin.ContentTypes;
using SysRift.Admin.Security;
using SysRift.Admin.ViewModels;
using SysRift.Contents.Blocks;
using SysRift.Contents.Definitions;
using SysRift.Core.Data;
using SysRift.Core.Security;

namespace SysRift.Admin.Controllers;

/// <summary>The content type editor: types, their parts and fields, and every setting a block declares.</summary>
[Route("admin/types"), RequirePermission(Permissions.ManageContentTypes)]
public sealed class ContentTypesController(ContentTypeEditor editor, ContentDefinitionService definitions, ContentBuildingBlocks blocks, SysRiftDbContext db) : AdminControllerBase
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var document = await definitions.GetAsync(cancellationToken);
        var counts = await db.ContentItems.GroupBy(i => i.ContentType).Select(g => new { Type = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Type, g => g.Count, cancellationToken);
        return View(new ContentTypesViewModel(document, counts));
    }

    [HttpGet("new")]
    public IActionResult New() => View(new NewContentTypeViewModel { Flags = new Dictionary<string, bool> { ["Creatable"] = true, ["Listable"] = true, ["Draftable"] = true, ["Versionable"] = true } });

    [HttpPost("new")]
    public async Task<IActionResult> Create(string? name, string? displayName, string? description, CancellationToken cancellationToken)
    {
        var flags = PostedFlags();
        var change = await editor.CreateTypeAsync(UserName, name?.Trim(), displayName, flags, description, cancellationToken);
        if (!change.Failed) return RedirectWithMessage($"/admin/types/{change.Created}", $"Type {displayName!.Trim()} created. Add its fields below.");
        Response.StatusCode = StatusCodes422;
        return View("New", new NewContentTypeViewModel { Name = name, DisplayName = displayName, Description = description, Flags = flags, Errors = change.Errors });
    }

    [HttpGet("{type}")]
    public async Task<IActionResult> Edit(string type, CancellationToken cancellationToken) =>
        await EditViewAsync(type, new Dictionary<string, string>(), cancellationToken) is { } view ? view : NotFound();

    [HttpPost("{type}")]
    public async Task<IActionResult> Update(string type, string? name, string? displayName, string? description, CancellationToken cancellationToken) =>
        await Outcome(type, await editor.UpdateTypeAsync(UserName, type, name, displayName, PostedFlags(), description, cancellationToken), "Type settings saved.", cancellationToken);

    [HttpPost("{type}/delete")]
    public async Task<IActionResult> Delete(string type, CancellationToken cancellationToken)
    {
        var change = await editor.DeleteTypeAsync(UserName, type, cancellationToken);
        return change.Failed ? await Outcome(type, change, "", cancellationToken) : RedirectWithMessage("/admin/types", $"Type {type} deleted.");
    }

    [HttpPost("{type}/parts")]
    public async Task<IActionResult> AddPart(string type, string? partName, CancellationToken cancellationToken) =>
        await Outcome(type, await editor.AddPartAsync(UserName, type, partName, cancellationToken), $"{partName} added.", cancellationToken);

    [HttpPost("{type}/parts/{part}/remove")]
    public async Task<IActionResult> RemovePart(string type, string part, CancellationToken cancellationToken) =>
        await Outcome(type, await editor.RemovePartAsync(UserName, type, part, cancellationToken), $"{part} removed. Values stored in it stay in the items' versions.", cancellationToken);

    [HttpPost("{type}/parts/{part}/move")]
    public async Task<IActionResult> MovePart(string type, string part, string? direction, CancellationToken cancellationToken) =>
        await Outcome(type, await editor.MovePartAsync(UserName, type, part, direction == "up" ? -1 : 1, cancellationToken), $"{part} moved.", cancellationToken);

    [HttpGet("{type}/parts/{part}/settings")]
    public async Task<IActionResult> PartSettings(string type, string part, CancellationToken cancellationToken)
    {
        var document = await definitions.GetAsync(cancellationToken);
        if (document.Type(type)?.Part(part) is not { } typePart || blocks.Part(typePart.PartName) is not { } block) return NotFound();
        return View("Settings", BlockSettingsViewModel.For(document.Type(type)!, block, typePart.Settings, $"/admin/types/{type}/parts/{part}/settings", $"{block.Label} on {document.Type(type)!.DisplayName}", null));
    }

    [HttpPost("{type}/parts/{part}/settings")]
    public async Task<IActionResult> UpdatePartSettings(string type, string part, CancellationToken cancellationToken)
    {
        var change = await editor.UpdatePartAsync(UserName, type, part, PostedSettings(), cancellationToken);
        if (!change.Failed) return RedirectWithMessage($"/admin/types/{type}", $"{part} settings saved.");
        var document = await definitions.GetAsync(cancellationToken);
        if (document.Type(type)?.Part(part) is not { } typePart || blocks.Part(typePart.PartName) is not { } block) return NotFound();
        Response.StatusCode = StatusCodes422;
        return View("Settings", BlockSettingsViewModel.For(document.Type(type)!, block, typePart.Settings, $"/admin/types/{type}/parts/{part}/settings", $"{block.Label} on {document.Type(type)!.DisplayName}", null, PostedSettings(), change.Errors));
    }

    [HttpPost("{type}/parts/{part}/fields")]
    public async Task<IActionResult> AddField(string type, string part, string? fieldType, string? fieldName, string? fieldDisplayName, CancellationToken cancellationToken)
    {
        var change = await editor.AddFieldAsync(UserName, type, part, fieldType, fieldName?.Trim(), fieldDisplayName, cancellationToken);
        if (!change.Failed) return RedirectWithMessage($"/admin/types/{type}/parts/{part}/fields/{change.Created}", $"Field {change.Created} added. Its settings are below.");
        var posted = new Dictionary<string, string> { ["part"] = part, ["FieldType"] = fieldType ?? "", ["FieldName"] = fieldName ?? "", ["FieldDisplayName"] = fieldDisplayName ?? "" };
        return await EditViewAsync(type, posted, cancellationToken, change.Errors) ?? NotFound();
    }

    [HttpGet("{type}/parts/{part}/fields/{field}")]
    public async Task<IActionResult> Field(string type, string part, string field, CancellationToken cancellationToken)
    {
        var document = await definitions.GetAsync(cancellationToken);
        if (FindField(document, type, part, field) is not { } found) return NotFound();
        return View("Settings", BlockSettingsViewModel.For(document.Type(type)!, found.Block, found.Field.Settings, $"/admin/types/{type}/parts/{part}/fields/{field}", $"{found.Field.DisplayName} ({found.Block.Name})", found.Field.DisplayName));
    }

    [HttpPost("{type}/parts/{part}/fields/{field}")]
    public async Task<IActionResult> UpdateField(string type, string part, string field, string? displayName, CancellationToken cancellationToken)
    {
        var change = await editor.UpdateFieldAsync(UserName, type, part, field, displayName, PostedSettings(), cancellationToken);
        if (!change.Failed) return RedirectWithMessage($"/admin/types/{type}", $"Field {field} saved.");
        var document = await definitions.GetAsync(cancellationToken);
        if (FindField(document, type, part, field) is not { } found) return NotFound();
        Response.StatusCode = StatusCodes422;
        return View("Settings", BlockSettingsViewModel.For(document.Type(type)!, found.Block, found.Field.Settings, $"/admin/types/{type}/parts/{part}/fields/{field}", $"{found.Field.DisplayName} ({found.Block.Name})", displayName ?? "", PostedSettings(), change.Errors));
    }

    [HttpPost("{type}/parts/{part}/fields/{field}/remove")]
    public async Task<IActionResult> RemoveField(string type, string part, string field, CancellationToken cancellationToken) =>
        await Outcome(type, await editor.RemoveFieldAsync(UserName, type, part, field, cancellationToken), $"Field {field} removed. Its values stay in the items' versions.", cancellationToken);

    [HttpPost("{type}/parts/{part}/fields/{field}/move")]
    public async Task<IActionResult> MoveField(string type, string part, string field, string? direction, CancellationToken cancellationToken) =>
        await Outcome(type, await editor.MoveFieldAsync(UserName, type, part, field, direction == "up" ? -1 : 1, cancellationToken), $"Field {field} moved.", cancellationToken);

    private const int StatusCodes422 = Microsoft.AspNetCore.Http.StatusCodes.Status422UnprocessableEntity;

    private async Task<IActionResult> Outcome(string type, ContentTypeChange change, string message, CancellationToken cancellationToken)
    {
        if (!change.Failed) return RedirectWithMessage($"/admin/types/{type}", message);
        var posted = Request.Form.Keys.ToDictionary(k => k, k => Request.Form[k].ToString(), StringComparer.Ordinal);
        return await EditViewAsync(type, posted, cancellationToken, change.Errors) ?? NotFound();
    }

    private async Task<IActionResult?> EditViewAsync(string type, Dictionary<string, string> posted, CancellationToken cancellationToken, Dictionary<string, string>? errors = null)
    {
        var document = await definitions.GetAsync(cancellationToken);
        if (document.Type(type) is not { } definition) return null;
        var items = await db.ContentItems.CountAsync(i => i.ContentType == definition.Name, cancellationToken);
        if (errors is { Count: > 0 }) Response.StatusCode = StatusCodes422;
        return View("Edit", new ContentTypeEditViewModel(definition, document, blocks, items, posted, errors ?? []));
    }

    private (ContentPartFieldDefinition Field, ContentFieldType Block)? FindField(ContentDefinitionDocument document, string type, string part, string field) =>
        document.Type(type)?.Part(part) is { } typePart && document.Part(typePart.PartName)?.Field(field) is { } definition && blocks.Field(definition.FieldName) is { } block
            ? (definition, block) : null;

    private Dictionary<string, bool> PostedFlags() =>
        ContentTypeEditor.TypeFlags.ToDictionary(f => f.Name, f => Request.Form[f.Name].Contains("true"));

    /// <summary>The posted "Settings.{Name}" inputs, by setting name.</summary>
    private Dictionary<string, string> PostedSettings() =>
        Request.Form.Keys.Where(k => k.StartsWith("Settings.", StringComparison.Ordinal))
            .ToDictionary(k => k["Settings.".Length..], k => Request.Form[k].ToString(), StringComparer.Ordinal);
}
