using SysRift.Core.Data;
using SysRift.Core.Site;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace SysRift.Operations;

/// <summary>/health/live (the process answers) and /health/ready (database reachable, schema current, set up).</summary>
public static class HealthEndpoints
{
    public static void MapSysRiftHealth(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/health/live", () => Results.Text("live\n"));
        endpoints.MapGet("/health/ready", async (SiteShell shell, CancellationToken cancellationToken) =>
        {
            var checks = new Dictionary<string, string>();
            var ready = shell.IsRunning;
            checks["setup"] = shell.IsRunning ? "done" : "not set up";
            try
            {
                var version = await SchemaMigrator.CurrentVersionAsync(shell.Database, cancellationToken);
                var latest = SchemaMigrator.LatestVersion(shell.Database.Provider);
                checks["database"] = "reachable";
                checks["schema"] = version == latest ? $"current (v{version})" : $"v{version} of v{latest}";
                ready &= version == latest;
            }
            catch (Exception exception) when (exception is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
            {
                checks["database"] = "unreachable";
                ready = false;
            }

            return Results.Json(new { status = ready ? "ready" : "not ready", checks }, statusCode: ready ? 200 : 503);
        });
    }
}
