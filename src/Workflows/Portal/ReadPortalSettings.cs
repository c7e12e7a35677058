using Microsoft.Extensions.Options;

namespace Kezek.Workflows.Portal;

/// <summary><c>Kezek:Portal</c>: what the family portal (web/) needs from configuration, and who may host it elsewhere.</summary>
public sealed class PortalOptions
{
    public const string Section = "Kezek:Portal";

    /// <summary>NCALayer's address: a full URL, or a path on Kezek's own origin (the Development stand-in, <c>/dev/ncalayer</c>).</summary>
    public string NcaLayerUrl { get; set; } = "wss://127.0.0.1:13579";

    /// <summary>A map tile URL template (<c>https://…/{z}/{x}/{y}.png</c>); without it the portal shows free places as a list only.</summary>
    public string? MapTileUrl { get; set; }

    /// <summary>The tiles' attribution line, shown under the map.</summary>
    public string? MapAttribution { get; set; }

    /// <summary>The region the portal opens with (a code of <c>regions</c>); the first region when not set.</summary>
    public string? DefaultRegion { get; set; }

    /// <summary>Origins that may call the API from a browser (a city hosting the built portal elsewhere); none by default.</summary>
    public string[] AllowedOrigins { get; set; } = [];
}

/// <summary>The portal's settings as the public <c>portalSettings</c> gives them.</summary>
public sealed record PortalSettings(string NcaLayerUrl, string? MapTileUrl, string? MapAttribution, string? DefaultRegion);

/// <summary>Public: nothing here is secret, it is what every browser of the portal needs before the first page.</summary>
public sealed class ReadPortalSettingsHandler(IOptions<PortalOptions> options)
{
    public PortalSettings Handle()
    {
        var portal = options.Value;
        return new PortalSettings(
            portal.NcaLayerUrl,
            string.IsNullOrWhiteSpace(portal.MapTileUrl) ? null : portal.MapTileUrl,
            string.IsNullOrWhiteSpace(portal.MapAttribution) ? null : portal.MapAttribution,
            string.IsNullOrWhiteSpace(portal.DefaultRegion) ? null : portal.DefaultRegion);
    }
}
