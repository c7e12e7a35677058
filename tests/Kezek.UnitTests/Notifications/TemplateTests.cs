using Kezek.Core.Words;
using System.Text.Json.Nodes;
using Kezek.Infrastructure.Templates;
using Kezek.UnitTests.Rules;
using Kezek.UnitTests.Workflows;

namespace Kezek.UnitTests.Notifications;

/// <summary>The notification templates of templates/notifications: parsed, complete, safe, and short enough for an SMS.</summary>
public sealed class TemplateTests
{
    private static readonly string Folder = Path.Combine(KazakhstanCalendarTests.RepositoryRoot(), "templates");
    private static readonly ScribanTemplates Templates = new(Folder);

    /// <summary>The longest values a message can carry (a long kindergarten name, a long Kazakh child's name).</summary>
    public static readonly IReadOnlyDictionary<string, string?> Sample = new Dictionary<string, string?>
    {
        ["applicationNumber"] = "ALM.2026.000009.1",
        ["childName"] = "АХМЕТОВА ӘЛИЯ-НҰРСҰЛУ ДӘУРЕНҚЫЗЫ",
        ["status"] = "Notified",
        ["deadlineDay"] = "04.09.2026",
        ["directionExpiresDay"] = "09.09.2026",
        ["stopListedUntilDay"] = "25.09.2026",
        ["kindergartenName"] = "ГККП «Ясли-сад № 145 «Айгөлек» акимата города Алматы»",
        ["kindergartenAddress"] = "г. Алматы, мкр. Самал-2, 58",
        ["reason"] = "Переезд в другой район",
        ["benefitCategory"] = "OutOfTurn",
        ["benefitValidUntilDay"] = "31.12.2026",
    };

