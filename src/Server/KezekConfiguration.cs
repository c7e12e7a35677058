namespace Kezek.Server;

/// <summary>Configuration keys of the host itself (the others belong to their projects' option classes).</summary>
public static class KezekConfiguration
{
    /// <summary><c>Kezek:DataPath</c>: the folder of the SQLite file and, in Development, the demo keys; relative to the content root.</summary>
    public const string DataPath = "Kezek:DataPath";

    /// <summary><c>Kezek:Demo:Seed</c>: fill an empty database with demo data (Development).</summary>
    public const string DemoSeed = "Kezek:Demo:Seed";

    public static string ResolveDataPath(IConfiguration configuration, IHostEnvironment environment) =>
        Path.GetFullPath(configuration[DataPath] is { Length: > 0 } path ? path : "data", environment.ContentRootPath);
}
