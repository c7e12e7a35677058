using System.Globalization;
using Kezek.Core.Results;

namespace Kezek.Core.Regions;

/// <summary>A point on the map in degrees (WGS 84), inside Kazakhstan's bounding box.</summary>
public readonly record struct GeoPoint
{
    public const double MinLatitude = 40.5;
    public const double MaxLatitude = 55.5;
    public const double MinLongitude = 46.5;
    public const double MaxLongitude = 87.5;
    private const double EarthRadiusKm = 6371.0088;

    private GeoPoint(double latitude, double longitude)
    {
        Latitude = latitude;
        Longitude = longitude;
    }

    public double Latitude { get; }

    public double Longitude { get; }

    /// <summary>A point in Kazakhstan (latitude 40.5–55.5, longitude 46.5–87.5); anything else is refused.</summary>
    public static Result<GeoPoint> InKazakhstan(double latitude, double longitude)
    {
        if (!double.IsFinite(latitude) || !double.IsFinite(longitude) || latitude is < MinLatitude or > MaxLatitude
            || longitude is < MinLongitude or > MaxLongitude)
            return Error.Of(ErrorCodes.CoordinatesOutOfRange, ("latitude", latitude.ToString(CultureInfo.InvariantCulture)),
                ("longitude", longitude.ToString(CultureInfo.InvariantCulture)));
        return new GeoPoint(latitude, longitude);
    }

    /// <summary>The great-circle distance in kilometres (haversine).</summary>
    public double DistanceKmTo(double latitude, double longitude)
    {
        static double Radians(double degrees) => degrees * Math.PI / 180;
        var dLat = Radians(latitude - Latitude);
        var dLon = Radians(longitude - Longitude);
        var a = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2))
                + (Math.Cos(Radians(Latitude)) * Math.Cos(Radians(latitude)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    /// <summary>Degrees of latitude and longitude that a radius spans around this point, for a database's box filter.</summary>
    public (double Latitude, double Longitude) SpanDegrees(double radiusKm)
    {
        var latitude = radiusKm / 111.0;
        var cos = Math.Max(0.01, Math.Cos(Latitude * Math.PI / 180));
        return (latitude * 1.01, latitude / cos * 1.01);
    }
}
