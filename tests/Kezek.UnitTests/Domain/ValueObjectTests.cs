using Kezek.Core.Applications;
using Kezek.Core.Iins;
using Kezek.Core.People;
using Kezek.Core.Results;

namespace Kezek.UnitTests.Domain;

public sealed class ValueObjectTests
{
    [Fact]
    public void An_application_number_round_trips()
    {
        var number = ApplicationNumber.Parse("UO.2018.000027.1");

        Assert.True(number.IsSuccess);
        Assert.Equal(new ApplicationNumber("UO", 2018, 27, 1), number.Value);
        Assert.Equal("UO.2018.000027.1", number.Value.ToString());
    }

    [Theory]
    [InlineData("UO.2018.27.1")]
    [InlineData("uo.2018.000027.1")]
    [InlineData("UO.2018.000027.0")]
    [InlineData("UO-2018-000027-1")]
    [InlineData("")]
    public void A_malformed_application_number_is_refused(string text) =>
        Assert.Equal(ErrorCodes.InvalidApplicationNumber, ApplicationNumber.Parse(text).Error?.Code);

    [Fact]
    public void A_child_whose_birth_date_disagrees_with_the_IIN_is_refused()
    {
        var iin = Iin.Parse("220315670018").Value;

        Assert.True(Child.Create(iin, "АХМЕТОВА ӘЛИЯ", new DateOnly(2022, 3, 15)).IsSuccess);
        Assert.Equal(ErrorCodes.BirthDateMismatch, Child.Create(iin, "АХМЕТОВА ӘЛИЯ", new DateOnly(2022, 3, 16)).Error?.Code);
    }

    [Theory]
    [InlineData(84, "2026-03-14", true)]
    [InlineData(84, "2029-03-14", true)]
    [InlineData(84, "2029-03-15", false)]
    [InlineData(72, "2028-03-14", true)]
    [InlineData(72, "2028-03-15", false)]
    [InlineData(84, "2022-03-14", false)]
    public void A_child_queues_from_birth_until_the_regions_oldest_age(int maxAgeMonths, string today, bool mayQueue)
    {
        var child = Child.Create(Iin.Parse("220315670018").Value, "АХМЕТОВА ӘЛИЯ", new DateOnly(2022, 3, 15)).Value;

        Assert.Equal(mayQueue, child.MayQueueOn(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), maxAgeMonths));
    }

    [Theory]
    [InlineData(84, 2019)]
    [InlineData(72, 2020)]
    [InlineData(90, 2019)]
    public void The_oldest_group_year_follows_the_regions_oldest_age(int maxAgeMonths, int oldest) =>
        Assert.Equal(oldest, Child.OldestGroupYear(new DateOnly(2026, 9, 1), maxAgeMonths));

    [Theory]
    [InlineData("+7 701 123 45 67", "+77011234567")]
    [InlineData("87011234567", "+77011234567")]
    [InlineData("7011234567", "+77011234567")]
    [InlineData("+7 (701) 123-45-67", "+77011234567")]
    [InlineData("+7701123456", null)]
    [InlineData("+77011234567", "+77011234567")]
    [InlineData("+87011234567", null)]
    [InlineData("12345", null)]
    [InlineData("+7 301 123 45 67", null)]
    public void Phones_are_normalised_or_refused(string phone, string? expected) =>
        Assert.Equal(expected, Applicant.NormalizePhone(phone));

    [Theory]
    [InlineData("aigerim@example.kz", true)]
    [InlineData("a.b+c@mail.kz", true)]
    [InlineData("no-at-sign", false)]
    [InlineData("two@@example.kz", false)]
    [InlineData("Name <a@b.kz>", false)]
    public void E_mails_are_checked(string email, bool valid) => Assert.Equal(valid, Applicant.IsEmail(email));

    [Fact]
    public void Public_names_show_first_letters_only() =>
        Assert.Equal("А*** Ә*** Д***", PersonName.Mask(" АХМЕТОВА  ӘЛИЯ ДӘУРЕНҚЫЗЫ "));

    [Fact]
    public void Names_are_searched_in_one_case_whatever_the_database() =>
        Assert.Equal("АХМЕТОВА ӘЛИЯ", PersonName.Normalize("  ахметова   әлия "));

    [Fact]
    public void Group_years_outside_the_service_range_are_refused()
    {
        Assert.True(GroupYear.Of(2022).IsSuccess);
        Assert.Equal(ErrorCodes.InvalidGroupYear, GroupYear.Of(1999).Error?.Code);
    }
}

public sealed class PersonalDataTests
{
    [Fact]
    public void Twelve_digit_runs_are_masked_in_text_for_logs() =>
        Assert.Equal("duplicate key (almaty, 220315******); order 1234567890123 kept",
            Kezek.Core.People.PersonalData.Redact("duplicate key (almaty, 220315670018); order 1234567890123 kept"));
}
