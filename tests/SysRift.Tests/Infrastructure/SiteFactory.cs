using Microsoft.AspNetCore.TestHost;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SysRift.Core.Data;

namespace SysRift.Tests;

/// <summary>
/// A real SysRift site over real HTTP (WebApplicationFactory) on a <see cref="TestDatabase"/>. With a
/// recipe it sets itself up unattended, as a container would; without one it starts at /setup.
/// </summary>
public sealed class SiteFactory(TestDatabase database, string? recipe = "blank", bool configureDatabase = true, IDictionary<string, string?>? settings = null,
    IReadOnlyList<SysRift.Core.Modularity.IModuleStartup>? extraModules = null)
    : WebApplicationFactory<Program>
{
    public const string AdminUserName = "admin";
    public const string AdminPassword = "correct horse battery staple";

    public TestDatabase Database { get; } = database;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        // Theme assets from the build output, as the published site serves them from wwwroot.
        builder.UseStaticWebAssets();
        builder.UseSetting("SysRift:DataPath", Database.DataPath);
        if (configureDatabase)
        {
            builder.UseSetting("SysRift:Database:Provider", Database.Provider.ToString());
            builder.UseSetting("SysRift:Database:ConnectionString", Database.ConnectionString);
        }

        if (recipe is not null)
        {
            builder.UseSetting("SysRift:Setup:SiteName", "Test Site");
            // As an operator would: the address visitors use (the test server's own), so pages are cached.
            builder.UseSetting("SysRift:Setup:PublicUrl", "http://localhost");
            builder.UseSetting("SysRift:Setup:Recipe", recipe);
            builder.UseSetting("SysRift:Setup:AdminUserName", AdminUserName);
            builder.UseSetting("SysRift:Setup:AdminEmail", "admin@example.com");
            builder.UseSetting("SysRift:Setup:AdminPassword", AdminPassword);
        }

        builder.UseSetting("SysRift:Metrics:Token", MetricsToken);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) builder.UseSetting(key, value);

        // Modules of a test's own (a field type the engine has never seen), composed as the site composes its
        // modules: their services, and their assembly as an MVC part so their views are found.
        if (extraModules is { Count: > 0 })
        {
            builder.ConfigureTestServices(services =>
            {
                var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build();
                var mvc = services.AddControllersWithViews();
                foreach (var module in extraModules)
                {
                    module.ConfigureServices(services, configuration);
                    mvc.AddApplicationPart(module.GetType().Assembly);
                }
            });
        }
    }

    /// <summary>The scrape token every test site is configured with (/metrics answers no one else here).</summary>
    public const string MetricsToken = "test-metrics-token";

    public static async Task<string> MetricsAsync(HttpClient client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", MetricsToken);
        var response = await client.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    public HttpClient Browser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    /// <summary>Changes the latest version of an item and saves it through the content manager, as the editor path does.</summary>
    public Task<SysRift.Contents.Items.ContentResult> EditAsync(string contentItemId, Action<SysRift.Contents.Items.ContentItem> change, bool publish = true) => InScopeAsync(async services =>
    {
        var manager = services.GetRequiredService<SysRift.Contents.Items.ContentManager>();
        var item = (await manager.GetAsync(contentItemId))!;
        change(item);
        return await manager.SaveAsync(item, publish, expectedRevision: null, user: "editor");
    });

    public Task InScopeAsync(Func<IServiceProvider, Task> work) => InScopeAsync(async services =>
    {
        await work(services);
        return true;
    });

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
}

/// <summary>Recipe JSON written by tests into temporary files.</summary>
public static class TestRecipes
{
    public static string Write(string json)
    {
        var path = Path.Combine(Path.GetTempPath(), $"sysrift-recipe-{Guid.NewGuid():N}.recipe.json");
        File.WriteAllText(path, json);
        return path;
    }

    /// <summary>A setup recipe with no steps: a site with no definitions.</summary>
    public static string Empty { get; } = Write("{ \"name\": \"empty\", \"issetuprecipe\": true, \"steps\": [] }");

    public static string Blank => File.ReadAllText(Path.Combine(RepoPaths.Recipes, "blank.recipe.json"));

    public static string Fixture(string name) => File.ReadAllText(Path.Combine(RepoPaths.Fixtures, name + ".recipe.json"));
}
