using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SysRift.Operations;

/// <summary>
/// Gives every request one id (a caller's well-formed X-Request-Id, or the server's), returns it in the
/// response, puts it in the logging scope of everything the request logs and on the request's trace.
/// Request counts and latency come from ASP.NET Core's own meters, through OpenTelemetry.
/// </summary>
public sealed partial class RequestTelemetryMiddleware(RequestDelegate next, ILogger<RequestTelemetryMiddleware> logger)
{
    public const string Header = "X-Request-Id";

    public async Task InvokeAsync(HttpContext context)
    {
        var incoming = context.Request.Headers[Header].ToString();
        if (incoming.Length is > 0 and <= 64 && SafeId().IsMatch(incoming)) context.TraceIdentifier = incoming;
        context.Response.Headers[Header] = context.TraceIdentifier;
        Activity.Current?.SetTag("sysrift.request_id", context.TraceIdentifier);

        using (logger.BeginScope(new Dictionary<string, object> { ["RequestId"] = context.TraceIdentifier }))
        {
            await next(context);
        }
    }

    [GeneratedRegex("^[A-Za-z0-9._:-]+$")]
    private static partial Regex SafeId();
}
