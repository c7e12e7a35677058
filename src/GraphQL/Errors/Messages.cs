using Kezek.Core.Applications;
using Kezek.Core.Results;

namespace Kezek.GraphQL.Errors;

/// <summary>The text of every error code in Russian, Kazakh and English. A test checks that none is missing.</summary>
public static class Messages
{
    public static readonly IReadOnlyDictionary<string, (string Ru, string Kk, string En)> ByCode =
        new Dictionary<string, (string, string, string)>
        {
            [ErrorCodes.InvalidIin] = ("ИИН указан неверно: 12 цифр, дата рождения и контрольная цифра должны быть верны.",
                "ЖСН қате көрсетілген: 12 сан, туған күні мен бақылау саны дұрыс болуы керек.",
                "The IIN is not valid: 12 digits with a correct birth date and check digit."),
            [ErrorCodes.InvalidApplicationNumber] = ("Номер заявления указан неверно (пример: UO.2026.000001.1).",
                "Өтініш нөмірі қате көрсетілген (мысалы: UO.2026.000001.1).",
                "The application number is not valid (example: UO.2026.000001.1)."),
            [ErrorCodes.InvalidGroupYear] = ("Год группы указан неверно.", "Топ жылы қате көрсетілген.", "The group year is not valid."),
            [ErrorCodes.InvalidEmail] = ("Адрес электронной почты указан неверно.", "Электрондық пошта мекенжайы қате көрсетілген.",
                "The e-mail address is not valid."),
            [ErrorCodes.InvalidPhone] = ("Номер телефона указан неверно: нужен мобильный номер Казахстана, например +7 701 123 45 67.",
                "Телефон нөмірі қате көрсетілген: Қазақстанның ұялы нөмірі қажет, мысалы +7 701 123 45 67.",
                "The phone number is not valid: a Kazakhstan mobile number is needed, e.g. +7 701 123 45 67."),
            [ErrorCodes.InvalidInput] = ("Неверное значение поля «{field}».", "«{field}» өрісінің мәні қате.", "The value of \"{field}\" is not valid."),
            [ErrorCodes.InvalidCursor] = ("Неверный курсор страницы.", "Бет курсоры қате.", "The page cursor is not valid."),
            [ErrorCodes.BirthDateMismatch] = ("Дата рождения ребёнка не совпадает с ИИН.", "Баланың туған күні ЖСН-мен сәйкес келмейді.",
                "The child's birth date does not agree with the IIN."),
            [ErrorCodes.UnknownRegion] = ("Регион «{region}» не найден.", "«{region}» өңірі табылмады.", "Region \"{region}\" was not found."),
            [ErrorCodes.ChildNotFound] = ("Ребёнок с таким ИИН не найден в реестре гражданского состояния.",
                "Мұндай ЖСН бар бала азаматтық хал актілері тізілімінде табылмады.",
                "No child with this IIN was found in the civil registry."),
            [ErrorCodes.ChildAgeOutOfRange] = ("Ребёнка этого возраста нельзя поставить в очередь в детский сад.",
                "Бұл жастағы баланы балабақша кезегіне қоюға болмайды.",
                "A child of this age cannot be put in the kindergarten queue."),
            [ErrorCodes.IndividualCertificateRequired] = ("Действие родителя подписывается личным ключом ЭЦП физического лица, а не ключом организации.",
                "Ата-ананың әрекетіне ұйымның емес, жеке тұлғаның ЭЦҚ кілтімен қол қойылады.",
                "A parent's action is signed with a personal (individual) key, not an organisation's key."),
            [ErrorCodes.UnknownKindergarten] = ("Детский сад с БИН {bin} не найден.", "БСН {bin} балабақшасы табылмады.",
                "No kindergarten with BIN {bin} was found."),
            [ErrorCodes.NotLegalRepresentative] = ("Родство не подтвердилось: вы не указаны законным представителем ребёнка.",
                "Туыстық расталмады: сіз баланың заңды өкілі ретінде көрсетілмегенсіз.",
                "Kinship was not confirmed: you are not registered as the child's legal representative."),
            [ErrorCodes.DuplicateApplication] = ("Ребёнок уже стоит в очереди этого региона.", "Бала осы өңірдің кезегінде тұр.",
                "The child is already in this region's queue."),
            [ErrorCodes.ApplicationNotFound] = ("Заявление не найдено.", "Өтініш табылмады.", "The application was not found."),
            [ErrorCodes.AlreadyAttached] = ("Заявление {number} уже привязано к вашему ИИН.", "{number} өтініші сіздің ЖСН-ге бұрын тіркелген.",
                "Application {number} is already attached to your IIN."),
            [ErrorCodes.SearchCriteriaRequired] = ("Укажите условия поиска: {fields}.", "Іздеу шарттарын көрсетіңіз: {fields}.",
                "Give the search criteria: {fields}."),
            [ErrorCodes.CivilRegistryImportInvalid] = ("Файл не загружен: ошибка в строке {line}, поле «{field}». Ни одна запись не изменена.",
                "Файл жүктелмеді: {line}-жолда, «{field}» өрісінде қате. Бірде-бір жазба өзгертілмеді.",
                "The file was not loaded: line {line}, field \"{field}\" is wrong. No record was changed."),
            [ErrorCodes.Unauthenticated] = ("Войдите в систему с помощью ЭЦП.", "ЭЦҚ арқылы жүйеге кіріңіз.", "Sign in with your digital signature."),
            [ErrorCodes.Forbidden] = ("Недостаточно прав для этого действия.", "Бұл әрекетке құқығыңыз жеткіліксіз.",
                "You are not allowed to do this."),
            [ErrorCodes.SignatureInvalid] = ("Подпись недействительна.", "Қолтаңба жарамсыз.", "The signature is not valid."),
            [ErrorCodes.CertificateUntrusted] = ("Сертификат выдан не доверенным удостоверяющим центром.",
                "Сертификатты сенімді куәландырушы орталық бермеген.",
                "The certificate was not issued by a trusted certification authority."),
            [ErrorCodes.CertificateExpired] = ("Срок действия сертификата истёк или ещё не начался.",
                "Сертификаттың қолданылу мерзімі өтіп кеткен немесе әлі басталмаған.",
                "The certificate has expired or is not valid yet."),
            [ErrorCodes.CertificateKeyUsage] = ("Ключ не подходит: для входа нужен ключ AUTH, для подписания — ключ RSA (SIGN).",
                "Кілт сәйкес емес: кіру үшін AUTH кілті, қол қою үшін RSA (SIGN) кілті қажет.",
                "Wrong key: sign in with the AUTH key and sign actions with the SIGN key."),
            [ErrorCodes.NonceInvalid] = ("Одноразовый код недействителен, устарел или уже использован. Запросите новый и подпишите ещё раз.",
                "Бір реттік код жарамсыз, ескірген немесе қолданылған. Жаңасын сұрап, қайта қол қойыңыз.",
                "The one-time code is invalid, expired or used. Request a new one and sign again."),
            [ErrorCodes.SignerMismatch] = ("Документ подписан не тем человеком, который вошёл в систему.",
                "Құжатқа жүйеге кірген адам емес, басқа адам қол қойған.",
                "The document was signed by someone other than the signed-in person."),
            [ErrorCodes.ActionMismatch] = ("Подписанный документ не совпадает с действием «{expected}» и его данными.",
                "Қол қойылған құжат «{expected}» әрекетіне және оның деректеріне сәйкес келмейді.",
                "The signed document does not match the action \"{expected}\" and its data."),
            [ErrorCodes.RoleScopeInvalid] = ("Для роли {role} указана неверная область (регион или БИН).",
                "{role} рөлі үшін аумақ (өңір немесе БСН) қате көрсетілген.",
                "The scope (region or BIN) given for role {role} is not valid."),
            [ErrorCodes.RuleSetInvalid] = ("Набор правил не принят: ошибок — {count}, первая: {first}.",
                "Ережелер жинағы қабылданбады: қателер саны — {count}, біріншісі: {first}.",
                "The rule set was not accepted: {count} problem(s), the first: {first}."),
            [ErrorCodes.WorkflowInvalid] = ("Описание процесса не принято: ошибок — {count}, первая: {first}.",
                "Үдеріс сипаттамасы қабылданбады: қателер саны — {count}, біріншісі: {first}.",
                "The workflow was not accepted: {count} problem(s), the first: {first}."),
            [ErrorCodes.PlaceNotFound] = ("Место не найдено в этом регионе.", "Бұл өңірде орын табылмады.", "The place was not found in this region."),
            [ErrorCodes.PlaceGroupMismatch] = ("Место предназначено для другой возрастной группы: выберите место для детей {groupYear} года рождения.",
                "Орын басқа жас тобына арналған: {groupYear} жылы туған балаларға арналған орынды таңдаңыз.",
                "The place is for another age group: choose a place for children born in {groupYear}."),
            [ErrorCodes.NoFreePlace] = ("Свободных мест в этом детском саду для этой группы больше нет. Выберите другой детский сад.",
                "Бұл балабақшада осы топқа бос орын қалмады. Басқа балабақшаны таңдаңыз.",
                "There are no free places left in this kindergarten for this group. Choose another kindergarten."),
            [ErrorCodes.LanguageNotTaught] = ("В этом детском саду нет обучения на языке «{language}».",
                "Бұл балабақшада «{language}» тілінде оқыту жоқ.",
                "This kindergarten does not teach in \"{language}\"."),
            [ErrorCodes.DirectionNotFound] = ("Направление не найдено.", "Жолдама табылмады.", "The direction was not found."),
            [ErrorCodes.ReasonRequired] = ("Укажите причину.", "Себебін көрсетіңіз.", "Give the reason."),
            [ErrorCodes.ExtensionTooLong] = ("Продлить направление можно не позднее чем до {latest}.",
                "Жолдаманы ең кешінде {latest} дейін ұзартуға болады.",
                "The direction can be extended to {latest} at the latest."),
            [ErrorCodes.ExtensionNotLater] = ("Новая дата должна быть позже текущего срока действия направления ({expiresAt}).",
                "Жаңа күн жолдаманың қазіргі қолданылу мерзімінен ({expiresAt}) кейін болуы керек.",
                "The new date must be later than the direction's current expiry ({expiresAt})."),
            [ErrorCodes.ActionNotAvailable] = ("Это действие недоступно для заявления в статусе «{status}».",
                "Бұл әрекет «{status}» мәртебесіндегі өтініш үшін қолжетімсіз.",
                "This action is not available for an application with status \"{status}\"."),
            [ErrorCodes.DeadlinePassed] = ("Срок для этого действия истёк.", "Бұл әрекеттің мерзімі өтіп кетті.", "The deadline for this action has passed."),
            [ErrorCodes.ChildAgeNotInGroup] = ("Возраст ребёнка сейчас не подходит для зачисления в группу.",
                "Баланың жасы қазір топқа қабылдауға сәйкес келмейді.",
                "The child's age does not fit the group now."),
            [ErrorCodes.StopListed] = ("Заявление в стоп-листе: получить направление пока нельзя.",
                "Өтініш стоп-парақта: әзірге жолдама алуға болмайды.",
                "The application is on the stop-list: no direction can be received for now."),
            [ErrorCodes.TurnNotCome] = ("Очередь ещё не подошла, и мест для свободного выбора нет.",
                "Кезек әлі келген жоқ, еркін таңдауға орын жоқ.",
                "The turn has not come yet and there are no free-choice places."),
            [ErrorCodes.NoFreePlaces] = ("Свободных мест для этой возрастной группы нет.", "Бұл жас тобына бос орын жоқ.",
                "There are no free places for this age group."),
            [ErrorCodes.RevokeWindowPassed] = ("Отозвать направление можно только в течение установленного срока после выдачи; он истёк.",
                "Жолдаманы берілгеннен кейін белгіленген мерзім ішінде ғана кері қайтаруға болады; ол өтіп кетті.",
                "A direction can be revoked only within the set time after it was issued; that time has passed."),
            [ErrorCodes.ExtensionUsed] = ("Направление уже продлевалось: повторное продление не допускается.",
                "Жолдама бұрын ұзартылған: қайта ұзартуға болмайды.",
                "The direction was already extended: it cannot be extended again."),
            [ErrorCodes.RestoreUsed] = ("Заявление уже восстанавливалось: повторное восстановление не допускается.",
                "Өтініш бұрын қалпына келтірілген: қайта қалпына келтіруге болмайды.",
                "The application was already restored once: it cannot be restored again."),
            [ErrorCodes.ConcurrentChange] = ("Заявление изменилось одновременно с вашим действием. Повторите попытку.",
                "Өтініш сіздің әрекетіңізбен бір мезгілде өзгерді. Қайталап көріңіз.",
                "The application changed at the same time. Please try again."),
            [RequestErrorCodes.DocumentTooLarge] = ("Запрос слишком большой.", "Сұраныс тым үлкен.", "The request is too large."),
            [RequestErrorCodes.MutationOverGet] = ("Изменения принимаются только методом POST.", "Өзгерістер тек POST әдісімен қабылданады.",
                "Mutations are accepted over POST only."),
            [RequestErrorCodes.InvalidValue] = ("Неверное значение в запросе: проверьте формат (даты — ГГГГ-ММ-ДД) и тип полей.",
                "Сұраныстағы мән қате: пішімін (күндер — ЖЖЖЖ-АА-КК) және өріс түрін тексеріңіз.",
                "A value in the request is not valid: check its format (dates are YYYY-MM-DD) and type."),
            [RequestErrorCodes.TooComplex] = ("Запрос слишком сложный или глубокий.", "Сұраныс тым күрделі немесе тым терең.",
                "The request is too complex or too deep."),
            [RequestErrorCodes.OncePerRequest] = ("Поле «{field}» можно запросить только один раз в запросе.",
                "«{field}» өрісін бір сұраныста тек бір рет сұрауға болады.",
                "The field \"{field}\" may be asked for once per request."),
            [RequestErrorCodes.BadRequest] = ("Неверный запрос GraphQL.", "GraphQL сұранысы қате.", "The GraphQL request is not valid."),
            [RequestErrorCodes.Internal] = ("Внутренняя ошибка. Попробуйте позже.", "Ішкі қате. Кейінірек қайталап көріңіз.",
                "Internal error. Please try again later."),
        };

