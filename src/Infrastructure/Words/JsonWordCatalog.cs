using System.Text.Json;
using Kezek.Core.Words;
using LanguageWords = System.Collections.Generic.IReadOnlyDictionary<Kezek.Core.Words.WordSection, System.Collections.Generic.IReadOnlyDictionary<string, string>>;

namespace Kezek.Infrastructure.Words;

/// <summary>
/// The word catalogs <c>ru.json</c>, <c>kk.json</c> and <c>en.json</c>, read once at start. A file that is missing,
/// is not JSON, or lacks a key another language has stops the server with one line that says which and where:
/// a reader never meets a message that is missing in their language. A change takes effect at the next start.
/// </summary>
public sealed class JsonWordCatalog : IWordCatalog
{
    /// <summary>The language of a reader whose language the catalog does not have.</summary>
    public static readonly Language FallbackLanguage = Language.Ru;

    private static readonly IReadOnlyDictionary<string, WordSection> Sections = Enum.GetValues<WordSection>()
        .ToDictionary(JsonName, section => section, StringComparer.Ordinal);

    private readonly IReadOnlyDictionary<Language, LanguageWords> _byLanguage;

    private JsonWordCatalog(IReadOnlyDictionary<Language, LanguageWords> byLanguage) =>
        _byLanguage = byLanguage;

    /// <summary>Every key of every section (the same in each language).</summary>
    public IReadOnlyDictionary<WordSection, IReadOnlyCollection<string>> Keys =>
        _byLanguage[FallbackLanguage].ToDictionary(section => section.Key, section => (IReadOnlyCollection<string>)[.. section.Value.Keys]);

    /// <summary>The section's name in the files: <c>errors</c>, <c>statuses</c>, <c>directionStatuses</c>, <c>actions</c>.</summary>
    public static string JsonName(WordSection section) => JsonNamingPolicy.CamelCase.ConvertName(section.ToString());

    public string? Find(WordSection section, string key, Language language)
    {
        var words = _byLanguage.TryGetValue(language, out var found) ? found : _byLanguage[FallbackLanguage];
        return words[section].TryGetValue(key, out var text) ? text : null;
    }

    /// <exception cref="InvalidOperationException">A catalog is missing, not valid JSON, or incomplete.</exception>
    public static JsonWordCatalog Load(string folder)
    {
        var byLanguage = Language.OfReaders.ToDictionary(language => language,
            language => (LanguageWords)Read(Path.Combine(folder, language.Code + ".json")));
        foreach (var (language, words) in byLanguage)
        {
            foreach (var (other, otherWords) in byLanguage.Where(l => l.Key != language))
            {
                var missing = otherWords.SelectMany(section => section.Value.Keys
                        .Where(key => !words[section.Key].ContainsKey(key))
                        .Select(key => $"{JsonName(section.Key)}.{key}"))
                    .ToList();
                if (missing.Count > 0)
                    throw new InvalidOperationException(
                        $"The word catalog {Path.Combine(folder, language.Code + ".json")} lacks {string.Join(", ", missing)}, which {other}.json has.");
            }
        }

        return new JsonWordCatalog(byLanguage);
    }

    private static Dictionary<WordSection, IReadOnlyDictionary<string, string>> Read(string path)
    {
        if (!File.Exists(path))
            throw new InvalidOperationException($"The word catalog {path} is missing.");
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(path));
        }
        catch (JsonException exception)
        {
            throw new InvalidOperationException($"The word catalog {path} is not valid JSON: {exception.Message}", exception);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw Invalid(path, "its root must be an object of sections");
            var sections = Enum.GetValues<WordSection>().ToDictionary(section => section,
                _ => (IReadOnlyDictionary<string, string>)new Dictionary<string, string>(StringComparer.Ordinal));
            var seen = new HashSet<WordSection>();
            foreach (var section in document.RootElement.EnumerateObject())
            {
                if (!Sections.TryGetValue(section.Name, out var known))
                    throw Invalid(path, $"\"{section.Name}\" is not a section (expected {string.Join(", ", Sections.Keys)})");
                if (!seen.Add(known))
                    throw Invalid(path, $"\"{section.Name}\" is given twice");
                if (section.Value.ValueKind != JsonValueKind.Object)
                    throw Invalid(path, $"\"{section.Name}\" must be an object of texts");
                var texts = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var text in section.Value.EnumerateObject())
                {
                    if (text.Value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(text.Value.GetString()))
                        throw Invalid(path, $"{section.Name}.{text.Name} must be a non-empty text");
                    if (!texts.TryAdd(text.Name, text.Value.GetString()!))
                        throw Invalid(path, $"{section.Name}.{text.Name} is given twice");
                }

                sections[known] = texts;
            }

            return sections;
        }
    }

    private static InvalidOperationException Invalid(string path, string problem) =>
        new($"The word catalog {path} is not valid: {problem}.");
}
