using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SysRift.Contents.Blocks;
using SysRift.Contents.Definitions;
using SysRift.Contents.Display;
using SysRift.Contents.Editing;
using SysRift.Contents.Fields;
using SysRift.Contents.Indexing;
using SysRift.Contents.Items;
using SysRift.Contents.Lifecycle;
using SysRift.Contents.Markdown;
using SysRift.Contents.Media;
using SysRift.Contents.Parts;
using SysRift.Contents.Publishing;
using SysRift.Contents.Validation;
using SysRift.Core.Modularity;

namespace SysRift.Contents;

public sealed class ContentsStartup : IModuleStartup
{
    public ModuleManifest Manifest { get; } = new("SysRift.Contents",
        "Content types of parts and fields, items with a lifecycle, validation, publishing and display.", "SysRift.Core");

    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddContentPart<TitlePart>().AddContentPart<AutoroutePart>().AddContentPart<MarkdownBodyPart>().AddContentPart<HtmlBodyPart>()
            .AddContentPart<FlowPart>().AddContentPart<BagPart>().AddContentPart<ListPart>().AddContentPart<ContainedPart>()
            .AddContentPart<AliasPart>().AddContentPart<SeoMetaPart>()
            .AddContentPart<MenuPart>().AddContentPart<MenuItemsListPart>().AddContentPart<LinkMenuItemPart>().AddContentPart<HtmlMenuItemPart>()
            .AddContentPart<TaxonomyPart>();
        services.AddContentField<TextField>().AddContentField<MarkdownField>().AddContentField<NumericField>().AddContentField<BooleanField>()
            .AddContentField<DateField>().AddContentField<DateTimeField>().AddContentField<TimeField>().AddContentField<LinkField>()
            .AddContentField<MultiTextField>().AddContentField<ContentPickerField>().AddContentField<HtmlField>().AddContentField<MediaField>()
            .AddContentField<TaxonomyField>();
        services.AddSingleton<Html.HtmlRenderer>();
        services.AddSingleton<ContentBuildingBlocks>();
        services.AddScoped<ScopedDefinitions>();
        services.AddScoped<ContentIndexReader>();
        services.AddScoped<ContentEditorBuilder>();
        services.AddSingleton<ContentShapes>();
        services.AddSingleton<ContentValidator>();
        services.AddSingleton<ContentDefinitionService>();
        services.AddSingleton<PublishedContent>();
        services.AddSingleton<PageCompressor>();
        services.Configure<PageCacheOptions>(options => options.Enabled = configuration.GetValue("SysRift:PageCache:Enabled", true));
        services.AddSingleton<TermPages>();
        services.AddSingleton<SiteMenu>();
        services.AddScoped<MediaStore>();
        services.AddScoped<MediaUsage>();
        services.AddSingleton<ResponsiveImages>();
        services.AddSingleton<MarkdownRenderer>();
        services.AddSingleton<ContentViewSelector>();
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<ContentWriter>();
        services.AddScoped<ContentManager>();
        services.AddSingleton<ScheduledPublisher>();
        services.AddHostedService(provider => provider.GetRequiredService<ScheduledPublisher>());
        services.AddScoped<IPublishedContentIndexer, ContentTermIndexer>();

        // Themes keep their views flat under Views/, named by alternates (Content-Article.cshtml).
        services.Configure<RazorViewEngineOptions>(options => options.ViewLocationFormats.Add("/Views/{0}.cshtml"));
    }

    public void ConfigurePipeline(IApplicationBuilder app) => app.UseMiddleware<PublicPageCache>();

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        MediaEndpoint.Map(endpoints);
        // Lowest priority: every other module's routes win; whatever is left may be a content path.
        // "{**path}", not the default "{*path:nonfile}": a content path may hold a dot ("articles/v1.2").
        endpoints.MapFallbackToController("{**path}", "Display", "ContentItem");
    }
}
