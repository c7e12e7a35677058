using Kezek.Core.Iins;
using Kezek.Core.Results;

namespace Kezek.Core.Regions;

/// <summary>
/// Business identification number (БИН) of an organisation: twelve digits whose last is a check digit computed exactly
/// as an IIN's (<see cref="Iin.CheckDigit"/>). Typed-in and imported numbers go through <see cref="Parse"/>.
/// </summary>
public sealed record Bin
{
    private Bin(string value) => Value = value;

    public string Value { get; }

    public static Result<Bin> Parse(string? text)
    {
        var value = text?.Trim() ?? "";
        if (value.Length != 12 || !value.All(char.IsAsciiDigit))
            return Error.Of(ErrorCodes.InvalidBin, ("bin", value.Length > 20 ? value[..20] : value));
        var digits = value.Select(c => c - '0').ToArray();
        if (Iin.CheckDigit(digits) is not { } check || check != digits[11])
            return Error.Of(ErrorCodes.InvalidBin, ("bin", value));
        return new Bin(value);
    }

    public override string ToString() => Value;
}
