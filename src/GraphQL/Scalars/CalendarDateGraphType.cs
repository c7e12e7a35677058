using GraphQL.Types;

namespace Kezek.GraphQL.Scalars;

/// <summary>A calendar date, ISO 8601 (<c>2026-09-01</c>), named <c>Date</c> as SPEC §7 writes it.</summary>
public sealed class CalendarDateGraphType : DateOnlyGraphType
{
    public CalendarDateGraphType()
    {
        Name = "Date";
        Description = "A calendar date, ISO 8601 (yyyy-MM-dd).";
    }
}
