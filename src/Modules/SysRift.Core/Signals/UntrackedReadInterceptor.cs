using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SysRift.Core.Signals;

/// <summary>Sees every query: one made during a cached render by code that did not say what it read makes that page depend on anything.</summary>
public sealed class UntrackedReadInterceptor : DbCommandInterceptor
{
    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        ReadDependencies.UntrackedReadCandidate();
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        ReadDependencies.UntrackedReadCandidate();
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        ReadDependencies.UntrackedReadCandidate();
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        ReadDependencies.UntrackedReadCandidate();
        return ValueTask.FromResult(result);
    }
}
