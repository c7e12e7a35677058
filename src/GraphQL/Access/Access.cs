using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using Kezek.Core.Identity;
using Kezek.GraphQL.Errors;
using Kezek.GraphQL.Http;
using Kezek.Core.Results;
using Kezek.Workflows.Access;

namespace Kezek.GraphQL.Access;

/// <summary>Who may select a root field: anyone, any signed-in person, or holders of one of some roles.</summary>
public sealed record AccessRequirement(bool SignedIn, IReadOnlyList<Role> AnyRole)
{
    public const string MetadataKey = "kezek:access";

    public static readonly AccessRequirement Public = new(false, []);
    public static readonly AccessRequirement SignedInPerson = new(true, []);

    public static AccessRequirement Roles(params Role[] roles) => new(true, roles);

    /// <summary>Null when the viewer may select the field, else the error code.</summary>
    public string? Refusal(Viewer? viewer)
    {
        if (!SignedIn)
            return null;
        if (viewer is null)
            return ErrorCodes.Unauthenticated;
        return AnyRole.Count == 0 || AccessPolicy.HoldsAny(viewer, AnyRole) ? null : ErrorCodes.Forbidden;
    }
}

public static class AccessExtensions
{
    /// <summary>Declares who may select this field. Every root field declares it; the access rule fails closed otherwise.</summary>
    public static FieldBuilder<TSource, TReturn> Access<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field,
        AccessRequirement requirement)
    {
        field.FieldType.Metadata[AccessRequirement.MetadataKey] = requirement;
        return field;
    }

    public static AccessRequirement? AccessOf(this FieldType field) =>
        field.Metadata.TryGetValue(AccessRequirement.MetadataKey, out var value) ? value as AccessRequirement : null;

    /// <summary>The signed-in person; a resolver that needs one throws UNAUTHENTICATED without one.</summary>
    public static Viewer RequireViewer(this IResolveFieldContext context) =>
        (context.UserContext as KezekContext)?.Viewer ?? throw KezekError.For(context, ErrorCodes.Unauthenticated);

    public static Viewer? Viewer(this IResolveFieldContext context) => (context.UserContext as KezekContext)?.Viewer;

    public static KezekContext Kezek(this IResolveFieldContext context) =>
        context.UserContext as KezekContext ?? throw new InvalidOperationException("No Kezek context.");
}
