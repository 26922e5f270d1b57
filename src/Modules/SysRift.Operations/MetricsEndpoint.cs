using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;

namespace SysRift.Operations;

/// <summary>
/// /metrics: OpenTelemetry's Prometheus exporter. Not for the public: it answers a request from this machine
/// (a scraper beside the site, not a visitor forwarded by the local proxy, whose address the forwarded headers
/// restore), or one that carries "Authorization: Bearer {SysRift:Metrics:Token}" when that is configured.
/// Everyone else gets a 404.
/// </summary>
public static class MetricsEndpoint
{
    public const string TokenKey = "SysRift:Metrics:Token";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var configuration = endpoints.ServiceProvider.GetService(typeof(IConfiguration)) as IConfiguration;
        endpoints.MapPrometheusScrapingEndpoint("/metrics", meterProvider: null, configureBranchedPipeline: branch => branch.Use(async (context, next) =>
        {
            if (MayScrape(context, configuration?[TokenKey])) await next(context);
            else context.Response.StatusCode = StatusCodes.Status404NotFound;
        }), optionsName: null);
    }

    private static bool MayScrape(HttpContext context, string? token)
    {
        if (token is { Length: > 0 } && context.Request.Headers.Authorization.ToString() is { Length: > 7 } header
            && header.StartsWith("Bearer ", StringComparison.Ordinal)
            && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(header[7..].Trim()), System.Text.Encoding.UTF8.GetBytes(token)))
            return true;
        // Fail closed: a request without a remote address (an in-process test server) is not "this machine".
        return context.Connection.RemoteIpAddress is { } remote && System.Net.IPAddress.IsLoopback(remote);
    }
}
