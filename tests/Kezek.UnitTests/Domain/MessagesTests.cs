using System.Reflection;
using Kezek.Core.Results;
using Kezek.GraphQL.Errors;

namespace Kezek.UnitTests.Domain;

public sealed class MessagesTests
{
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
        Assert.True(Messages.ByCode.TryGetValue(code, out var texts), $"No messages for {code}");
        Assert.False(string.IsNullOrWhiteSpace(texts.Ru));
        Assert.False(string.IsNullOrWhiteSpace(texts.Kk));
        Assert.False(string.IsNullOrWhiteSpace(texts.En));
        Assert.NotEqual(texts.Ru, texts.Kk);
    }

    [Fact]
    public void Arguments_are_put_into_the_message_of_the_language_asked_for()
    {
        var arguments = new Dictionary<string, string> { ["region"] = "taraz" };

        Assert.Equal("Регион «taraz» не найден.", Messages.Format(ErrorCodes.UnknownRegion, "ru", arguments));
        Assert.Equal("«taraz» өңірі табылмады.", Messages.Format(ErrorCodes.UnknownRegion, "kk", arguments));
        Assert.Equal("Region \"taraz\" was not found.", Messages.Format(ErrorCodes.UnknownRegion, "en", arguments));
    }

    [Fact]
    public void A_status_in_a_message_is_named_as_the_portal_names_it()
    {
        Assert.Equal(Enum.GetNames<Kezek.Core.Applications.ApplicationStatus>().Order(), Messages.StatusNames.Keys.Order());
        var arguments = new Dictionary<string, string> { ["status"] = "DirectionIssued" };
        Assert.Contains("«Принято решение (Выдано направление)»", Messages.Format(ErrorCodes.ActionNotAvailable, "ru", arguments), StringComparison.Ordinal);
        Assert.Contains("«Шешім қабылданды (Жолдама берілді)»", Messages.Format(ErrorCodes.ActionNotAvailable, "kk", arguments), StringComparison.Ordinal);
    }
}
