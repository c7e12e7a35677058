using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Kezek.Core.Allocation;

/// <summary>
/// The tie-break of an allocation run: a number per family drawn from the run's recorded seed and the family's application
/// number, so anyone holding the public extract draws the same numbers and recomputes the same outcome.
/// </summary>
public static class Lottery
{
    public static long Draw(string seed, string applicationNumber)
    {
        ArgumentNullException.ThrowIfNull(seed);
        ArgumentNullException.ThrowIfNull(applicationNumber);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(seed + "\n" + applicationNumber));
        return BinaryPrimitives.ReadInt64BigEndian(hash) & long.MaxValue;
    }
}
