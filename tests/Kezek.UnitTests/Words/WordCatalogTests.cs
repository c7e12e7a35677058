using System.Reflection;
using System.Text.Json.Nodes;
using Kezek.Core.Applications;
using Kezek.Core.Documents;
using Kezek.Core.Results;
using Kezek.Core.Words;
using Kezek.GraphQL.Errors;
using Kezek.Infrastructure.Words;
using Kezek.UnitTests.Rules;
using Kezek.UnitTests.Workflows;

namespace Kezek.UnitTests.Words;

/// <summary>The real word catalogs, templates/words/*.json: complete in every language, no stale keys, and refused when broken.</summary>
public sealed class WordCatalogTests
{
    public static string Folder => Path.Combine(KazakhstanCalendarTests.RepositoryRoot(), "templates", "words");

    private static readonly JsonWordCatalog Words = JsonWordCatalog.Load(Folder);

    /// <summary>Every key the code can ask for: error codes, statuses, history actions (constants and every workflow's triggers).</summary>
    public static IReadOnlyDictionary<WordSection, IReadOnlySet<string>> Expected()
    {
        static IEnumerable<string> Constants(Type type) =>
            type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetValue(null)!);

        var triggers = Directory.GetFiles(WorkflowDefinitionTests.Folder, "*.json").SelectMany(file =>
        {
            var workflow = JsonNode.Parse(File.ReadAllText(file))!;
            return workflow["transitions"]!.AsArray().Select(t => t!["trigger"]!.GetValue<string>())
                .Concat(workflow["states"]!.AsArray().Select(s => s!["timer"]?["trigger"]?.GetValue<string>()).OfType<string>());
        });
        return new Dictionary<WordSection, IReadOnlySet<string>>
        {
            [WordSection.Errors] = Constants(typeof(ErrorCodes)).Concat(Constants(typeof(RequestErrorCodes))).ToHashSet(),
            [WordSection.Statuses] = Enum.GetNames<ApplicationStatus>().ToHashSet(),
            [WordSection.DirectionStatuses] = Enum.GetNames<DirectionStatus>().ToHashSet(),
            [WordSection.Actions] = Constants(typeof(HistoryActions)).Concat(triggers).ToHashSet(),
            [WordSection.Documents] = Enum.GetNames<DocumentKind>().ToHashSet(),
            [WordSection.Benefits] = Enum.GetNames<BenefitCategory>().ToHashSet(),
            [WordSection.Messages] = Constants(typeof(SuccessMessages)).ToHashSet(),
            [WordSection.Languages] = Language.OfInstruction.Select(language => language.Code).ToHashSet(),
            [WordSection.RuleValues] = Kezek.Rules.RuleSets.RuleSetSchema.Values.Keys.ToHashSet(),
            [WordSection.StandIn] = Constants(typeof(Kezek.Identity.Demo.StandInWords))
                .Concat(Kezek.Identity.Demo.StandInWords.KeyFiles.Select(Kezek.Identity.Demo.StandInWords.Who)).ToHashSet(),
            [WordSection.Cli] = Constants(typeof(CliWords)).ToHashSet(),
        };
    }

    public static TheoryData<WordSection, string> Keys()
    {
        var data = new TheoryData<WordSection, string>();
        foreach (var (section, keys) in Expected())
        {
            foreach (var key in keys.Order(StringComparer.Ordinal))
                data.Add(section, key);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void Every_code_status_and_action_has_a_text_in_Russian_Kazakh_and_English(WordSection section, string key)
    {
        foreach (var language in Language.OfReaders)
            Assert.False(string.IsNullOrWhiteSpace(Words.Find(section, key, language)), $"No {language} text for {JsonWordCatalog.JsonName(section)}.{key}");
    }

    [Fact]
    public void Every_key_in_the_catalogs_is_one_the_code_knows()
    {
        var expected = Expected();
        var stale = Words.Keys.SelectMany(section => section.Value.Except(expected[section.Key])
            .Select(key => $"{JsonWordCatalog.JsonName(section.Key)}.{key}")).ToList();
        Assert.Empty(stale);
    }

    public static TheoryData<string> Codes()
    {
        var data = new TheoryData<string>();
        foreach (var field in typeof(ErrorCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
            data.Add((string)field.GetValue(null)!);
        return data;
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Every_error_code_has_a_message_in_Russian_Kazakh_and_English(string code)
    {
        Assert.True(Words.HasMessage(code), $"No messages for {code}");
        Assert.False(string.IsNullOrWhiteSpace(Words.Find(WordSection.Errors, code, Language.Ru)));
        Assert.False(string.IsNullOrWhiteSpace(Words.Find(WordSection.Errors, code, Language.Kk)));
        Assert.False(string.IsNullOrWhiteSpace(Words.Find(WordSection.Errors, code, Language.En)));
        Assert.NotEqual(Words.Find(WordSection.Errors, code, Language.Ru), Words.Find(WordSection.Errors, code, Language.Kk));
    }

    [Fact]
    public void Arguments_are_put_into_the_message_of_the_language_asked_for()
    {
        var arguments = new Dictionary<string, string> { ["region"] = "taraz" };

        Assert.Equal("Регион «taraz» не найден.", Words.Format(ErrorCodes.UnknownRegion, Language.Ru, arguments));
        Assert.Equal("«taraz» өңірі табылмады.", Words.Format(ErrorCodes.UnknownRegion, Language.Kk, arguments));
        Assert.Equal("Region \"taraz\" was not found.", Words.Format(ErrorCodes.UnknownRegion, Language.En, arguments));
    }

    [Fact]
    public void A_status_in_a_message_is_named_as_the_portal_names_it()
    {
        Assert.Equal(Enum.GetNames<ApplicationStatus>().Order(), Words.Keys[WordSection.Statuses].Order());
        var arguments = new Dictionary<string, string> { ["status"] = "DirectionIssued" };
        Assert.Contains("«Принято решение (Выдано направление)»", Words.Format(ErrorCodes.ActionNotAvailable, Language.Ru, arguments), StringComparison.Ordinal);
        Assert.Contains("«Шешім қабылданды (Жолдама берілді)»", Words.Format(ErrorCodes.ActionNotAvailable, Language.Kk, arguments), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_language_reads_Russian_and_an_unknown_code_reads_as_an_internal_error()
    {
        Assert.False(Language.TryParse("de", out var german));
        Assert.Equal(Language.Ru, german);
        Assert.Equal("В очереди", Words.StatusName(ApplicationStatus.Queued, german));
        Assert.Equal("Постановка на очередь", Words.ActionName(HistoryActions.Registered, german));
        Assert.Equal(Words.Format(RequestErrorCodes.Internal, Language.Kk, null), Words.Format("NO_SUCH_CODE", Language.Kk, null));
        Assert.Equal("SomeNewTrigger", Words.ActionName("SomeNewTrigger", Language.En));
    }

    [Fact]
    public void A_missing_catalog_stops_the_start_with_one_line_naming_it()
    {
        using var folder = CopyOfCatalogs();
        File.Delete(Path.Combine(folder.Path, "kk.json"));

        var refusal = Assert.Throws<InvalidOperationException>(() => JsonWordCatalog.Load(folder.Path));
        Assert.Equal($"The word catalog {Path.Combine(folder.Path, "kk.json")} is missing.", refusal.Message);
    }

    [Fact]
    public void A_catalog_that_is_not_JSON_stops_the_start_with_one_line_naming_it()
    {
        using var folder = CopyOfCatalogs();
        File.WriteAllText(Path.Combine(folder.Path, "en.json"), "{ \"errors\": { \"INTERNAL\": \"Oops\", } ");

        var refusal = Assert.Throws<InvalidOperationException>(() => JsonWordCatalog.Load(folder.Path));
        Assert.StartsWith($"The word catalog {Path.Combine(folder.Path, "en.json")} is not valid JSON: ", refusal.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', refusal.Message);
    }

    [Fact]
    public void A_catalog_that_lacks_a_key_another_language_has_stops_the_start_with_one_line_naming_both()
    {
        using var folder = CopyOfCatalogs();
        var kk = JsonNode.Parse(File.ReadAllText(Path.Combine(folder.Path, "kk.json")))!;
        kk["actions"]!.AsObject().Remove("Revoke");
        kk["errors"]!.AsObject().Remove("NONCE_INVALID");
        File.WriteAllText(Path.Combine(folder.Path, "kk.json"), kk.ToJsonString());

        var refusal = Assert.Throws<InvalidOperationException>(() => JsonWordCatalog.Load(folder.Path));
        Assert.Equal($"The word catalog {Path.Combine(folder.Path, "kk.json")} lacks errors.NONCE_INVALID, actions.Revoke, which ru.json has.",
            refusal.Message);
    }

    private static TemporaryFolder CopyOfCatalogs()
    {
        var folder = new TemporaryFolder(Directory.CreateTempSubdirectory("kezek-words-").FullName);
        foreach (var file in Directory.GetFiles(Folder, "*.json"))
            File.Copy(file, Path.Combine(folder.Path, Path.GetFileName(file)));
        return folder;
    }

    private sealed record TemporaryFolder(string Path) : IDisposable
    {
        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
