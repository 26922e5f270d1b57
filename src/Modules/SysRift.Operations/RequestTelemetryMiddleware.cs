using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using SysRift.Core.Diagnostics;

namespace SysRift.Operations;

/// <summary>
/// Gives every request one id (a caller's well-formed X-Request-Id, or the server's), returns it in the
/// response, puts it in the logging scope of everything the request logs, and counts the request by
/// route template and status with its latency.
/// </summary>
public sealed partial class RequestTelemetryMiddleware(RequestDelegate next, SiteMetrics metrics, ILogger<RequestTelemetryMiddleware> logger)
{
    public const string Header = "X-Request-Id";

    public async Task InvokeAsync(HttpContext context)
    {
        var incoming = context.Request.Headers[Header].ToString();
        if (incoming.Length is > 0 and <= 64 && SafeId().IsMatch(incoming)) context.TraceIdentifier = incoming;
        context.Response.Headers[Header] = context.TraceIdentifier;

        var started = Stopwatch.GetTimestamp();
        using (logger.BeginScope(new Dictionary<string, object> { ["RequestId"] = context.TraceIdentifier }))
        {
            try
            {
                await next(context);
            }
            finally
            {
                // A route template, or the action's name (one per action: the label set stays bounded).
                var endpoint = context.GetEndpoint();
                var route = Template(endpoint as RouteEndpoint)
                    ?? endpoint?.DisplayName
                    ?? context.Items[SiteMetrics.RouteItem] as string
                    ?? (context.Response.StatusCode == 404 ? "(not found)" : "(static or other)");
                metrics.ObserveRequest(route.Length == 0 ? "/" : route, context.Response.StatusCode, Stopwatch.GetElapsedTime(started).TotalSeconds);
            }
        }
    }

    // MVC builds some patterns in code (RawText is null then): spell them from their segments.
    private static string? Template(RouteEndpoint? endpoint) => endpoint is null ? null : endpoint.RoutePattern.RawText ?? "/" + string.Join('/',
        endpoint.RoutePattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal => literal.Content,
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart parameter => "{" + (parameter.IsCatchAll ? "*" : "") + parameter.Name + "}",
            _ => "",
        }))));

    [GeneratedRegex("^[A-Za-z0-9._:-]+$")]
    private static partial Regex SafeId();
}
