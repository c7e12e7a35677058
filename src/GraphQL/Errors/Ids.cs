using GraphQL;
using Kezek.Core.Results;

namespace Kezek.GraphQL.Errors;

/// <summary>
/// The ids Kezek makes are GUIDs, or numbers for the rows it counts (outbox messages); an ID argument that is not one is bad
/// input (INVALID_INPUT naming it), never an internal error.
/// </summary>
internal static class Ids
{
    public static long NumberArgument(this IResolveFieldContext context, string argument) =>
        long.TryParse(context.GetArgument<string>(argument), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture,
            out var id)
            ? id
            : throw KezekError.For(context, Error.Of(ErrorCodes.InvalidInput, ("field", argument)));

    /// <summary>The number of an optional ID argument; null when it is not given.</summary>
    public static long? OptionalNumberArgument(this IResolveFieldContext context, string argument) =>
        context.GetArgument<string?>(argument) is null ? null : context.NumberArgument(argument);

    public static Guid GuidArgument(this IResolveFieldContext context, string argument) =>
        Guid.TryParse(context.GetArgument<string>(argument), out var id)
            ? id
            : throw KezekError.For(context, Error.Of(ErrorCodes.InvalidInput, ("field", argument)));
}
