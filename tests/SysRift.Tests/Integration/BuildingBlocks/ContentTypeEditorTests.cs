using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using SysRift.Contents.Definitions;
using SysRift.Core.Audit;
using SysRift.Core.Data;
using SysRift.ProbeModule;
using SysRift.Recipes.Execution;
using SysRift.Recipes.Export;

namespace SysRift.Tests.Integration.BuildingBlocks;

/// <summary>
/// An administrator shapes a content type in the admin, with a field type from a module the engine never saw:
/// every change is checked with errors next to the input, audited, exported, imported into a fresh site, and
/// seen at once by editors (and by the other node); items saved before a change still open, show and save.
/// </summary>
public sealed class ContentTypeEditorTests
{
    private static Dictionary<string, string> Form(params (string Key, string Value)[] values) => values.ToDictionary(v => v.Key, v => v.Value);

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task A_type_made_in_the_admin_is_edited_shown_exported_and_imported(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var site = new SiteFactory(database, recipe: "blank", extraModules: [new ProbeModuleStartup()]);
        var admin = await AdminSession.SignInAsync(site);

        // Create: the technical name is checked, and made from the display name when left empty.
        var form = await admin.PageAsync("/admin/types/new");
        var bad = await admin.SubmitAsync(form, "form.editor", Form(("DisplayName", "Reading note"), ("Name", "9 lives")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.Contains("starts with a letter", (await SiteFactory.ParseAsync(bad)).QuerySelector("#t-Name ~ .field-error")!.TextContent, StringComparison.Ordinal);
        var taken = await admin.SubmitAsync(form, "form.editor", Form(("DisplayName", "Another principle"), ("Name", "Principle")));
        Assert.Contains("already", (await SiteFactory.ParseAsync(taken)).QuerySelector("#t-Name ~ .field-error")!.TextContent, StringComparison.Ordinal);
        var created = await admin.SubmitAsync(form, "form.editor", Form(("DisplayName", "Reading note"), ("Name", "")));
        Assert.Equal("/admin/types/ReadingNote", AdminSession.Target(created));

        // Parts and fields, chosen from every registered block, the probe module's VerdictField among them.
        var edit = await admin.PageAsync("/admin/types/ReadingNote");
        Assert.Contains("VerdictField", edit.QuerySelectorAll("select[name='FieldType'] option").Select(o => o.GetAttribute("value")));
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(edit, "form.inline-form", Form(("PartName", "AutoroutePart")))).StatusCode);
        edit = await admin.PageAsync("/admin/types/ReadingNote");
        var added = await admin.SubmitAsync(edit, "form.add-field", Form(("FieldType", "TextField"), ("FieldDisplayName", "Author"), ("FieldName", "")));
        Assert.Equal("/admin/types/ReadingNote/parts/ReadingNote/fields/Author", AdminSession.Target(added));
        edit = await admin.PageAsync("/admin/types/ReadingNote");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(edit, "form.add-field", Form(("FieldType", "VerdictField"), ("FieldDisplayName", "Rating"), ("FieldName", "Rating")))).StatusCode);
        edit = await admin.PageAsync("/admin/types/ReadingNote");
        var duplicate = await admin.SubmitAsync(edit, "form.add-field", Form(("FieldType", "TextField"), ("FieldDisplayName", "Author again"), ("FieldName", "Author")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, duplicate.StatusCode);
        Assert.Contains("already", (await SiteFactory.ParseAsync(duplicate)).QuerySelector("[id='fn-ReadingNote'] ~ .field-error")!.TextContent, StringComparison.Ordinal);

        // Every setting a block declares is edited and checked, the error next to the setting.
        var settings = await admin.PageAsync("/admin/types/ReadingNote/parts/ReadingNote/fields/Rating");
        var wrong = await admin.SubmitAsync(settings, "form.editor", Form(("Settings.MaxStars", "50")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
        Assert.Contains("at most 10", (await SiteFactory.ParseAsync(wrong)).QuerySelector("#s-MaxStars-error")!.TextContent, StringComparison.Ordinal);
        var fractional = await admin.SubmitAsync(settings, "form.editor", Form(("Settings.MaxStars", "2.5")));
        Assert.Contains("whole number", (await SiteFactory.ParseAsync(fractional)).QuerySelector("#s-MaxStars-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(settings, "form.editor", Form(("Settings.MaxStars", "3"), ("Settings.Required", "true")))).StatusCode);
        settings = await admin.PageAsync("/admin/types/ReadingNote/parts/ReadingNote/fields/Author");
        var pattern = await admin.SubmitAsync(settings, "form.editor", Form(("Settings.Pattern", "(a)\\1")));
        Assert.Contains("not a pattern SysRift can run", (await SiteFactory.ParseAsync(pattern)).QuerySelector("#s-Pattern-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(settings, "form.editor", Form(("Settings.MaxLength", "40"), ("Settings.Hint", "Who wrote it")))).StatusCode);

        // Reordered: the path right after the title, Rating before Author. A technical name is never renamed; the display name changes.
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostAsync("/admin/types/ReadingNote/parts/AutoroutePart/move", [new("direction", "up")])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostAsync("/admin/types/ReadingNote/parts/ReadingNote/fields/Rating/move", [new("direction", "up")])).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await admin.PostAsync("/admin/types/ReadingNote/parts/TitlePart/move", [new("direction", "up")])).StatusCode);
        edit = await admin.PageAsync("/admin/types/ReadingNote");
        var renamed = await admin.SubmitAsync(edit, "form.editor", Form(("Name", "BookNote"), ("DisplayName", "Book note")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, renamed.StatusCode);
        Assert.Contains("cannot change", (await SiteFactory.ParseAsync(renamed)).QuerySelector("#t-Name ~ .field-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(edit, "form.editor", Form(("DisplayName", "Reading notes")))).StatusCode);

        // Editors get the new shape at once, in the type's order, and the site shows the item.
        var editor = await admin.PageAsync("/admin/content/ReadingNote/new");
        Assert.Equal(["TitlePart.Title", "AutoroutePart.Path", "AutoroutePart.SetHomepage", "ReadingNote.Rating", "ReadingNote.Author"],
            editor.QuerySelectorAll("form.editor [name]").Select(e => e.GetAttribute("name")!).Where(n => n.Contains('.') && !n.EndsWith(".Verdict", StringComparison.Ordinal)).Distinct());
        Assert.Equal(3, editor.QuerySelectorAll("select[name='ReadingNote.Rating'] option[value!='']").Length);
        var tooLong = await admin.SubmitAsync(editor, "form.editor", Form(("TitlePart.Title", "DDIA"), ("ReadingNote.Author", new string('x', 41)), ("ReadingNote.Rating", "3")), "publish");
        Assert.Contains("at most 40", (await SiteFactory.ParseAsync(tooLong)).QuerySelector("#f-ReadingNote-Author-error")!.TextContent, StringComparison.Ordinal);
        var published = await admin.SubmitAsync(editor, "form.editor",
            Form(("TitlePart.Title", "Designing data-intensive applications"), ("AutoroutePart.Path", "notes/ddia"), ("ReadingNote.Author", "Martin Kleppmann"), ("ReadingNote.Rating", "3"), ("ReadingNote.Rating.Verdict", "Read it twice")), "publish");
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        var itemPath = AdminSession.Target(published);
        var visitor = site.Browser();
        var page = await SiteFactory.ParseAsync(await visitor.GetAsync("/notes/ddia"));
        Assert.Equal("Martin Kleppmann", page.QuerySelectorAll("dl.fields dd").Select(d => d.TextContent.Trim()).Single(t => t.Contains("Kleppmann", StringComparison.Ordinal)));
        Assert.Contains("★★★", page.QuerySelector("dd.verdict")!.TextContent, StringComparison.Ordinal);

        // A field removed: hidden from the editor and the page; the item still opens and saves; old versions keep the value.
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostAsync("/admin/types/ReadingNote/parts/ReadingNote/fields/Author/remove")).StatusCode);
        Assert.DoesNotContain("Kleppmann", await visitor.GetStringAsync("/notes/ddia"), StringComparison.Ordinal);
        editor = await admin.PageAsync(itemPath);
        Assert.Null(editor.QuerySelector("[name='ReadingNote.Author']"));
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(editor, "form.editor", Form(("ReadingNote.Rating.Verdict", "Read it three times")), "publish")).StatusCode);
        var versions = await site.InScopeAsync(s => s.GetRequiredService<SysRiftDbContext>().ContentVersions.Where(v => v.ContentType == "ReadingNote").Select(v => v.Data).ToListAsync());
        Assert.Equal(2, versions.Count);
        Assert.All(versions, data => Assert.Contains("Martin Kleppmann", data, StringComparison.Ordinal));

        // Refusals: a type with items is not deleted; a singleton needs at most one item. An empty type is deleted.
        var refusedDelete = await admin.PostAsync("/admin/types/ReadingNote/delete");
        Assert.Contains("only a type without items", (await SiteFactory.ParseAsync(refusedDelete)).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        form = await admin.PageAsync("/admin/types/new");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(form, "form.editor", Form(("DisplayName", "Scratch"), ("Name", "Scratch")))).StatusCode);
        Assert.Equal("/admin/types", AdminSession.Target(await admin.PostAsync("/admin/types/Scratch/delete")));

        // Audited, every change with who made it.
        var audited = await site.InScopeAsync(s => s.GetRequiredService<SysRiftDbContext>().AuditEntries
            .Where(a => a.Category == AuditTrail.Categories.ContentTypes).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
        Assert.Equal(["CreateType", "AddPart", "AddField", "AddField", "UpdateField", "UpdateField", "MovePart", "MoveField", "UpdateType", "RemoveField", "CreateType", "DeleteType"], audited);

        // Exported as a ContentDefinition step that imports into a fresh site, with the item.
        var recipe = await site.InScopeAsync(s => s.GetRequiredService<RecipeExporter>().ExportAsync());
        await using var freshDatabase = await TestDatabase.CreateAsync(provider);
        await using var fresh = new SiteFactory(freshDatabase, recipe: "blank", extraModules: [new ProbeModuleStartup()]);
        var report = await fresh.InScopeAsync(s => s.GetRequiredService<RecipeExecutor>().ImportAsync(recipe.ToJsonString(), new RecipeOptions()));
        Assert.True(report.Applied, report.Describe());
        var definition = await fresh.InScopeAsync(async s => (await s.GetRequiredService<ContentDefinitionService>().GetAsync()).Part("ReadingNote")!);
        Assert.Equal(["Rating"], definition.OrderedFields().Select(f => f.Name));
        Assert.Equal(3, SettingsReader.Number(definition.Field("Rating")!.Settings, "VerdictFieldSettings", "MaxStars"));
        Assert.Contains("Read it three times", await fresh.Browser().GetStringAsync("/notes/ddia"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Making_a_type_with_several_items_a_singleton_is_refused_next_to_the_setting()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var site = new SiteFactory(database, recipe: "sysrift");
        var admin = await AdminSession.SignInAsync(site);
        var edit = await admin.PageAsync("/admin/types/Principle");
        var refused = await admin.SubmitAsync(edit, "form.editor", Form(("Singleton", "true")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("several", (await SiteFactory.ParseAsync(refused)).QuerySelector("fieldset.field--invalid .field-error")!.TextContent, StringComparison.Ordinal);
        var stored = await site.InScopeAsync(async s => (await s.GetRequiredService<ContentDefinitionService>().GetAsync()).Type("Principle")!.IsSingleton);
        Assert.False(stored);
    }

    [Theory, PostgresData]
    public async Task A_field_added_on_one_node_is_in_the_editor_of_the_other_within_a_second(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var first = new SiteFactory(database, recipe: "blank");
        var firstAdmin = await AdminSession.SignInAsync(first);
        var secondData = Directory.CreateTempSubdirectory("sysrift-node2-").FullName;
        await using var second = new SiteFactory(database, recipe: null, settings: new Dictionary<string, string?> { ["SysRift:DataPath"] = secondData });
        var secondAdmin = await AdminSession.SignInAsync(second);
        Assert.Null((await secondAdmin.PageAsync("/admin/content/Principle/new")).QuerySelector("[name='Principle.Source']"));
        await Task.Delay(300); // the listener is connected once the node has served

        var edit = await firstAdmin.PageAsync("/admin/types/Principle");
        Assert.Equal(HttpStatusCode.Redirect, (await firstAdmin.SubmitAsync(edit, "form.add-field", Form(("FieldType", "LinkField"), ("FieldDisplayName", "Source"), ("FieldName", "Source")))).StatusCode);

        var clock = Stopwatch.StartNew();
        while ((await secondAdmin.PageAsync("/admin/content/Principle/new")).QuerySelector("[name='Principle.Source']") is null)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), "node two still edits the old shape after 1 s");
            await Task.Delay(20);
        }
    }
}
