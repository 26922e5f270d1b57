using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SysRift.Core.Modularity;
using SysRift.Recipes.Execution;
using SysRift.Recipes.Export;
using SysRift.Recipes.Steps;

namespace SysRift.Recipes;

public sealed class RecipesStartup : IModuleStartup
{
    public ModuleManifest Manifest { get; } = new("SysRift.Recipes",
        "Orchard Core recipes: validate as a whole, apply in one transaction, export the site.", "SysRift.Core", "SysRift.Contents");

    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<RecipeCatalog>();
        services.AddScoped<RecipeExecutor>();
        services.AddScoped<SiteRecipeParameters>();
        services.AddScoped<RecipeExporter>();
        services.AddScoped<ContentImporter>();
        services.AddScoped<IRecipeStep, ContentDefinitionStep>();
        services.AddScoped<IRecipeStep, ContentStep>();
        services.AddScoped<IRecipeStep, SettingsStep>();
        services.AddScoped<IRecipeStep, CustomSettingsStep>();
        services.AddScoped<IRecipeStep, MediaStep>();
        services.AddScoped<IRecipeStep, RolesStep>();
        services.AddScoped<IRecipeStep, FeatureStep>();
        services.AddScoped<IRecipeStep, ThemesStep>();
    }
}
