namespace Kezek.Core.Words;

/// <summary>
/// A language by its ISO 639-1 code: what a person reads the portal in (ru, kk, en), what their messages and documents
/// are made in (ru, kk), and what a kindergarten teaches in (kk, ru).
/// </summary>
public readonly record struct Language
{
    public static readonly Language Ru = new("ru");
    public static readonly Language Kk = new("kk");
    public static readonly Language En = new("en");

    /// <summary>The languages the API answers in.</summary>
    public static IReadOnlyList<Language> OfReaders { get; } = [Ru, Kk, En];

    /// <summary>The languages of notifications and documents (the state's two languages).</summary>
    public static IReadOnlyList<Language> OfMessages { get; } = [Ru, Kk];

    /// <summary>The languages kindergartens teach in.</summary>
    public static IReadOnlyList<Language> OfInstruction { get; } = [Kk, Ru];

    private readonly string? _code;

    private Language(string code) => _code = code;

    /// <summary>"ru", "kk" or "en"; Russian for the default value.</summary>
    public string Code => _code ?? Ru.Code;

    /// <summary>The language a message or document is made in for this reader: Kazakh for Kazakh, else Russian.</summary>
    public Language ForMessages => this == Kk ? Kk : Ru;

    public static bool TryParse(string? code, out Language language)
    {
        foreach (var known in OfReaders)
        {
            if (string.Equals(known.Code, code?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                language = known;
                return true;
            }
        }

        language = Ru;
        return false;
    }

    /// <summary>A code that was checked before (a stored row, a validated input).</summary>
    public static Language Parse(string code) =>
        TryParse(code, out var language) ? language : throw new FormatException($"\"{code}\" is not a language Kezek knows.");

    public bool Equals(Language other) => Code == other.Code;

    public override int GetHashCode() => Code.GetHashCode(StringComparison.Ordinal);

    public override string ToString() => Code;
}
