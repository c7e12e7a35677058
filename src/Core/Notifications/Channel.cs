namespace Kezek.Core.Notifications;

/// <summary>How a message reaches a family: by e-mail, by SMS, or in the cabinet of the portal. Stored and written in rules by its code.</summary>
public readonly record struct Channel
{
    public static readonly Channel Email = new("email");
    public static readonly Channel Sms = new("sms");
    public static readonly Channel Cabinet = new("cabinet");

    public static IReadOnlyList<Channel> All { get; } = [Email, Sms, Cabinet];

    private readonly string? _code;

    private Channel(string code) => _code = code;

    /// <summary>"email", "sms" or "cabinet".</summary>
    public string Code => _code ?? "";

    public static bool TryParse(string? code, out Channel channel)
    {
        channel = All.FirstOrDefault(c => c.Code == code);
        return channel.Code.Length > 0;
    }

    /// <summary>A code that was checked before (a stored row, a validated rule set).</summary>
    public static Channel Parse(string code) =>
        TryParse(code, out var channel) ? channel : throw new FormatException($"\"{code}\" is not a notification channel.");

    public override string ToString() => Code;
}
