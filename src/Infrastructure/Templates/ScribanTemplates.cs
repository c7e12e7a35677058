using System.Collections.Concurrent;
using Kezek.Core.Documents;
using Kezek.Core.Notifications;
using Kezek.Core.Words;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban;

namespace Kezek.Infrastructure.Templates;

/// <summary>
/// The templates of <c>templates/</c> with Scriban, safely: every file is parsed at start (a broken template stops
/// the server, not a message), paths outside the folder are refused, every value is HTML-escaped for
/// <c>.sbn-html</c>, an unknown variable is an error, and loops, recursion and output are limited.
/// A notification is two files: <c>&lt;event&gt;.&lt;lang&gt;.sbn</c> captures <c>subject</c> and <c>sms</c>;
/// <c>&lt;event&gt;.&lt;lang&gt;.sbn-html</c> is the e-mail body.
/// </summary>
public sealed class ScribanTemplates : INotificationRenderer, IDocumentRenderer, ITemplateLoader
{
    public const int MaxSmsLength = 140;

    private readonly string _root;
    private readonly ConcurrentDictionary<string, Template> _parsed = new(StringComparer.Ordinal);

    public ScribanTemplates(string root)
    {
        _root = Path.GetFullPath(root) + Path.DirectorySeparatorChar;
        foreach (var file in Directory.EnumerateFiles(_root, "*.sbn*", SearchOption.AllDirectories))
            Get(Path.GetRelativePath(_root, file).Replace(Path.DirectorySeparatorChar, '/'));
    }

    /// <summary>Every template file, relative to the folder (for the tests).</summary>
    public IReadOnlyCollection<string> Names => _parsed.Keys.ToList();

    public RenderedNotification Render(string template, Language language, IReadOnlyDictionary<string, string?> values)
    {
        var plain = Globals(values, html: false);
        Run(Get($"notifications/{template}.{language}.sbn"), plain);
        var html = Run(Get($"notifications/{template}.{language}.sbn-html"), Globals(values, html: true));
        var sms = (plain["sms"]?.ToString() ?? "").Trim();
        if (sms.Length > MaxSmsLength)
            throw new InvalidOperationException($"notifications/{template}.{language}.sbn: the SMS is {sms.Length} characters, more than {MaxSmsLength}.");
        return new RenderedNotification((plain["subject"]?.ToString() ?? "").Trim(), html, sms);
    }

    public string Render(DocumentKind kind, Language language, IReadOnlyDictionary<string, string?> facts) =>
        Run(Get($"documents/{KebabCase(kind.ToString())}.{language}.sbn-html"), Globals(facts, html: true));

    private static string KebabCase(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    public IReadOnlyList<string> Events =>
        [.. _parsed.Keys.Where(k => k.StartsWith("notifications/", StringComparison.Ordinal) && k.EndsWith(".sbn", StringComparison.Ordinal))
            .Select(k => k["notifications/".Length..].Split('.')[0]).Distinct().Where(Has).Order(StringComparer.Ordinal)];

    public bool Has(string template) =>
        Language.OfMessages.All(language => _parsed.ContainsKey($"notifications/{template}.{language}.sbn")
                                             && _parsed.ContainsKey($"notifications/{template}.{language}.sbn-html"));

    private Template Get(string name) => _parsed.GetOrAdd(name, key =>
    {
        var template = Template.Parse(File.ReadAllText(Resolve(key)), key);
        return template.HasErrors
            ? throw new InvalidOperationException($"Template {key} does not parse: {string.Join("; ", template.Messages)}")
            : template;
    });

    private string Run(Template template, ScriptObject globals)
    {
        var context = new TemplateContext
        {
            StrictVariables = true,
            LoopLimit = 1_000,
            RecursiveLimit = 20,
            LimitToString = 100_000,
            TemplateLoader = this,
        };
        context.PushGlobal(globals);
        return template.Render(context);
    }

    private static ScriptObject Globals(IReadOnlyDictionary<string, string?> values, bool html)
    {
        var globals = new ScriptObject();
        foreach (var (name, value) in values)
            globals[name] = html ? Escape(value ?? "") : value ?? "";
        return globals;
    }

    /// <summary>The five characters that matter in HTML text and attributes; every other letter («», Kazakh) stays as it is.</summary>
    public static string Escape(string value) =>
        value.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal)
            .Replace("\"", "&quot;", StringComparison.Ordinal).Replace("'", "&#39;", StringComparison.Ordinal);

    /// <summary>A path inside the templates folder, or refused.</summary>
    private string Resolve(string name)
    {
        var full = Path.GetFullPath(Path.Combine(_root, name));
        if (!full.StartsWith(_root, StringComparison.Ordinal))
            throw new InvalidOperationException($"Template {name} is outside the templates folder: refused.");
        return File.Exists(full) ? full : throw new InvalidOperationException($"No template {name} in the templates folder.");
    }

    string ITemplateLoader.GetPath(TemplateContext context, SourceSpan callerSpan, string templateName) => Resolve(templateName);

    string ITemplateLoader.Load(TemplateContext context, SourceSpan callerSpan, string templatePath) => File.ReadAllText(templatePath);

    ValueTask<string?> ITemplateLoader.LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        new((string?)File.ReadAllText(templatePath));
}
