using SysRift.Core.Data;

namespace SysRift.Web.Composition;

/// <summary>
/// Builds EF Core's model (about 350 ms, the largest single cost of a start) on another core while the main
/// thread goes on with schema checks, the pipeline and the hosted services; the first query then finds it
/// built, or waits only for the rest. The model depends on the provider only, never on the database's
/// contents, so building it early reads nothing and changes nothing.
/// </summary>
public static class ModelWarmup
{
    public static void Begin(IServiceProvider services) => _ = Task.Run(() =>
    {
        try
        {
            using var scope = services.CreateScope();
            _ = scope.ServiceProvider.GetRequiredService<SysRiftDbContext>().Model;
        }
        catch (Exception exception) when (exception is InvalidOperationException or ArgumentException)
        {
            // A configuration problem: the start itself reports it, with its reasons.
        }
    });
}
