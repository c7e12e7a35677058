namespace Kezek.Identity.Demo;

/// <summary>
/// The keys of the <c>standIn</c> section of the word catalogs: the words of the Development NCALayer stand-in's
/// picker page, and who each demo key holder is (<c>who.&lt;key file&gt;</c>).
/// </summary>
public static class StandInWords
{
    public const string Title = "Title";
    public const string Notice = "Notice";
    public const string Waiting = "Waiting";
    public const string Document = "Document";
    public const string Login = "Login";
    public const string KeyInfo = "KeyInfo";
    public const string Key = "Key";
    public const string KeyAuthentication = "KeyAuthentication";
    public const string KeySignature = "KeySignature";
    public const string Fields = "Fields";
    public const string Expires = "Expires";
    public const string Choose = "Choose";
    public const string Cancel = "Cancel";
    public const string Done = "Done";
    public const string Canceled = "Canceled";
    public const string Gone = "Gone";
    public const string Language = "Language";

    /// <summary>The demo key files (as <c>DemoPeople.KeyHolders</c> names them) whose holders the catalogs describe.</summary>
    public static readonly IReadOnlyList<string> KeyFiles = ["mother", "father", "stranger", "administrator", "operator", "staff", "officer"];

    /// <summary>Who the holder of a demo key file is.</summary>
    public static string Who(string keyFile) => "who." + keyFile;
}
