using GraphQL.MicrosoftDI;
using GraphQL.Types;
using GraphQL;
using Kezek.Core.Identity;
using Kezek.Core.Regions;
using Kezek.Core.Results;
using Kezek.Core.Words;
using Kezek.GraphQL.Access;
using Kezek.GraphQL.Errors;
using Kezek.GraphQL.Places;
using Kezek.Workflows.Regions;

namespace Kezek.GraphQL.Regions;

public sealed class OwnershipGraphType : EnumerationGraphType<Ownership>
{
    public OwnershipGraphType()
    {
        Name = "Ownership";
        Description = "STATE — государственный, PRIVATE — частный.";
    }
}

public sealed class RegionInput
{
    public string Code { get; set; } = "";
    public string NameRu { get; set; } = "";
    public string NameKk { get; set; } = "";
    public string NameEn { get; set; } = "";
    public string? TimeZone { get; set; }
    public string? SupportPhone { get; set; }
    public string? SupportEmail { get; set; }
    public string? SupportHoursRu { get; set; }
    public string? SupportHoursKk { get; set; }

    public RegionDraft ToDraft() =>
        new(Code, NameRu, NameKk, NameEn, TimeZone, SupportPhone, SupportEmail, SupportHoursRu, SupportHoursKk);
}

public sealed class RegionInputGraphType : InputObjectGraphType<RegionInput>
{
    public RegionInputGraphType()
    {
        Name = "RegionInput";
        Description = "A region: its code stays; the time zone is the rule set's (given here, it is only checked).";
        Field(x => x.Code, type: typeof(NonNullGraphType<StringGraphType>)).Description("Lower-case latin, digits, hyphens: as rules/<code>.json.");
        Field(x => x.NameRu, type: typeof(NonNullGraphType<StringGraphType>));
        Field(x => x.NameKk, type: typeof(NonNullGraphType<StringGraphType>));
        Field(x => x.NameEn, type: typeof(NonNullGraphType<StringGraphType>));
        Field(x => x.TimeZone, type: typeof(StringGraphType)).Description("IANA id; must equal the one of the region's rule set in force.");
        Field(x => x.SupportPhone, type: typeof(StringGraphType)).Description("E.g. 1308 or +7 727 000 00 00; null: none.");
        Field(x => x.SupportEmail, type: typeof(StringGraphType));
        Field(x => x.SupportHoursRu, type: typeof(StringGraphType));
        Field(x => x.SupportHoursKk, type: typeof(StringGraphType));
    }
}

public sealed class KindergartenGroupInput
{
    public int GroupYear { get; set; }
    public Language Language { get; set; }
    public int Capacity { get; set; }
}

public sealed class KindergartenGroupInputGraphType : InputObjectGraphType<KindergartenGroupInput>
{
    public KindergartenGroupInputGraphType()
    {
        Name = "KindergartenGroupInput";
        Field(x => x.GroupYear, type: typeof(NonNullGraphType<IntGraphType>));
        Field(x => x.Language, type: typeof(NonNullGraphType<LanguageGraphType>));
        Field(x => x.Capacity, type: typeof(NonNullGraphType<IntGraphType>)).Description("1 to 1000 children.");
    }
}

public class KindergartenInput
{
    public string NameRu { get; set; } = "";
    public string NameKk { get; set; } = "";
    public string AddressRu { get; set; } = "";
    public string AddressKk { get; set; } = "";
    public double Latitude { get; set; }
    public double Longitude { get; set; }
    public List<Language> Languages { get; set; } = [];
    public Ownership Ownership { get; set; }
    public List<KindergartenGroupInput>? Groups { get; set; }

    public KindergartenDraft ToDraft(string region, string bin) =>
        new(region, bin, NameRu, NameKk, AddressRu, AddressKk, Latitude, Longitude, [.. Languages.Select(l => l.Code)], Ownership,
            [.. (Groups ?? []).Select(g => new GroupDraft(g.GroupYear, g.Language.Code, g.Capacity))]);
}

