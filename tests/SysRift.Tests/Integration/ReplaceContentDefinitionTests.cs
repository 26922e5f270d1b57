using SysRift.Contents.Definitions;
using SysRift.Core.Data;
using SysRift.Recipes.Execution;

namespace SysRift.Tests.Integration;

/// <summary>Orchard's ReplaceContentDefinition step: a named type or part becomes exactly what the step gives.</summary>
public sealed class ReplaceContentDefinitionTests
{
    private static string Step(string name) => $$"""
        { "name": "replace", "steps": [ { "name": "{{name}}",
          "ContentTypes": [ { "Name": "ShelfItem", "DisplayName": "Shelf entry", "Settings": {}, "ContentTypePartDefinitionRecords": [
            { "PartName": "TitlePart", "Name": "TitlePart" }, { "PartName": "ShelfItem", "Name": "ShelfItem" } ] } ],
          "ContentParts": [ { "Name": "ShelfItem", "ContentPartFieldDefinitionRecords": [
            { "FieldName": "TextField", "Name": "Note", "Settings": { "ContentPartFieldSettings": { "DisplayName": "Note" } } } ] } ] } ] }
        """;

    [Theory]
    [InlineData("ContentDefinition", false)]
    [InlineData("ReplaceContentDefinition", true)]
    public async Task Replace_drops_what_it_does_not_name_where_merge_keeps_it(string step, bool replaces)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var site = new SiteFactory(database, recipe: "blank");
        var before = await site.InScopeAsync(async s => ContentDefinitionService.Clone(await s.GetRequiredService<ContentDefinitionService>().GetAsync()));
        Assert.True(before.Type("ShelfItem")!.ContentTypePartDefinitionRecords.Count > 2 || before.Part("ShelfItem")!.ContentPartFieldDefinitionRecords.Count > 1);

        var report = await site.InScopeAsync(s => s.GetRequiredService<RecipeExecutor>().ImportAsync(Step(step), new RecipeOptions()));
        Assert.True(report.Applied, report.Describe());

        var after = await site.InScopeAsync(async s => await s.GetRequiredService<ContentDefinitionService>().GetAsync());
        var fields = after.Part("ShelfItem")!.ContentPartFieldDefinitionRecords.Select(f => f.Name).ToList();
        Assert.Equal("Shelf entry", after.Type("ShelfItem")!.DisplayName);
        if (replaces)
        {
            Assert.Equal(["Note"], fields);
            Assert.Equal(["TitlePart", "ShelfItem"], after.Type("ShelfItem")!.ContentTypePartDefinitionRecords.Select(p => p.Name));
        }
        else
        {
            Assert.Contains("Note", fields);
            Assert.True(fields.Count > 1);
            Assert.Equal(before.Type("ShelfItem")!.ContentTypePartDefinitionRecords.Count, after.Type("ShelfItem")!.ContentTypePartDefinitionRecords.Count);
        }
    }
}
