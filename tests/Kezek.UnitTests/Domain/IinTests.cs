using Kezek.Core.Iins;
using Kezek.Core.Results;

namespace Kezek.UnitTests.Domain;

public sealed class IinTests
{
    [Theory]
    [InlineData("900514410214", 1990, 5, 14, Sex.Female)]
    [InlineData("881102320340", 1988, 11, 2, Sex.Male)]
    [InlineData("220315670018", 2022, 3, 15, Sex.Female)]
    [InlineData("230701571020", 2023, 7, 1, Sex.Male)]
    public void A_valid_IIN_gives_its_birth_date_and_sex(string value, int year, int month, int day, Sex sex)
    {
        var iin = Iin.Parse(value);

        Assert.True(iin.IsSuccess);
        Assert.Equal(new DateOnly(year, month, day), iin.Value.BirthDate);
        Assert.Equal(sex, iin.Value.Sex);
    }

    [Theory]
    [InlineData("900514410215")] // wrong check digit
    [InlineData("901314410214")] // month 13
    [InlineData("900230410214")] // 30 February
    [InlineData("900514010214")] // century digit 0
    [InlineData("90051441021")] // eleven digits
    [InlineData("9005144102140")] // thirteen digits
    [InlineData("90051441021a")]
    [InlineData("")]
    [InlineData(null)]
    public void An_invalid_IIN_is_refused_with_its_code(string? value)
    {
        var iin = Iin.Parse(value);

        Assert.False(iin.IsSuccess);
        Assert.Equal(ErrorCodes.InvalidIin, iin.Error!.Code);
    }

    [Fact]
    public void The_second_weights_decide_when_the_first_sum_gives_ten()
    {
        // 11 digits whose first weighted sum is 10 mod 11: the check digit comes from weights 3..11,1,2.
        var found = 0;
        for (var serial = 0; serial < 2000 && found < 3; serial++)
        {
            var first11 = $"9005144{serial:D4}";
            var digits = first11.Select(c => c - '0').ToArray();
            var firstSum = digits.Select((d, i) => d * (i + 1)).Sum() % 11;
            if (firstSum != 10)
                continue;
            var weights = new[] { 3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2 };
            var second = digits.Select((d, i) => d * weights[i]).Sum() % 11;
            var check = Iin.CheckDigit(digits);
            if (second == 10)
            {
                Assert.Null(check);
            }
            else
            {
                Assert.Equal(second, check);
                Assert.True(Iin.Parse(first11 + second).IsSuccess);
            }

            found++;
        }

        Assert.Equal(3, found);
    }

    [Fact]
    public void Created_IINs_pass_every_rule()
    {
        for (var i = 0; i < 200; i++)
        {
            var birth = new DateOnly(2019, 1, 1).AddDays(i * 11);
            var iin = Iin.Create(birth, i % 2 == 0 ? Sex.Male : Sex.Female, i);
            Assert.Equal(birth, iin.BirthDate);
            Assert.True(Iin.Parse(iin.Value).IsSuccess);
        }
    }

    [Fact]
    public void A_certificate_IIN_is_taken_as_it_is_and_printed_masked()
    {
        var iin = Iin.FromTrustedSource("123456789011");

        Assert.Equal("123456789011", iin.Value);
        Assert.Null(iin.BirthDate);
        Assert.Equal("123456******", iin.ToString());
    }
}
