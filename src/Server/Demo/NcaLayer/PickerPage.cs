using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Kezek.Core.Regions;
using Kezek.Core.Words;
using Kezek.Identity.Demo;

namespace Kezek.Server.Demo.NcaLayer;

/// <summary>
/// The stand-in's picker: a small server-rendered page that shows the oldest waiting request (what is signed, with
/// which key) and one button per demo person, plus Cancel. It works without script; a short script polls
/// <c>/dev/ncalayer/pending</c> and reloads when the request to show changes, and the page that says it is done
/// closes itself.
/// </summary>
public static class PickerPage
{
    public const string CancelValue = "cancel";

    /// <summary><c>?lang=</c>, else the browser's first language Kezek has, else Russian.</summary>
    public static Language LanguageOf(HttpRequest request)
    {
        if (Language.TryParse(request.Query["lang"], out var asked))
            return asked;
        foreach (var value in request.GetTypedHeaders().AcceptLanguage.OrderByDescending(l => l.Quality ?? 1))
        {
            if (Language.TryParse(value.Value.Value?.Split('-')[0], out var accepted))
                return accepted;
        }

        return Language.Ru;
    }

    public static string Render(IWordCatalog words, Language language, PendingRequest? request)
    {
        string W(string key) => Encode(words.Find(WordSection.StandIn, key, language) ?? key);
        var body = new StringBuilder();
        if (request is null)
        {
            body.Append(CultureInfo.InvariantCulture, $"<p role=\"status\" aria-live=\"polite\">{W(StandInWords.Waiting)}</p>");
        }
        else
        {
            var document = request.Kind == StandInRequestKind.GetKeyInfo ? W(StandInWords.KeyInfo)
                : request.Document?.Kind == "login" ? W(StandInWords.Login)
                : request.Document?.Name is { } name ? $"<code>{Encode(name)}</code>" : "XML";
            var key = W(request.KeyType == PendingRequest.Authentication ? StandInWords.KeyAuthentication : StandInWords.KeySignature);
            var expires = TimeZoneInfo.ConvertTime(request.ExpiresAt, KazakhstanTime.Zone).ToString("HH:mm:ss", CultureInfo.InvariantCulture);
            body.Append(CultureInfo.InvariantCulture, $"""
                <dl>
                  <dt>{W(StandInWords.Document)}</dt><dd id="document">{document}</dd>
                  <dt>{W(StandInWords.Key)}</dt><dd id="key">{key}</dd>
                  <dt>{W(StandInWords.Expires)}</dt><dd><time datetime="{request.ExpiresAt:O}">{expires}</time></dd>
                </dl>
                """);
            if (request.Document is { Fields.Count: > 0 } action)
            {
                body.Append(CultureInfo.InvariantCulture, $"<details><summary>{W(StandInWords.Fields)}</summary><dl class=\"fields\">");
                foreach (var field in action.Fields)
                    body.Append(CultureInfo.InvariantCulture, $"<dt>{Encode(field.Path)}</dt><dd>{Encode(field.Value)}</dd>");
                body.Append("</dl></details>");
            }

            body.Append(CultureInfo.InvariantCulture,
                $"<form method=\"post\" action=\"{NcaLayerStandIn.PickerPath}/{request.Id}?lang={language.Code}\"><fieldset><legend>{W(StandInWords.Choose)}</legend>");
            var first = true;
            foreach (var (file, person, _) in DemoPeople.KeyHolders)
            {
                body.Append(CultureInfo.InvariantCulture,
                    $"<button type=\"submit\" name=\"person\" value=\"{file}\"{(first ? " autofocus" : "")}><span class=\"name\">{Encode(person.FullName)}</span> <span class=\"who\">{W(StandInWords.Who(file))}</span></button>");
                first = false;
            }

            body.Append(CultureInfo.InvariantCulture,
                $"</fieldset><button type=\"submit\" name=\"person\" value=\"{CancelValue}\" class=\"cancel\">{W(StandInWords.Cancel)}</button></form>");
        }

        var script = $$"""
            <script>
            const shown = {{(request is null ? "null" : $"\"{request.Id}\"")}};
            setInterval(async () => {
              try {
                const answer = await fetch('{{NcaLayerStandIn.PendingPath}}', { cache: 'no-store' });
                const ids = (await answer.json()).requests.map(r => r.id);
                if (shown === null ? ids.length > 0 : !ids.includes(shown)) location.replace(location.pathname + location.search.replace(/([?&])id=[^&]*&?/, '$1'));
              } catch { /* the server restarts: try again */ }
            }, 1000);
            </script>
            """;
        return Page(words, language, body.ToString(), script);
    }

    /// <summary>The page after a choice: says what happened and closes itself when the request was answered.</summary>
    public static string Done(IWordCatalog words, Language language, string messageKey, bool close) =>
        Page(words, language,
            $"<p role=\"status\">{Encode(words.Find(WordSection.StandIn, messageKey, language) ?? messageKey)}</p>",
            close ? "<script>setTimeout(() => window.close(), 800);</script>" : "");

    private static string Page(IWordCatalog words, Language language, string body, string script)
    {
        string W(string key) => Encode(words.Find(WordSection.StandIn, key, language) ?? key);
        var languages = string.Join(" ", Language.OfReaders.Select(other => other == language
            ? $"<a aria-current=\"true\">{other.Code}</a>"
            : $"<a href=\"{NcaLayerStandIn.PickerPath}?lang={other.Code}\" lang=\"{other.Code}\">{other.Code}</a>"));
        return $$"""
            <!doctype html>
            <html lang="{{language.Code}}">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{W(StandInWords.Title)}}</title>
            <style>
              body { font: 16px/1.4 system-ui, sans-serif; margin: 0 auto; padding: 12px; max-width: 32rem; color: #1a1a1a; }
              h1 { font-size: 1.25rem; margin: 0 0 4px; }
              .notice { color: #8a4b00; margin: 0 0 12px; font-size: .9rem; }
              nav { float: right; } nav a { margin-left: 6px; }
              dl { display: grid; grid-template-columns: auto 1fr; gap: 4px 12px; margin: 12px 0; } dt { font-weight: 600; } dd { margin: 0; overflow-wrap: anywhere; }
              fieldset { border: 1px solid #ccc; border-radius: 8px; padding: 8px; margin: 12px 0; display: grid; gap: 8px; }
              button { font: inherit; min-height: 44px; width: 100%; text-align: left; padding: 8px 12px; border: 1px solid #0b5cad; border-radius: 6px; background: #f3f8fd; cursor: pointer; }
              button .name { display: block; font-weight: 600; } button .who { display: block; font-size: .875rem; color: #444; }
              button.cancel { border-color: #a33; background: #fff5f5; text-align: center; }
              button:focus-visible, a:focus-visible, summary:focus-visible { outline: 3px solid #ffbf47; outline-offset: 2px; }
            </style>
            </head>
            <body>
            <nav aria-label="{{W(StandInWords.Language)}}">{{languages}}</nav>
            <h1>{{W(StandInWords.Title)}}</h1>
            <p class="notice">{{W(StandInWords.Notice)}}</p>
            <main>
            {{body}}
            </main>
            {{script}}
            </body>
            </html>
            """;
    }

    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private static string Encode(string text) => Encoder.Encode(text);
}
