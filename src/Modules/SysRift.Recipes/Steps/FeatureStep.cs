using System.Text.Json;
using System.Text.Json.Nodes;
using SysRift.Core.Documents;
using SysRift.Core.Modularity;
using SysRift.Recipes.Reading;

namespace SysRift.Recipes.Steps;

/// <summary>
/// "Feature" ({ "enable": [...], "disable": [...] }) and "Themes" ({ "site": ..., "admin": ... }).
/// SysRift's modules are always on, so enabling one it has is accepted as already done; any other
/// feature or theme, and disabling, is reported as unsupported by name.
/// </summary>
public sealed class FeatureStep(ModuleCatalog modules, DocumentStore documents) : IRecipeStep
{
    // Orchard Core features whose capability SysRift provides built in.
    private static readonly HashSet<string> OrchardEquivalents = new(StringComparer.OrdinalIgnoreCase)
    {
        "OrchardCore.Contents", "OrchardCore.ContentTypes", "OrchardCore.ContentFields", "OrchardCore.Title",
        "OrchardCore.Autoroute", "OrchardCore.Markdown", "OrchardCore.Settings", "OrchardCore.Recipes",
        "OrchardCore.Roles", "OrchardCore.Users", "OrchardCore.HomeRoute", "OrchardCore.Setup",
        "OrchardCore.Html", "OrchardCore.Flows", "OrchardCore.Lists", "OrchardCore.Alias", "OrchardCore.Seo",
    };

    public IReadOnlyList<string> Names { get; } = ["Feature"];

    public Task ValidateAsync(StepContext context, CancellationToken cancellationToken)
    {
        foreach (var key in new[] { "enable", "disable" })
        {
            var list = StepJson.OptionalArray(context, context.Step, context.Path, key);
            var listPath = JsonPath.Property(context.Path, key);
            for (var i = 0; list is not null && i < list.Count; i++)
            {
                var path = JsonPath.Index(listPath, i);
                if (list[i] is not JsonValue v || v.GetValueKind() != JsonValueKind.String)
                {
                    context.Error(path, "A feature name must be text.");
                    continue;
                }

                var name = v.GetValue<string>();
                if (key == "enable" && OrchardFeatureTypes.IsFeature(name))
                {
                    if (OrchardFeatureTypes.Enable(context.Run, name) is { Count: > 0 } added)
                        context.Warning(path, $"feature \"{name}\" defines {string.Join(", ", added)} in code in Orchard; SysRift defines them the same way.");
                }
                else if (key == "disable")
                    context.Unsupported(path, $"disabling feature \"{name}\" is not supported (SysRift's modules are always on).");
                else if (!Has(name))
                    context.Unsupported(path, $"feature \"{name}\" is not supported.");
            }
        }

        return Task.CompletedTask;
    }

    public async Task<string> ApplyAsync(StepContext context, CancellationToken cancellationToken)
    {
        var added = context.Run.FeatureTypes.Select(t => t.Name).ToList();
        await OrchardFeatureTypes.StoreAsync(documents, context.Run, cancellationToken);
        return added.Count == 0 ? "Feature: nothing to do (SysRift's modules are always on)." : $"Feature: types {string.Join(", ", added)} defined.";
    }

    public bool Has(string name) => OrchardEquivalents.Contains(name) || OrchardFeatureTypes.IsFeature(name) || modules.Has(name);
}

public sealed class ThemesStep(ModuleCatalog modules) : IRecipeStep
{
    public IReadOnlyList<string> Names { get; } = ["Themes"];

    public Task ValidateAsync(StepContext context, CancellationToken cancellationToken)
    {
        foreach (var key in new[] { "site", "admin" })
        {
            var name = StepJson.OptionalString(context, context.Step, context.Path, key);
            if (name is not null && !modules.Has(name))
                context.Unsupported(JsonPath.Property(context.Path, key), $"theme \"{name}\" is not supported (SysRift has {string.Join(", ", modules.Modules.Select(m => m.Manifest.Name).Where(n => n.Contains("Theme", StringComparison.Ordinal)))}).");
        }

        return Task.CompletedTask;
    }

    public Task<string> ApplyAsync(StepContext context, CancellationToken cancellationToken) =>
        Task.FromResult("Themes: the SysRift theme is active.");
}