    /// <summary>Every template a workflow's notify names, and those the use cases write themselves, in both languages.</summary>
    public static TheoryData<string, string> Notified()
    {
        var data = new TheoryData<string, string> { { "registered", "ru" }, { "registered", "kk" }, { "attached", "ru" }, { "attached", "kk" },
            { "direction-expiring", "ru" }, { "direction-expiring", "kk" }, { "benefit-confirmed", "ru" }, { "benefit-confirmed", "kk" },
            { "benefit-rejected", "ru" }, { "benefit-rejected", "kk" }, { "benefit-lapsed", "ru" }, { "benefit-lapsed", "kk" } };
        foreach (var workflow in new[] { "direction", "voucher" })
        {
            var json = JsonNode.Parse(File.ReadAllText(Path.Combine(WorkflowDefinitionTests.Folder, workflow + ".json")))!;
            var templates = json["transitions"]!.AsArray().SelectMany(t => t!["activities"]?.AsArray() ?? [])
                .Where(a => a!["activity"]!.GetValue<string>() == "notify").Select(a => a!["argument"]!.GetValue<string>()).Distinct();
            foreach (var template in templates)
            {
                foreach (var language in new[] { "ru", "kk" })
                {
                    if (!data.Any(row => (string)row[0] == template && (string)row[1] == language))
                        data.Add(template, language);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Notified))]
    public void Every_notification_renders_its_subject_e_mail_and_an_SMS_of_at_most_140_characters(string template, string language)
    {
        var rendered = Templates.Render(template, Language.Parse(language), Sample);
        Assert.False(string.IsNullOrWhiteSpace(rendered.Subject));
        Assert.Contains("ALM.2026.000009.1", rendered.Html, StringComparison.Ordinal);
        Assert.InRange(rendered.Sms.Length, 20, ScribanTemplates.MaxSmsLength);
        Assert.DoesNotContain("{{", rendered.Html, StringComparison.Ordinal);
        Assert.Contains($"lang=\"{language}\"", rendered.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Values_are_escaped_in_the_e_mail_and_a_missing_value_is_an_error()
    {
        var hostile = new Dictionary<string, string?>(Sample) { ["childName"] = "<script>alert(1)</script>" };
        var rendered = Templates.Render("turn-came", Language.Ru, hostile);
        Assert.DoesNotContain("<script>", rendered.Html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", rendered.Html, StringComparison.Ordinal);

        var missing = new Dictionary<string, string?>(Sample);
        missing.Remove("deadlineDay");
        Assert.ThrowsAny<Exception>(() => Templates.Render("turn-came", Language.Ru, missing));
    }

    [Fact]
    public void Paths_outside_the_templates_folder_are_refused()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => Templates.Render("../../workflows/direction", Language.Ru, Sample));
        Assert.Contains("outside the templates folder", refused.Message, StringComparison.Ordinal);
        Assert.True(Templates.Has("turn-came"));
        Assert.False(Templates.Has("direction-reminder"));
    }

    [Theory]
    [InlineData("ru", "Направление в дошкольную организацию")]
    [InlineData("kk", "Мектепке дейінгі ұйымға жолдама")]
    public void Every_document_renders_in_both_languages_with_every_fact(string language, string directionTitle)
    {
        var facts = new Dictionary<string, string?>
        {
            ["applicationNumber"] = "ALM.2026.000009.1", ["childFullName"] = "АХМЕТОВА ӘЛИЯ", ["childIin"] = "220315670018",
            ["childBirthDate"] = "15.03.2022", ["groupYear"] = "2022", ["applicantFullName"] = "АХМЕТОВА АЙГЕРІМ", ["applicantIin"] = "900514410214",
            ["applicantPhone"] = "+77011234567", ["applicantEmail"] = "a@example.kz", ["registeredAt"] = "01.09.2026 09:00",
            ["claimedBenefitCategory"] = "None", ["issuedAt"] = "01.09.2026 09:00", ["verificationCode"] = "ABCDEFGH2345",
            ["kindergartenName"] = "Ясли-сад № 1 «Балапан»", ["kindergartenAddress"] = "Самал-2, 58",
            ["verificationAddress"] = "/verify/ABCDEFGH2345", ["verificationQr"] = "data:image/svg+xml;base64,PHN2Zy8+",
            ["kindergartenBin"] = "160140012345", ["language"] = "kk", ["directionIssuedAt"] = "01.09.2026 10:00", ["directionExpiresAt"] = "08.09.2026",
            ["directionTransferred"] = "",
        };
        foreach (var kind in Enum.GetValues<Kezek.Core.Documents.DocumentKind>())
        {
            var html = Templates.Render(kind, Language.Parse(language), facts);
            Assert.Contains("ABCDEFGH2345", html, StringComparison.Ordinal);
            Assert.Contains("АХМЕТОВА ӘЛИЯ", html, StringComparison.Ordinal);
            Assert.Contains("@page", html, StringComparison.Ordinal);
            Assert.Contains("<img src=\"data:image/svg+xml;base64,PHN2Zy8+\"", html, StringComparison.Ordinal);
            Assert.Contains("/verify/ABCDEFGH2345", html, StringComparison.Ordinal);
            if (kind == Kezek.Core.Documents.DocumentKind.Direction)
                Assert.Contains(directionTitle, html, StringComparison.Ordinal);
        }

        // A transfer's direction: enrolled on the day of the move, no date to come by.
        var transferred = Templates.Render(Kezek.Core.Documents.DocumentKind.Direction, Language.Parse(language), new Dictionary<string, string?>(facts) { ["directionTransferred"] = "true" });
        var plain = Templates.Render(Kezek.Core.Documents.DocumentKind.Direction, Language.Parse(language), facts);
        Assert.DoesNotContain("08.09.2026", transferred, StringComparison.Ordinal);
        Assert.Contains("08.09.2026", plain, StringComparison.Ordinal);
    }
}

public sealed class DocumentWriterTests
{
    [Theory]
    [InlineData(null, "/verify/ABCDEFGH2345")]
    [InlineData("", "/verify/ABCDEFGH2345")]
    [InlineData("http://localhost:5080", "http://localhost:5080/verify/ABCDEFGH2345")]
    [InlineData("https://kezek.almaty.kz/", "https://kezek.almaty.kz/verify/ABCDEFGH2345")]
    public void The_verification_address_is_the_portal_page_absolute_when_the_public_address_is_set(string? publicBaseUrl, string expected) =>
        Assert.Equal(expected, new Kezek.Workflows.Documents.DocumentWriter(null!, null!, publicBaseUrl).VerificationAddress("ABCDEFGH2345"));

    [Fact]
    public void The_QR_code_is_an_SVG_data_URI()
    {
        var uri = Kezek.Workflows.Documents.DocumentWriter.QrDataUri("/verify/ABCDEFGH2345");
        Assert.StartsWith("data:image/svg+xml;base64,", uri, StringComparison.Ordinal);
        Assert.Contains("<svg", System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(uri["data:image/svg+xml;base64,".Length..])), StringComparison.Ordinal);
    }
}
