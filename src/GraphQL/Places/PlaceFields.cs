using GraphQL;
using GraphQL.MicrosoftDI;
using GraphQL.Types;
using Kezek.Core.Identity;
using Kezek.Core.Results;
using Kezek.GraphQL.Access;
using Kezek.GraphQL.Errors;
using Kezek.Workflows.Places;

namespace Kezek.GraphQL.Places;

internal static class PlaceFields
{
    public static void AddQueries(ObjectGraphType query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<FreePlaceGraphType>>>>("freePlaces")
            .Description("Free seats that can be chosen now: kindergartens, languages and counts (public).")
            .Argument<NonNullGraphType<StringGraphType>>("region")
            .Argument<IntGraphType>("groupYear")
            .Access(AccessRequirement.Public)
            .Resolve().WithService<FreePlaces>()
            .ResolveAsync(async (c, freePlaces) => (await freePlaces.ListAsync(c.GetArgument<string>("region"), c.GetArgument<int?>("groupYear"),
                c.CancellationToken)).OrThrow(c));

    public static void AddMutations(ObjectGraphType mutation) =>
        mutation.Field<NonNullGraphType<PublishPlacesPayloadGraphType>>("publishPlaces")
            .Description("Публикация мест: kindergarten staff for their kindergarten, operators for their region. QUEUE notifies the next applications in order.")
            .Argument<NonNullGraphType<PublishPlacesInputGraphType>>("input")
            .Access(AccessRequirement.Roles(Role.KindergartenStaff, Role.Operator, Role.Administrator))
            .Resolve().WithService<PublishPlacesHandler>()
            .ResolveAsync(async (c, handler) =>
            {
                var input = c.GetArgument<PublishPlacesInput>("input");
                if (!Guid.TryParse(input.KindergartenId, out var kindergartenId))
                    throw KezekError.For(c, Error.Of(ErrorCodes.InvalidInput, ("field", "kindergartenId")));
                var published = (await handler.HandleAsync(
                    new PublishPlaces(kindergartenId, input.GroupYear, input.Language, input.Count, input.Mode, c.RequireViewer()),
                    c.CancellationToken)).OrThrow(c);
                return new PublishPlacesResult(published, published.FreePlaces);
            });
}
