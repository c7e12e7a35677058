using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Kezek.Core.Applications;

/// <summary>
/// The tamper-evident history (Kezek's own, like a ledger): each entry's hash covers its fields, the application's number and
/// the hash of the application's previous entry, and the application keeps the hash of its last one. An entry edited in the
/// database no longer matches its hash; an entry removed or inserted breaks the chain; a chain rewritten whole no longer
/// matches the region's daily anchor (<see cref="Audit.HistoryAnchor"/>).
/// </summary>
public static class HistoryChain
{
    private const char Separator = '\u001F';

    /// <summary>
    /// SHA-256 (hex) of the entry's canonical form: every field, times in UTC to the microsecond (what every database keeps),
    /// the signed document by its own hash.
    /// </summary>
    public static string Hash(HistoryEntry entry, string applicationNumber, string? previousHash)
    {
        static string Text(object? value) => value switch
        {
            null => "",
            DateTime time => (time.Ticks / 10 * 10).ToString(CultureInfo.InvariantCulture),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };

        string?[] fields =
        [
            "kezek-history-v1", previousHash, applicationNumber, Text(entry.At), entry.ActorIin, entry.ActorName, Text(entry.ActorRole),
            entry.Action, Text(entry.FromStatus), Text(entry.ToStatus), entry.Reason,
            entry.SignedXml is null ? null : Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(entry.SignedXml))),
            Text(entry.Benefit), entry.Evidence, Text(entry.QueueNumberBefore), Text(entry.QueueNumberAfter), entry.OtherRegionCode,
            entry.OtherApplicationNumber,
        ];
        var canonical = string.Join(Separator, fields.Select(f => f ?? ""));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>
    /// Checks an application's entries (in the order they were written) against their hashes, their links and the
    /// application's head. Entries written before history was sealed (no hash) may only come first.
    /// </summary>
    public static HistoryCheck Check(string applicationNumber, IReadOnlyList<HistoryEntry> entries, string? head)
    {
        string? previous = null;
        var legacy = 0;
        for (var index = 0; index < entries.Count; index++)
        {
            var entry = entries[index];
            if (entry.Hash is null)
            {
                if (previous is not null)
                    return new HistoryCheck(false, entries.Count, legacy, index, HistoryProblem.Unsealed);
                legacy++;
                continue;
            }

            if (entry.PreviousHash != previous)
                return new HistoryCheck(false, entries.Count, legacy, index, HistoryProblem.Link);
            if (Hash(entry, applicationNumber, previous) != entry.Hash)
                return new HistoryCheck(false, entries.Count, legacy, index, HistoryProblem.Content);
            previous = entry.Hash;
        }

        return previous == head
            ? new HistoryCheck(true, entries.Count, legacy, null, null)
            : new HistoryCheck(false, entries.Count, legacy, entries.Count, HistoryProblem.Head);
    }
}

/// <summary>Where a history does not hold: an entry's content, a link between entries, an unsealed entry after sealed ones, or the end.</summary>
public enum HistoryProblem
{
    Content,
    Link,
    Unsealed,
    Head,
}

/// <summary>The outcome of <see cref="HistoryChain.Check"/>: the first entry (0-based) that does not hold, and why.</summary>
public sealed record HistoryCheck(bool Intact, int Entries, int LegacyEntries, int? BrokenAt, HistoryProblem? Problem);
