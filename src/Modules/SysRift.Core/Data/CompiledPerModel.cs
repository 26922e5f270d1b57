using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace SysRift.Core.Data;

/// <summary>
/// A query compiled once per EF Core model (<c>EF.CompileAsyncQuery</c>).
/// EF Core binds a compiled query to the first model it runs against and refuses any other; SQLite and
/// PostgreSQL have a model each, and one process can hold both (the tests do; so does a node whose setup tries
/// a database). Compiled queries are for what every request asks: they skip EF Core's per-call translation work.
/// </summary>
public sealed class CompiledPerModel<TQuery>(Func<TQuery> compile) where TQuery : class
{
    private readonly ConditionalWeakTable<IModel, TQuery> _byModel = new();

    public TQuery For(DbContext db) => _byModel.GetValue(db.Model, _ => compile());
}
