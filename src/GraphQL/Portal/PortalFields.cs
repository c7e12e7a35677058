using GraphQL;
using GraphQL.MicrosoftDI;
using GraphQL.Types;
using Kezek.GraphQL.Access;
using Kezek.Workflows.Portal;

namespace Kezek.GraphQL.Portal;

public sealed class PortalSettingsGraphType : ObjectGraphType<PortalSettings>
{
    public PortalSettingsGraphType()
    {
        Name = "PortalSettings";
        Description = "What the family portal needs from the server's configuration (Kezek:Portal).";
        Field<NonNullGraphType<StringGraphType>>("ncaLayerUrl")
            .Description("NCALayer's WebSocket: a full URL (wss://127.0.0.1:13579), or a path on this server's origin (Development's stand-in, /dev/ncalayer).")
            .Resolve(c => c.Source.NcaLayerUrl);
        Field<StringGraphType>("mapTileUrl")
            .Description("Map tiles ({z}/{x}/{y}); null: free places are shown as a list only.")
            .Resolve(c => c.Source.MapTileUrl);
        Field<StringGraphType>("mapAttribution").Description("The tiles' attribution line.").Resolve(c => c.Source.MapAttribution);
        Field<StringGraphType>("defaultRegion").Description("The region code the portal opens with; null: the first of regions.")
            .Resolve(c => c.Source.DefaultRegion);
    }
}

internal static class PortalFields
{
    public static void AddQueries(ObjectGraphType query) =>
        query.Field<NonNullGraphType<PortalSettingsGraphType>>("portalSettings")
            .Description("Public: the family portal's settings (NCALayer's address, map tiles, the default region).")
            .Access(AccessRequirement.Public)
            .Resolve().WithService<ReadPortalSettingsHandler>()
            .Resolve((_, handler) => handler.Handle());
}
