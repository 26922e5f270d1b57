using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;

namespace SysRift.Browser.Tests;

/// <summary>
/// The site on a real Kestrel port (a browser needs a socket), set up from the shipped sysrift recipe on a
/// fresh SQLite file, plus one headless Debian Chromium driven by Playwright (no browser download).
/// </summary>
public sealed class BrowserSite : IAsyncLifetime
{
    private readonly string _dataPath = Directory.CreateTempSubdirectory("sysrift-browser-").FullName;
    private Factory? _factory;
    private IPlaywright? _playwright;

    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (Tools.Unavailable is { } reason && !Tools.IsCi) return;
        _factory = new Factory(_dataPath);
        _factory.UseKestrel(0);
        _factory.StartServer();
        BaseUrl = _factory.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Tools.Chromium,
            Headless = true,
            // As root in a sandbox, with no network but loopback: no sandbox, no background connections.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (_factory is not null) await _factory.DisposeAsync();
        try { Directory.Delete(_dataPath, recursive: true); } catch (IOException) { }
    }

    private readonly SemaphoreSlim _signIn = new(1, 1);
    private string? _adminState;

    /// <summary>
    /// The cookies of one administrator sign-in, made once through the real form and reused by every admin
    /// test (signing in per test would run into the sign-in rate limit, which is doing its job).
    /// </summary>
    public async Task<string> AdminStateAsync(string user, string password)
    {
        await _signIn.WaitAsync();
        try
        {
            if (_adminState is not null) return _adminState;
            var page = await PageAsync(1280);
            await page.GotoAsync("/login?returnUrl=/admin");
            await page.Locator("#UserName").FillAsync(user);
            await page.Locator("#Password").FillAsync(password);
            await page.Locator("button[type=submit]").ClickAsync();
            await page.WaitForURLAsync("**/admin");
            _adminState = await page.Context.StorageStateAsync();
            await page.Context.CloseAsync();
            return _adminState;
        }
        finally
        {
            _signIn.Release();
        }
    }

    /// <param name="clientAddress">The visitor's address as nginx in front of the site would pass it (X-Forwarded-For, trusted from loopback).</param>
    public async Task<IPage> PageAsync(int width, ColorScheme scheme = ColorScheme.Light, bool javaScript = true, bool bypassCsp = false, string? storageState = null, string? clientAddress = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ExtraHTTPHeaders = clientAddress is null ? null : new Dictionary<string, string> { ["X-Forwarded-For"] = clientAddress },
            StorageState = storageState,
            // Only for injecting axe-core (an inline script by Playwright's design); pages never need it.
            BypassCSP = bypassCsp,
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
            ColorScheme = scheme,
            JavaScriptEnabled = javaScript,
            BaseURL = BaseUrl,
        });
        return await context.NewPageAsync();
    }

    /// <summary>The site's own command line on this site's data folder, in its own process, as an operator runs it.</summary>
    public async Task<(int Exit, string Output)> CommandLineAsync(params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _dataPath };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "SysRift.Web.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["SysRift__DataPath"] = _dataPath;
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }

        return (process.ExitCode, await output + await errors);
    }

    private sealed class Factory(string dataPath) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            // The theme's assets come from its Razor class library: published output copies them to
            // wwwroot; from the build output they are found through the static web assets manifest.
            builder.UseStaticWebAssets();
            builder.UseSetting("SysRift:DataPath", dataPath);
            builder.UseSetting("SysRift:Setup:SiteName", "SysRift");
            builder.UseSetting("SysRift:Setup:Recipe", "sysrift");
            builder.UseSetting("SysRift:Setup:AdminUserName", "admin");
            builder.UseSetting("SysRift:Setup:AdminEmail", "admin@example.com");
            builder.UseSetting("SysRift:Setup:AdminPassword", "browser test passphrase");
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserSite>
{
    public const string Name = "browser";
}
