using SysRift.Admin;
using SysRift.Contents;
using SysRift.Core;
using SysRift.Core.Modularity;
using SysRift.Operations;
using SysRift.Recipes;
using SysRift.Search;
using SysRift.Security;
using SysRift.Setup;
using SysRift.Syndication;
using SysRift.Theme;

namespace SysRift.Web.Composition;

/// <summary>The modules and theme this site is made of. Removing a module: delete its folder and its line.</summary>
public static class SiteModules
{
    public static IReadOnlyList<IModuleStartup> All() =>
    [
        new CoreStartup(),
        new OperationsStartup(),
        new SecurityStartup(),
        new ContentsStartup(),
        new RecipesStartup(),
        new SearchStartup(),
        new SetupStartup(),
        new AdminStartup(),
        new SyndicationStartup(),
        new ThemeStartup(),
    ];
}
