using Microsoft.AspNetCore.Http.Metadata;

namespace SysRift.Core.Diagnostics;

/// <summary>
/// Names an endpoint's route for ASP.NET Core's request metrics (the http_route label) where the framework
/// gives none: the content fallback ("{**path}") and pages served from the cache before routing runs.
/// </summary>
/// <remarks>An attribute, because a fallback to a controller ends on the action's own endpoint: the label goes on the action.</remarks>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class RouteLabel(string route) : Attribute, IRouteDiagnosticsMetadata
{
    public string Route { get; } = route;
}
