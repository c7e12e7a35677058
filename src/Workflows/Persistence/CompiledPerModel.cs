using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Kezek.Workflows.Persistence;

/// <summary>
/// A compiled query (<see cref="EF.CompileAsyncQuery{TContext,TResult}(System.Linq.Expressions.Expression{Func{TContext,IQueryable{TResult}}})"/>)
/// for each model it meets: EF refuses to run a compiled query against another model than the one it was first compiled for,
/// and one process may hold several (SQLite and PostgreSQL side by side in the tests). A server has one model, so this is
/// one lookup per call; the hot reads of a signed request use it instead of building their expression trees per call.
/// </summary>
public sealed class CompiledPerModel<TQuery>(Func<TQuery> compile) where TQuery : class
{
    private readonly ConditionalWeakTable<IModel, TQuery> _byModel = new();

    /// <summary>The query compiled for this context's model.</summary>
    public TQuery For(DbContext context) => _byModel.GetValue(context.Model, _ => compile());
}