public sealed class CreateKindergartenInput : KindergartenInput
{
    public string Region { get; set; } = "";
    public string Bin { get; set; } = "";
}

public sealed class UpdateKindergartenInput : KindergartenInput
{
    public string Id { get; set; } = "";
}

internal static class KindergartenInputFields
{
    public static void Add<T>(InputObjectGraphType<T> type)
        where T : KindergartenInput
    {
        type.Field(x => x.NameRu, type: typeof(NonNullGraphType<StringGraphType>));
        type.Field(x => x.NameKk, type: typeof(NonNullGraphType<StringGraphType>));
        type.Field(x => x.AddressRu, type: typeof(NonNullGraphType<StringGraphType>));
        type.Field(x => x.AddressKk, type: typeof(NonNullGraphType<StringGraphType>));
        type.Field(x => x.Latitude, type: typeof(NonNullGraphType<FloatGraphType>)).Description("40.5 to 55.5 (Kazakhstan).");
        type.Field(x => x.Longitude, type: typeof(NonNullGraphType<FloatGraphType>)).Description("46.5 to 87.5 (Kazakhstan).");
        type.Field(x => x.Languages, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<LanguageGraphType>>>));
        type.Field(x => x.Ownership, type: typeof(NonNullGraphType<OwnershipGraphType>));
        type.Field(x => x.Groups, type: typeof(ListGraphType<NonNullGraphType<KindergartenGroupInputGraphType>>))
            .Description("Capacity per group year and language; the list replaces the kindergarten's groups.");
    }
}

public sealed class CreateKindergartenInputGraphType : InputObjectGraphType<CreateKindergartenInput>
{
    public CreateKindergartenInputGraphType()
    {
        Name = "CreateKindergartenInput";
        Field(x => x.Region, type: typeof(NonNullGraphType<StringGraphType>));
        Field(x => x.Bin, type: typeof(NonNullGraphType<StringGraphType>)).Description("12 digits with the IIN's check digit.");
        KindergartenInputFields.Add(this);
    }
}

public sealed class UpdateKindergartenInputGraphType : InputObjectGraphType<UpdateKindergartenInput>
{
    public UpdateKindergartenInputGraphType()
    {
        Name = "UpdateKindergartenInput";
        Description = "Everything but the BIN and the region, which stay.";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>));
        KindergartenInputFields.Add(this);
    }
}

public sealed class RegionPayloadGraphType : ObjectGraphType<Region>
{
    public RegionPayloadGraphType()
    {
        Name = "RegionPayload";
        Field<NonNullGraphType<RegionGraphType>>("region").Resolve(c => c.Source);
    }
}

public sealed class KindergartenPayloadGraphType : ObjectGraphType<Kindergarten>
{
    public KindergartenPayloadGraphType()
    {
        Name = "KindergartenPayload";
        Field<NonNullGraphType<KindergartenGraphType>>("kindergarten").Resolve(c => c.Source);
    }
}

public sealed class ReferenceImportGraphType : ObjectGraphType<ReferenceImported>
{
    public ReferenceImportGraphType()
    {
        Name = "ReferenceImportPayload";
        Field<NonNullGraphType<IntGraphType>>("lines").Resolve(c => c.Source.Lines);
        Field<NonNullGraphType<IntGraphType>>("created").Resolve(c => c.Source.Created);
        Field<NonNullGraphType<IntGraphType>>("updated").Description("Lines that changed an existing record.").Resolve(c => c.Source.Updated);
    }
}

internal static class ReferenceFields
{
    private static readonly AccessRequirement Administrators = AccessRequirement.Roles(Role.Administrator);
    private static readonly AccessRequirement RegionStaff = AccessRequirement.Roles(Role.Operator, Role.Administrator);

