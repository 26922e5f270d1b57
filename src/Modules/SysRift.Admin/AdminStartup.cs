using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using SysRift.Admin.Editors;
using SysRift.Admin.Security;
using SysRift.Admin.Services;
using SysRift.Core.Modularity;

namespace SysRift.Admin;

public sealed class AdminStartup : IModuleStartup
{
    public ModuleManifest Manifest { get; } = new("SysRift.Admin",
        "Sign-in, users and roles, content editing and lifecycle, settings, audit trail, media, recipe import and export, and the system page.",
        "SysRift.Core", "SysRift.Contents", "SysRift.Recipes");

    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        var errors = new RecentErrors();
        services.AddSingleton(errors);
        services.AddLogging(logging => logging.AddProvider(errors));
        services.AddScoped<SystemStatus>();
        services.AddScoped<UserPermissions>();
        services.AddScoped<ContentTypes.ContentTypeEditor>();
        services.AddSingleton<IAuthorizationPolicyProvider, PermissionPolicies>();
        services.AddScoped<IAuthorizationHandler, PermissionHandler>();
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/login";
            options.LogoutPath = "/logout";
            options.AccessDeniedPath = "/admin/denied";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = SysRift.Core.Security.UserSessions.IdleLimit;
            SessionCookie.Configure(options);
        });
        services.AddScoped<SiteSignInManager>();
        services.AddScoped<Microsoft.AspNetCore.Identity.SignInManager<Microsoft.AspNetCore.Identity.IdentityUser>>(provider => provider.GetRequiredService<SiteSignInManager>());
        // Every request of a signed-in user checks the security stamp: a password change, a role change or
        // a deleted account takes effect on the very next request of every other session. The principal is
        // rebuilt only when the user changed (SiteSecurityStampValidator).
        services.Replace(ServiceDescriptor.Scoped<Microsoft.AspNetCore.Identity.ISecurityStampValidator, SiteSecurityStampValidator>());
        services.Configure<Microsoft.AspNetCore.Identity.SecurityStampValidatorOptions>(options =>
        {
            options.ValidationInterval = TimeSpan.Zero;
            options.OnRefreshingPrincipal = context =>
            {
                SessionCookie.CarryOver(context);
                return Task.CompletedTask;
            };
        });
    }

    public void ConfigurePipeline(IApplicationBuilder app) => app.UseMiddleware<UploadLimits>();
}
