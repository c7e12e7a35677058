using GraphQL;
using Kezek.Core.Results;

namespace Kezek.GraphQL.Errors;

/// <summary>The ids Kezek makes are GUIDs; an ID argument that is not one is bad input (INVALID_INPUT naming it), never an internal error.</summary>
internal static class Ids
{
    public static Guid GuidArgument(this IResolveFieldContext context, string argument) =>
        Guid.TryParse(context.GetArgument<string>(argument), out var id)
            ? id
            : throw KezekError.For(context, Error.Of(ErrorCodes.InvalidInput, ("field", argument)));
}
