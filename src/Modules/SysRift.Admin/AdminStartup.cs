using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SysRift.Admin.Services;
using SysRift.Core.Modularity;

namespace SysRift.Admin;

public sealed class AdminStartup : IModuleStartup
{
    public ModuleManifest Manifest { get; } = new("SysRift.Admin", "Sign-in, the admin dashboard and the system page.", "SysRift.Core", "SysRift.Contents");

    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        var errors = new RecentErrors();
        services.AddSingleton(errors);
        services.AddLogging(logging => logging.AddProvider(errors));
        services.AddScoped<SystemStatus>();
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/login";
            options.LogoutPath = "/logout";
            options.AccessDeniedPath = "/login";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
        });
        // A password change moves the security stamp; every other session is checked against it within a minute.
        services.Configure<Microsoft.AspNetCore.Identity.SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));
    }
}
