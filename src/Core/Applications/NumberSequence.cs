namespace Kezek.Core.Applications;

/// <summary>The last application sequence number used in a region in a year.</summary>
public sealed class NumberSequence
{
    public NumberSequence(string regionCode, int year, int lastValue)
    {
        RegionCode = regionCode;
        Year = year;
        LastValue = lastValue;
    }

    public string RegionCode { get; private set; }

    public int Year { get; private set; }

    public int LastValue { get; private set; }
}
