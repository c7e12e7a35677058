namespace Kezek.Server.Hosting;

/// <summary>
/// Secrets from files, as containers mount them: any configuration key within a section ending in <c>_FILE</c> names a file whose content (less a
/// trailing line break) becomes the value of the key without the suffix — <c>Kezek__Database__ConnectionString_FILE=/run/secrets/db</c>
/// sets <c>Kezek:Database:ConnectionString</c>. Added after the other sources, so the file wins over a value given beside it.
/// </summary>
public static class SecretFiles
{
    public const string Suffix = "_FILE";

    /// <summary>Where the files that could not be read are listed, for <see cref="ConfigurationChecks"/> to refuse the start.</summary>
    public const string FailuresSection = "Kezek:SecretFiles:Unreadable";

    /// <summary>Reads the <c>*_FILE</c> keys of the sources added so far.</summary>
    public static IConfigurationBuilder AddSecretFiles(this IConfigurationBuilder configuration) =>
        configuration.Add(new Source(configuration is IConfiguration built ? built : configuration.Build()));

    /// <summary>The values the <c>*_FILE</c> keys of <paramref name="configuration"/> give.</summary>
    public static Dictionary<string, string?> Read(IConfiguration configuration)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var failures = 0;
        foreach (var (key, path) in configuration.AsEnumerable())
        {
            // Only keys within a section (Kezek__…, ConnectionStrings__…): the machine's own variables (TF_CLI_CONFIG_FILE…) are not Kezek's.
            if (!key.EndsWith(Suffix, StringComparison.OrdinalIgnoreCase) || !key.Contains(':', StringComparison.Ordinal) || string.IsNullOrWhiteSpace(path))
                continue;
            string content;
            try
            {
                content = File.ReadAllText(path);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // Reported with the other configuration checks, in their one line (ConfigurationChecks), before anything starts.
                values[$"{FailuresSection}:{failures++}"] = $"{key} names a secret file that cannot be read ({path}: {exception.GetType().Name})";
                continue;
            }

            values[key[..^Suffix.Length]] = content.EndsWith("\r\n", StringComparison.Ordinal) ? content[..^2]
                : content.EndsWith('\n') ? content[..^1] : content;
        }

        return values;
    }

    private sealed class Source(IConfiguration others) : IConfigurationSource
    {
        public IConfigurationProvider Build(IConfigurationBuilder builder) => new Provider(others);
    }

    private sealed class Provider(IConfiguration others) : ConfigurationProvider
    {
        public override void Load() => Data = Read(others);
    }
}
