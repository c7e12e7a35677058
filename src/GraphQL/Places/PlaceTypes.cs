using Kezek.Core.Words;
using GraphQL.Types;
using Kezek.Core.Places;
using Kezek.GraphQL.Regions;
using Kezek.Workflows.Places;

namespace Kezek.GraphQL.Places;

public sealed class PlaceModeGraphType : EnumerationGraphType<PlaceMode>
{
    public PlaceModeGraphType()
    {
        Name = "PlaceMode";
        Description = "QUEUE — the next applications in queue order are notified (in a region that allocates by release windows: the seats join "
            + "the open window); FREE_CHOICE — свободный выбор, first come; WINDOW — held by an open release window (shown, never published directly).";
    }
}

/// <summary>Languages of instruction and of a person's messages, as GraphQL writes them (KK, RU).</summary>
public sealed class LanguageGraphType : EnumerationGraphType
{
    public LanguageGraphType()
    {
        Name = "Language";
        Description = "Language of instruction: KK — қазақ тілі, RU — русский язык.";
        foreach (var language in Language.OfInstruction)
            Add(language.Code.ToUpperInvariant(), language);
    }
}

public sealed class FreePlaceGraphType : ObjectGraphType<FreePlace>
{
    public FreePlaceGraphType()
    {
        Name = "FreePlace";
        Description = "Free seats of one kindergarten, group year, language and mode; choose with placeId.";
        Field<NonNullGraphType<IdGraphType>>("placeId").Description("Pass to chooseKindergarten: this seat or, if taken meanwhile, an equal one.")
            .Resolve(c => c.Source.PlaceId);
        Field<NonNullGraphType<KindergartenGraphType>>("kindergarten").Resolve(c => c.Source.Kindergarten);
        Field<NonNullGraphType<IntGraphType>>("groupYear").Resolve(c => c.Source.GroupYear);
        Field<NonNullGraphType<LanguageGraphType>>("language").Resolve(c => c.Source.Language);
        Field<NonNullGraphType<PlaceModeGraphType>>("mode").Resolve(c => c.Source.Mode);
        Field<NonNullGraphType<IntGraphType>>("count").Resolve(c => c.Source.Count);
        Field<FloatGraphType>("distanceKm").Description("From the point of freePlaces(near:), great-circle, in km; null without one.")
            .Resolve(c => c.Source.DistanceKm);
    }
}

public sealed class NearInput
{
    public double Latitude { get; set; }
    public double Longitude { get; set; }
    public double RadiusKm { get; set; }
}

public sealed class NearInputGraphType : InputObjectGraphType<NearInput>
{
    public NearInputGraphType()
    {
        Name = "NearInput";
        Field(x => x.Latitude, type: typeof(NonNullGraphType<FloatGraphType>));
        Field(x => x.Longitude, type: typeof(NonNullGraphType<FloatGraphType>));
        Field(x => x.RadiusKm, type: typeof(NonNullGraphType<FloatGraphType>)).Description("Up to 500 km.");
    }
}

public sealed class PublishPlacesInput
{
    public string KindergartenId { get; set; } = "";
    public int GroupYear { get; set; }
    public Language Language { get; set; }
    public int Count { get; set; }
    public PlaceMode Mode { get; set; }
}

public sealed class PublishPlacesInputGraphType : InputObjectGraphType<PublishPlacesInput>
{
    public PublishPlacesInputGraphType()
    {
        Name = "PublishPlacesInput";
        Field(x => x.KindergartenId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.GroupYear, type: typeof(NonNullGraphType<IntGraphType>)).Description("The birth year the seats admit.");
        Field(x => x.Language, type: typeof(NonNullGraphType<LanguageGraphType>));
        Field(x => x.Count, type: typeof(NonNullGraphType<IntGraphType>)).Description("1 to 10000 seats.");
        Field(x => x.Mode, type: typeof(NonNullGraphType<PlaceModeGraphType>));
    }
}

public sealed class PublishPlacesPayloadGraphType : ObjectGraphType<PublishPlacesResult>
{
    public PublishPlacesPayloadGraphType()
    {
        Name = "PublishPlacesPayload";
        Field<NonNullGraphType<IntGraphType>>("published").Resolve(c => c.Source.Published.Published);
        Field<NonNullGraphType<IntGraphType>>("notified").Description("Applications whose turn came with these seats.")
            .Resolve(c => c.Source.Published.Notified);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FreePlaceGraphType>>>>("freePlaces")
            .Description("The kindergarten's free seats after publishing.").Resolve(c => c.Source.FreePlaces);
    }
}

public sealed record PublishPlacesResult(PublishedPlaces Published, IReadOnlyList<FreePlace> FreePlaces);
