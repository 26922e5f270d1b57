using System.Collections.Concurrent;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewEngines;

namespace SysRift.Contents.Display;

/// <summary>
/// Picks the view for an item by Orchard's alternates, most specific first:
/// Content-{Type}.{DisplayType}, Content-{Type} (for Detail), Content.{DisplayType}, Content.
/// Views live in the active theme under Views/ and are found by name; the choice is remembered.
/// </summary>
public sealed class ContentViewSelector(ICompositeViewEngine viewEngine)
{
    private readonly ConcurrentDictionary<(string Type, string DisplayType), string> _chosen = new();

    public static IReadOnlyList<string> Alternates(string contentType, string displayType)
    {
        var names = new List<string> { $"Content-{contentType}.{displayType}" };
        if (displayType == "Detail") names.Add($"Content-{contentType}");
        names.Add($"Content.{displayType}");
        names.Add("Content");
        return names;
    }

    public string Select(ActionContext context, string contentType, string displayType) =>
        _chosen.GetOrAdd((contentType, displayType), key =>
            Alternates(key.Type, key.DisplayType).FirstOrDefault(name => viewEngine.FindView(context, name, isMainPage: true).Success)
            ?? throw new InvalidOperationException($"The theme has no view for {key.Type} ({key.DisplayType}); tried {string.Join(", ", Alternates(key.Type, key.DisplayType))}."));
}
