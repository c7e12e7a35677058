using GraphQL.MicrosoftDI;
using GraphQL.Types;
using GraphQL;
using Kezek.Core.Identity;
using Kezek.Core.Regions;
using Kezek.Core.Results;
using Kezek.Core.Words;
using Kezek.GraphQL.Access;
using Kezek.GraphQL.Errors;
using Kezek.GraphQL.Regions;
using Kezek.Workflows.Places;

namespace Kezek.GraphQL.Places;

internal static class PlaceFields
{
    public static void AddQueries(ObjectGraphType query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<FreePlaceGraphType>>>>("freePlaces")
            .Description("Free seats that can be chosen now: kindergartens, languages and counts (public). State kindergartens unless "
                         + "ownership says otherwise; with near, those within radiusKm, nearest first, with distanceKm.")
            .Argument<NonNullGraphType<StringGraphType>>("region")
            .Argument<IntGraphType>("groupYear")
            .Argument<LanguageGraphType>("language", "Seats taught in this language.")
            .Argument<ListGraphType<NonNullGraphType<OwnershipGraphType>>>("ownership", "Default [STATE]; [STATE, PRIVATE] for both.")
            .Argument<NearInputGraphType>("near", "A point and a radius (great-circle distance).")
            .Access(AccessRequirement.Public)
            .Resolve().WithService<FreePlaces>()
            .ResolveAsync(async (c, freePlaces) =>
            {
                var near = c.GetArgument<NearInput?>("near");
                var filter = new FreePlaceFilter(c.GetArgument<int?>("groupYear"), c.GetArgument<Language?>("language"),
                    c.GetArgument<List<Ownership>?>("ownership"), near is null ? null : new Near(near.Latitude, near.Longitude, near.RadiusKm));
                return (await freePlaces.ListAsync(c.GetArgument<string>("region"), filter, c.CancellationToken)).OrThrow(c);
            });

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