    public static void AddMutations(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<RegionPayloadGraphType>>("createRegion")
            .Description("Administrators: a new region (its rules: its own rule set, or the default one).")
            .Argument<NonNullGraphType<RegionInputGraphType>>("input")
            .Access(Administrators)
            .Resolve().WithService<EditRegionHandler>()
            .ResolveAsync(async (c, handler) => (await handler.HandleAsync(
                new EditRegion(c.GetArgument<RegionInput>("input").ToDraft(), SaveMode.Create, c.RequireViewer()), c.CancellationToken)).OrThrow(c));

        mutation.Field<NonNullGraphType<RegionPayloadGraphType>>("updateRegion")
            .Description("Administrators: a region's names and support contacts.")
            .Argument<NonNullGraphType<RegionInputGraphType>>("input")
            .Access(Administrators)
            .Resolve().WithService<EditRegionHandler>()
            .ResolveAsync(async (c, handler) => (await handler.HandleAsync(
                new EditRegion(c.GetArgument<RegionInput>("input").ToDraft(), SaveMode.Update, c.RequireViewer()), c.CancellationToken)).OrThrow(c));

        mutation.Field<NonNullGraphType<ReferenceImportGraphType>>("importRegions")
            .Description("Administrators: CSV with header code,nameRu,nameKk,nameEn,timeZone,supportPhone,supportEmail,supportHoursRu,supportHoursKk. "
                         + "A known code edits its region. All or nothing.")
            .Argument<NonNullGraphType<StringGraphType>>("csv")
            .Access(Administrators)
            .Resolve().WithService<ImportReferenceHandler>()
            .ResolveAsync(async (c, handler) => (await handler.HandleAsync(new ImportRegions(c.GetArgument<string>("csv"), c.RequireViewer()),
                c.CancellationToken)).OrThrow(c));

        mutation.Field<NonNullGraphType<KindergartenPayloadGraphType>>("createKindergarten")
            .Description("Administrators, and operators in their region.")
            .Argument<NonNullGraphType<CreateKindergartenInputGraphType>>("input")
            .Access(RegionStaff)
            .Resolve().WithService<EditKindergartenHandler>()
            .ResolveAsync(async (c, handler) =>
            {
                var input = c.GetArgument<CreateKindergartenInput>("input");
                return (await handler.HandleAsync(new EditKindergarten(null, input.ToDraft(input.Region, input.Bin), c.RequireViewer()),
                    c.CancellationToken)).OrThrow(c);
            });

        mutation.Field<NonNullGraphType<KindergartenPayloadGraphType>>("updateKindergarten")
            .Description("Administrators, and operators in their region: everything but the BIN and the region.")
            .Argument<NonNullGraphType<UpdateKindergartenInputGraphType>>("input")
            .Access(RegionStaff)
            .Resolve().WithService<EditKindergartenHandler>()
            .ResolveAsync(async (c, handler) =>
            {
                var input = c.GetArgument<UpdateKindergartenInput>("input");
                if (!Guid.TryParse(input.Id, out var id))
                    throw KezekError.For(c, Error.Of(ErrorCodes.InvalidInput, ("field", "id")));
                return (await handler.HandleAsync(new EditKindergarten(id, input.ToDraft("", ""), c.RequireViewer()), c.CancellationToken)).OrThrow(c);
            });

        mutation.Field<NonNullGraphType<ReferenceImportGraphType>>("importKindergartens")
            .Description("Administrators, and operators for their region: CSV with header "
                         + "region,bin,nameRu,nameKk,addressRu,addressKk,latitude,longitude,languages,ownership,groups "
                         + "(languages \"kk ru\"; ownership state|private; groups 2022:kk:25;2021:ru:20). A known BIN edits its kindergarten. All or nothing.")
            .Argument<NonNullGraphType<StringGraphType>>("csv")
            .Access(RegionStaff)
            .Resolve().WithService<ImportReferenceHandler>()
            .ResolveAsync(async (c, handler) => (await handler.HandleAsync(new ImportKindergartens(c.GetArgument<string>("csv"), c.RequireViewer()),
                c.CancellationToken)).OrThrow(c));
    }
}
