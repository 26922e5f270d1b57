using Microsoft.AspNetCore.HttpOverrides;
using SysRift.Core.Modularity;
using SysRift.Setup.Services;

namespace SysRift.Web.Composition;

/// <summary>The composition root, one concern per method, so Program.cs reads like a table of contents.</summary>
public static class SysRiftHostingExtensions
{
    public static WebApplicationBuilder AddSysRift(this WebApplicationBuilder builder, IReadOnlyList<IModuleStartup> modules)
    {
        var catalog = new ModuleCatalog(modules);
        builder.Services.AddSingleton(catalog);
        foreach (var module in catalog.Modules) module.ConfigureServices(builder.Services, builder.Configuration);

        var mvc = builder.Services.AddControllersWithViews();
        foreach (var module in catalog.Modules) mvc.AddApplicationPart(module.GetType().Assembly);

        // Compresses what the page cache does not (static assets, uncached responses).
        builder.Services.AddResponseCompression(options => options.EnableForHttps = true);
        return builder;
    }

    /// <summary>Upgrades the schema, joins or sets up the site before the first request is served.</summary>
    public static Task InitializeSysRiftAsync(this WebApplication app) =>
        app.Services.GetRequiredService<SiteInitializer>().InitializeAsync(app.Lifetime.ApplicationStopping);

    public static WebApplication UseSysRift(this WebApplication app)
    {
        var catalog = app.Services.GetRequiredService<ModuleCatalog>();

        // Behind nginx (docs/nginx.conf): the client's address and scheme come from X-Forwarded-For/-Proto,
        // trusted only from loopback and from SysRift:TrustedProxies. Rate limits then see each client, and
        // sign-in cookies are marked Secure when the visitor used https.
        var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        foreach (var proxy in (app.Configuration["SysRift:TrustedProxies"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            if (System.Net.IPAddress.TryParse(proxy, out var address)) forwarded.KnownProxies.Add(address);
        app.UseForwardedHeaders(forwarded);

        // Visitors never see a stack trace: errors render the themed error page (details go to the log).
        app.UseExceptionHandler("/error");
        app.UseStatusCodePagesWithReExecute("/error", "?status={0}");
        // Module middleware (telemetry, security headers, the page cache, the setup gate) runs before static
        // files, so theme assets under /_content get the same security headers as pages.
        foreach (var module in catalog.Modules) module.ConfigurePipeline(app);
        // After the page cache: a cached page is sent in the form the cache made, without the cost of
        // compression middleware wrapping the response (a tenth of a cached page's throughput); what the
        // cache does not keep (static assets, the admin, search) is compressed here.
        app.UseResponseCompression();
        app.UseStaticFiles(new StaticFileOptions
        {
            // Theme assets change only with a deploy; a day of caching, revalidated by ETag after that.
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "public, max-age=86400",
        });
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapControllers();
        foreach (var module in catalog.Modules) module.MapEndpoints(app);
        return app;
    }
}