    /// <summary>The statuses as the portals' journal names them (seeds 000–004).</summary>
    public static readonly IReadOnlyDictionary<string, (string Ru, string Kk, string En)> StatusNames =
        new Dictionary<string, (string, string, string)>
        {
            [nameof(ApplicationStatus.Queued)] = ("В очереди", "Кезекте", "In the queue"),
            [nameof(ApplicationStatus.Notified)] = ("Направлено уведомление", "Хабарлама жіберілді", "Notified: the turn has come"),
            [nameof(ApplicationStatus.DirectionIssued)] = ("Принято решение (Выдано направление)", "Шешім қабылданды (Жолдама берілді)", "Direction issued"),
            [nameof(ApplicationStatus.Enrolled)] = ("Зачислен", "Қабылданды", "Enrolled"),
            [nameof(ApplicationStatus.Inactive)] = ("Неактивно", "Белсенді емес", "Inactive"),
            [nameof(ApplicationStatus.Removed)] = ("Снят с очереди", "Кезектен шығарылды", "Removed from the queue"),
            [nameof(ApplicationStatus.Withdrawn)] = ("Снят с очереди по заявлению", "Өтініш бойынша кезектен шығарылды", "Withdrawn at the applicant's request"),
        };

    public static string Format(string code, string language, IReadOnlyDictionary<string, string>? arguments)
    {
        if (!ByCode.TryGetValue(code, out var texts))
            texts = ByCode[RequestErrorCodes.Internal];
        var text = language switch
        {
            "kk" => texts.Kk,
            "en" => texts.En,
            _ => texts.Ru,
        };
        foreach (var (name, value) in arguments ?? new Dictionary<string, string>())
        {
            var shown = name == "status" && StatusNames.TryGetValue(value, out var status)
                ? language switch { "kk" => status.Kk, "en" => status.En, _ => status.Ru }
                : value;
            text = text.Replace("{" + name + "}", shown, StringComparison.Ordinal);
        }
        return text;
    }
}

/// <summary>Codes of errors in the request itself rather than in the domain.</summary>
public static class RequestErrorCodes
{
    public const string DocumentTooLarge = "DOCUMENT_TOO_LARGE";
    public const string MutationOverGet = "MUTATION_OVER_GET";
    public const string BadRequest = "BAD_REQUEST";
    public const string OncePerRequest = "ONCE_PER_REQUEST";
    public const string InvalidValue = "INVALID_VALUE";
    public const string TooComplex = "COMPLEXITY";
    public const string Internal = "INTERNAL";
}
