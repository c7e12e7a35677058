using Kezek.Core.Words;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Kezek.Infrastructure.Persistence.Configurations;

/// <summary>Languages are stored by their code ("ru", "kk"), as they always were.</summary>
public static class LanguageConversion
{
    public static readonly ValueConverter<Language, string> Code = new(language => language.Code, code => Language.Parse(code));
}
