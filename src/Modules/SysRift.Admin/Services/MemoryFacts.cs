using System.Diagnostics;
using System.Runtime;

namespace SysRift.Admin.Services;

/// <summary>
/// Where the node's memory is, for the system page: the working set is mostly code (the precompiled image and
/// methods compiled again as they get hot); the managed heap is the part that grows with load, and its garbage
/// between collections is bounded by the youngest generation's budget (System.GC.Gen0MaxBudget in the published
/// runtimeconfig.json; DOTNET_GCGen0MaxBudget overrides it).
/// </summary>
public sealed record MemoryFacts(long WorkingSetBytes, long HeapBytes, long CommittedBytes, string Collector, long? Gen0BudgetBytes)
{
    public static MemoryFacts Read(Process process)
    {
        var gc = GC.GetGCMemoryInfo();
        var budget = GC.GetConfigurationVariables().TryGetValue("GCGen0MaxBudget", out var value) && value is long bytes && bytes > 0 ? bytes : (long?)null;
        return new MemoryFacts(process.WorkingSet64, gc.HeapSizeBytes, gc.TotalCommittedBytes,
            GCSettings.IsServerGC ? "server" : "workstation", budget);
    }
}
