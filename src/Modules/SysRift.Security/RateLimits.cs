using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Builder;

namespace SysRift.Security;

/// <summary>
/// Per-client limits where one client could cost everyone: password guessing at /login (on top of the
/// account lockout) and full-text queries at /search. Over the limit: 429 with Retry-After.
/// </summary>
public static class RateLimits
{
    public const int SignInPerMinute = 10;
    public const int SearchPerMinute = 60;

    public static void Add(IServiceCollection services) => services.AddRateLimiter(options =>
    {
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.OnRejected = async (context, cancellationToken) =>
        {
            context.HttpContext.Response.Headers.RetryAfter = "60";
            context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
            await context.HttpContext.Response.WriteAsync("Too many requests from this address; try again in a minute.", cancellationToken);
        };
        options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
        {
            var request = context.Request;
            var client = context.Connection.RemoteIpAddress?.ToString() ?? "local";
            if (HttpMethods.IsPost(request.Method) && request.Path.StartsWithSegments("/login", StringComparison.OrdinalIgnoreCase))
                return RateLimitPartition.GetFixedWindowLimiter("login:" + client, _ => Window(SignInPerMinute));
            if (request.Path.StartsWithSegments("/search", StringComparison.OrdinalIgnoreCase))
                return RateLimitPartition.GetFixedWindowLimiter("search:" + client, _ => Window(SearchPerMinute));
            return RateLimitPartition.GetNoLimiter("none");
        });
    });

    private static FixedWindowRateLimiterOptions Window(int permits) => new() { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 };
}
