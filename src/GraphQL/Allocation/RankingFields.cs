using GraphQL;
using GraphQL.MicrosoftDI;
using GraphQL.Types;
using Kezek.Core.Applications;
using Kezek.Core.Results;
using Kezek.GraphQL.Access;
using Kezek.GraphQL.Applications;
using Kezek.GraphQL.Errors;
using Kezek.GraphQL.Signing;
using Kezek.Identity.Signatures;
using Kezek.Workflows.Actions;
using Kezek.Workflows.Rankings;

namespace Kezek.GraphQL.Allocation;

/// <summary>The family's ranking: the application and its kindergartens, first choice first.</summary>
public sealed class RankKindergartensInput
{
    public string ApplicationNumber { get; set; } = "";
    public List<string> KindergartenIds { get; set; } = [];

    /// <summary>The ids as given, or null when one is not an id.</summary>
    public IReadOnlyList<Guid>? KindergartenGuids()
    {
        var ids = new List<Guid>(KindergartenIds.Count);
        foreach (var id in KindergartenIds)
        {
            if (!Guid.TryParse(id, out var parsed))
                return null;
            ids.Add(parsed);
        }
        return ids;
    }

    /// <summary>A list repeats its element in the list's order (SPEC §4): the order signed is the ranking.</summary>
    public IEnumerable<ActionField> ActionFields() =>
        [new("applicationNumber", ApplicationNumber), .. KindergartenIds.Select(id => new ActionField("kindergartenIds", id))];
}

public sealed class RankKindergartensInputGraphType : InputObjectGraphType<RankKindergartensInput>
{
    public RankKindergartensInputGraphType()
    {
        Name = "RankKindergartensInput";
        Field(x => x.ApplicationNumber, type: typeof(NonNullGraphType<StringGraphType>));
        Field(x => x.KindergartenIds, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>))
            .Description("The kindergartens of the application's region, first choice first; at most the region's maxRankedKindergartens; "
                + "an empty list withdraws the ranking.");
    }
}

/// <summary>Выбор детских садов по приоритету, signed by the applicant or an attached parent (docs/allocation.md).</summary>
internal static class RankingFields
{
    public static void AddMutations(ObjectGraphType mutation) =>
        SignedFields.FamilyAction<RankKindergartensInputGraphType, RankKindergartensInput, RankKindergartensHandler>(mutation, "rankKindergartens",
            "The family ranks the kindergartens it wants for a queued application, signed with the SIGN key; the ranking "
            + "replaces the one before. Regions that allocate seats by a run (a release window, the annual intake) serve each family "
            + "its highest-ranked kindergarten it can have. The signed document repeats <kindergartenIds> in the ranking's order.",
            (_, input) => input.ActionFields(),
            (handler, input, _, signature, token) => input.KindergartenGuids() is { } ids
                ? handler.HandleAsync(new RankKindergartens(input.ApplicationNumber, ids, signature), token)
                : Task.FromResult<Result<Application>>(Error.Of(ErrorCodes.InvalidInput, ("field", "kindergartenIds"))));
}
