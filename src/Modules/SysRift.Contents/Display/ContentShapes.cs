using System.Collections.Concurrent;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewEngines;

namespace SysRift.Contents.Display;

/// <summary>
/// Finds the view for a part or a field by Orchard-style alternates, most specific first, so a theme can
/// override one field of one part, a field type, a part on one type or a part anywhere, by naming a view.
/// The block's own view (in its folder) comes last. Which view won is remembered per alternate list.
/// See docs/display-alternates.md.
/// </summary>
public sealed class ContentShapes(ICompositeViewEngine viewEngine)
{
    private readonly ConcurrentDictionary<(string Controller, string Key), string?> _chosen = new();

    /// <summary>{Part}-{Type}.{DisplayType}, {Part}-{Type} (Detail), {Part}.{DisplayType}, {Part} (Detail).</summary>
    public static IReadOnlyList<string> PartAlternates(string partName, string contentType, string displayType) =>
        Named([$"{partName}-{contentType}", partName], displayType);

    /// <summary>{FieldType}-{Part}-{Field}.{DisplayType}, {FieldType}-{Part}-{Field} (Detail), {FieldType}.{DisplayType}, {FieldType} (Detail).</summary>
    public static IReadOnlyList<string> FieldAlternates(string fieldType, string partName, string fieldName, string displayType) =>
        Named([$"{fieldType}-{partName}-{fieldName}", fieldType], displayType);

    /// <summary>The first alternate a view exists for, else the first of the block's own views that exists; null when none does.</summary>
    public string? Resolve(ActionContext context, IReadOnlyList<string> alternates, IReadOnlyList<string> ownViews)
    {
        var controller = context.RouteData.Values["controller"] as string ?? "";
        // The first alternate and the first own view name the whole list (both follow from block, names and display type).
        return _chosen.GetOrAdd((controller, alternates[0] + "|" + ownViews.FirstOrDefault()), _ =>
            alternates.Select(name => viewEngine.FindView(context, name, isMainPage: false)).FirstOrDefault(r => r.Success)?.View?.Path
            ?? ownViews.FirstOrDefault(path => viewEngine.GetView(null, path, isMainPage: false).Success));
    }

    private static List<string> Named(IEnumerable<string> bases, string displayType)
    {
        var names = new List<string>();
        foreach (var name in bases)
        {
            names.Add($"{name}.{displayType}");
            if (displayType == "Detail") names.Add(name);
        }

        return names;
    }
}
