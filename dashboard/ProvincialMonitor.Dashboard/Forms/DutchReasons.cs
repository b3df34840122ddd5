using System.Text.RegularExpressions;
using ProvincialMonitor.Contracts.Commands;

namespace ProvincialMonitor.Dashboard.Forms;

/// <summary>
/// The reasons a user reads, in Dutch: the domain's refusal messages (forbidden, not found, the rules of the aggregates)
/// and the reasons of an import's bad rows (the check without state, then the dispatcher's refusal as <c>kind: message</c>).
/// A message this class does not know is given back as null (<see cref="Detail"/>) or marked as not translated
/// (<see cref="ImportReason"/>), so that no English sentence is shown as if it were Dutch.
/// </summary>
public static partial class DutchReasons
{
    private static readonly (Regex Pattern, Func<Match, string> Dutch)[] Details =
    [
        (Re(@"^You do not act for province (\S+)\.$"), m => $"U handelt niet voor provincie {m.Groups[1].Value}."),
        (Re(@"^You do not act for campaign (\S+)\.$"), m => $"U handelt niet voor campagne {m.Groups[1].Value}."),
        (Re(@"^You do not act for the provinces of project (\S+) \((.*)\)\.$"), m => $"U handelt niet voor de provincies van project {m.Groups[1].Value} ({m.Groups[2].Value})."),
        (Re(@"^You do not act for (\S+), the funding province\.$"), m => $"U handelt niet voor {m.Groups[1].Value}, de financierende provincie."),
        (Re(@"^You do not act for (\S+), the province of cluster (\S+)\.$"), m => $"U handelt niet voor {m.Groups[1].Value}, de provincie van cluster {m.Groups[2].Value}."),
        (Re(@"^You do not act for (.+)\.$"), m => $"U handelt niet voor {m.Groups[1].Value.Replace(" or ", " of ", StringComparison.Ordinal)}."),
        (Re(@"^The role (\S+) may not send (\S+)\.$"), m => $"De rol {m.Groups[1].Value} mag deze actie ({m.Groups[2].Value}) niet registreren."),
        (Re(@"^Only an administrator .*$"), _ => "Alleen een beheerder mag dit."),
        (Re(@"^Only an officer or an administrator changes the members of (\S+)\.$"), m => $"Alleen een ambtenaar of een beheerder wijzigt de leden van {m.Groups[1].Value}."),
        (Re(@"^You are not logged in\.$"), _ => "U bent niet aangemeld."),
        (Re(@"^(Project|Province|Cluster|Market) (\S+) is not registered\.$"), m => $"{Noun(m.Groups[1].Value)} {m.Groups[2].Value} is niet geregistreerd."),
        (Re(@"^Campaign (\S+) is not launched\.$"), m => $"Campagne {m.Groups[1].Value} is niet gelanceerd."),
        (Re(@"^(\S+) is not a Flemish province\.$"), m => $"{m.Groups[1].Value} is geen Vlaamse provincie."),
        (Re(@"^(Project|Province|Cluster|Market) (\S+) is already registered\.$"), m => $"{Noun(m.Groups[1].Value)} {m.Groups[2].Value} is al geregistreerd."),
        (Re(@"^Campaign (\S+) is already launched\.$"), m => $"Campagne {m.Groups[1].Value} is al gelanceerd."),
        (Re(@"^Campaign (\S+) is closed\.$"), m => $"Campagne {m.Groups[1].Value} is afgesloten."),
        (Re(@"^Market (\S+) is closed: its campaign has closed\.$"), m => $"Markt {m.Groups[1].Value} is afgesloten: de campagne is afgesloten."),
        (Re(@"^Grant (\S+) was already granted\.$"), m => $"Toekenning {m.Groups[1].Value} werd al toegekend."),
        (Re(@"^Grant (\S+) was not granted\.$"), m => $"Toekenning {m.Groups[1].Value} werd niet toegekend."),
        (Re(@"^Paying (\S+) on grant (\S+) would pay (\S+) of (\S+) granted\.$"),
            m => $"{Euro(m.Groups[1].Value)} betalen op toekenning {m.Groups[2].Value} zou {Euro(m.Groups[3].Value)} uitbetalen van {Euro(m.Groups[4].Value)} toegekend."),
        (Re(@"^Milestone (.+) was reached already\.$"), m => $"Mijlpaal {m.Groups[1].Value} werd al bereikt."),
        (Re(@"^Decision (\S+) is taken already\.$"), m => $"Beslissing {m.Groups[1].Value} werd al genomen."),
        (Re(@"^Appeal (\S+) is filed already\.$"), m => $"Beroep {m.Groups[1].Value} werd al ingediend."),
        (Re(@"^Appeal (\S+) is decided already\.$"), m => $"Over beroep {m.Groups[1].Value} werd al beslist."),
        (Re(@"^Appeal (\S+) was not filed\.$"), m => $"Beroep {m.Groups[1].Value} werd niet ingediend."),
        (Re(@"^The status moves only forward.*$"), _ => "De status gaat alleen vooruit (gepland → lopend → afgerond of stopgezet)."),
        (Re(@"^Event (\S+) was retracted\.$"), m => $"Gebeurtenis {m.Groups[1].Value} werd ingetrokken."),
        (Re(@"^Event (\S+) is not an event of this stream\.$"), m => $"Gebeurtenis {m.Groups[1].Value} hoort niet bij deze stroom."),
        (Re(@"^Event (\S+) is a correction or retraction.*$"), m => $"Gebeurtenis {m.Groups[1].Value} is zelf een correctie of intrekking."),
        (Re(@"^A registration is corrected, not retracted\.$"), _ => "Een registratie wordt gecorrigeerd, niet ingetrokken."),
        (Re(@"^A status change is not corrected: retract it and record the right status\.$"), _ => "Een statuswijziging wordt niet gecorrigeerd: trek ze in en registreer de juiste status."),
        (Re(@"^Market (\S+) has joined (\S+) already\.$"), m => $"Markt {m.Groups[1].Value} neemt al deel aan {m.Groups[2].Value}."),
        (Re(@"^Municipality (\S+) has not joined (\S+); it joins before its markets\.$"), m => $"Gemeente {m.Groups[1].Value} neemt niet deel aan {m.Groups[2].Value}; ze neemt deel vóór haar markten."),
        (Re(@"^(.+) has joined (\S+) already\.$"), m => $"{m.Groups[1].Value} neemt al deel aan {m.Groups[2].Value}."),
        (Re(@"^(.+) lies in (\S+), which does not take part in (\S+)\.$"), m => $"{m.Groups[1].Value} ligt in {m.Groups[2].Value}, dat niet deelneemt aan {m.Groups[3].Value}."),
        (Re(@"^(\S+) does not take part in (\S+)\.$"), m => $"{m.Groups[1].Value} neemt niet deel aan {m.Groups[2].Value}."),
        (Re(@"^The market day of (\S+) is recorded already\.$"), m => $"De marktdag van {m.Groups[1].Value} is al geregistreerd."),
        (Re(@"^(\S+) is outside the campaign's period \((.+)\)\.$"), m => $"{m.Groups[1].Value} ligt buiten de periode van de campagne ({m.Groups[2].Value})."),
        (Re(@"^The effective date (\S+) is after the campaign's period \((\S+) to (\S+)\)\.$"),
            m => $"De datum van inwerkingtreding {m.Groups[1].Value} ligt na de periode van de campagne ({m.Groups[2].Value} tot {m.Groups[3].Value})."),
        (Re(@"^A target for (\S+) in (\d+) is set already.*$"), m => $"Er is al een doelstelling voor {m.Groups[1].Value} in {m.Groups[2].Value}."),
        (Re(@"^The population of (\d+) is recorded already.*$"), m => $"Het bevolkingscijfer van {m.Groups[1].Value} is al geregistreerd."),
        (Re(@"^Permit (\S+) has an advice already.*$"), m => $"Vergunning {m.Groups[1].Value} heeft al een advies."),
        (Re(@"^The event store is unavailable.*$"), _ => "De opslag is nu niet bereikbaar."),
        (Re(@"^this idempotencyKey was already used for a different row\.$"), _ => "Deze idempotencyKey werd al voor een andere rij gebruikt."),
        (Re(@"^(\S+) has no project with externalRef '([^']*)'\.$"), m => $"{m.Groups[1].Value} heeft geen project met externalRef ‘{m.Groups[2].Value}’."),
        (Re(@"^(\S+) already has a project with externalRef '([^']*)': (\S+)\.$"),
            m => $"{m.Groups[1].Value} heeft al een project met externalRef ‘{m.Groups[2].Value}’: {m.Groups[3].Value}."),
        (Re(@"^The stream is at version (\d+), not (\d+)\.?$"), m => $"De gegevens staan op versie {m.Groups[1].Value}, niet {m.Groups[2].Value}."),
    ];

    /// <summary>The Dutch of a refusal's message (not about one field), or null when it is not known.</summary>
    public static string? Detail(string? message)
    {
        if (string.IsNullOrWhiteSpace(message)) return null;
        foreach (var (pattern, dutch) in Details)
            if (pattern.Match(message.Trim()) is { Success: true } match) return dutch(match);
        return null;
    }

    /// <summary>The Dutch of an import row's reason (README "Bulk import"); <c>Translated</c> is false when a part was not known and is given as it is.</summary>
    public static (string Text, bool Translated) ImportReason(string outcome, string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason)) return ("", true);
        if (reason.StartsWith("not sent: other rows are invalid", StringComparison.Ordinal))
            return ("Niet verstuurd: andere rijen zijn ongeldig (importeer gedeeltelijk om de geldige rijen op te slaan).", true);
        if (reason == "the same row appears earlier in the file") return ("Dezelfde rij staat eerder in het bestand.", true);
        if (outcome is "refused" && KindPrefix().Match(reason) is { Success: true } refused)
        {
            var kind = refused.Groups[1].Value;
            var message = reason[refused.Length..];
            if (kind == "invalid") return Parts(message);
            var heading = FormMessages.Heading(KindOf(kind));
            return Detail(message) is { } detail ? ($"{heading} {detail}", true) : ($"{heading} {message}", false);
        }
        return Parts(reason);
    }

    private static (string, bool) Parts(string text)
    {
        var translated = true;
        var parts = text.Split("; ", StringSplitOptions.RemoveEmptyEntries).Select(part =>
        {
            var dutch = Part(part);
            if (dutch is null) translated = false;
            return dutch ?? part;
        });
        return (string.Join(" ", parts.Select(p => p.EndsWith('.') ? p : p + ".")), translated);
    }

    /// <summary>One reason of the check without state or of a field refusal: a sentence of its own, or <c>field message</c>.</summary>
    private static string? Part(string part)
    {
        foreach (var (pattern, dutch) in RowReasons)
            if (pattern.Match(part) is { Success: true } match) return dutch(match);
        if (Detail(part) is { } detail) return detail;
        var space = part.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0) return null;
        var field = part[..space];
        var message = part[(space + 1)..];
        var dutchField = FormMessages.Dutch(new FieldError(field, message));
        if (dutchField != message) return $"{field}: {dutchField}";
        foreach (var (pattern, dutch) in FieldReasons)
            if (pattern.Match(message) is { Success: true } match) return $"{field}: {dutch(match)}";
        return null;
    }

    private static readonly (Regex Pattern, Func<Match, string> Dutch)[] RowReasons =
    [
        (Re(@"^has (\d+) fields, the header has (\d+)$"), m => $"De rij heeft {m.Groups[1].Value} velden, de kopregel {m.Groups[2].Value}."),
        (Re(@"^action is required$"), _ => "De kolom action is verplicht."),
        (Re(@"^action '([^']*)' is not known.*$"), m => $"De actie ‘{m.Groups[1].Value}’ bestaat niet (zie de lijst van acties)."),
        (Re(@"^the project is named by projectId, or by leadProvince and externalRef$"), _ => "Noem het project met projectId, of met leadProvince en externalRef."),
        (Re(@"^give projectId or leadProvince and externalRef, not both$"), _ => "Geef projectId, of leadProvince en externalRef, niet allebei."),
        (Re(@"^(\S+) has no project with externalRef '([^']*)', and no earlier valid row registers one$"),
            m => $"{m.Groups[1].Value} heeft geen project met externalRef ‘{m.Groups[2].Value}’, en geen eerdere geldige rij registreert het."),
        (Re(@"^(\S+) has no project with externalRef '([^']*)'\.?$"), m => $"{m.Groups[1].Value} heeft geen project met externalRef ‘{m.Groups[2].Value}’."),
        (Re(@"^(province|cluster|campaign) is required$"), m => $"De kolom {m.Groups[1].Value} is verplicht."),
        (Re(@"^market is required.*$"), _ => "De kolom market is verplicht (de marketId waarmee de markt deelnam)."),
        (Re(@"^effectiveDate is more than one day in the future$"), _ => "effectiveDate: Ligt meer dan één dag in de toekomst."),
        (Re(@"^idempotencyKey has 1 to 200 printable characters$"), _ => "idempotencyKey: 1 tot 200 afdrukbare tekens."),
        (Re(@"^idempotency-key-reused: .*$"), _ => "Deze idempotencyKey werd al voor een andere rij gebruikt."),
        (Re(@"^conflict: (\S+) already has a project with externalRef '([^']*)': (\S+)\.$"),
            m => $"{m.Groups[1].Value} heeft al een project met externalRef ‘{m.Groups[2].Value}’: {m.Groups[3].Value}."),
    ];

    private static readonly (Regex Pattern, Func<Match, string> Dutch)[] FieldReasons =
    [
        (Re(@"^is not a column of (\S+) \(leave it empty\)$"), m => $"is geen kolom van {m.Groups[1].Value} (laat leeg)."),
        (Re(@"^is not a number with a decimal comma, such as (\S+)$"), m => $"is geen getal met een decimale komma, zoals {m.Groups[1].Value}."),
        (Re(@"^is not a number with a decimal point, such as (\S+)$"), m => $"is geen getal met een decimaal punt, zoals {m.Groups[1].Value}."),
        (Re(@"^is not a whole number$"), _ => "is geen geheel getal."),
        (Re(@"^is not a date YYYY-MM-DD$"), _ => "is geen datum JJJJ-MM-DD."),
        (Re(@"^is not true or false$"), _ => "is niet true of false."),
        (Re(@"^is not an event id \(a UUID\)$"), _ => "is geen id van een gebeurtenis (een UUID)."),
        (Re(@"^is not a project id \(a UUID\)$"), _ => "is geen id van een project (een UUID)."),
        (Re(@"^is not a moment with its offset.*$"), _ => "is geen tijdstip met tijdzone, zoals 2027-04-06T09:30:00+02:00."),
        (Re(@"^is a list of province:municipalities:markets:entries.*$"), _ => "is een lijst provincie:gemeenten:markten:inschrijvingen, zoals limburg:20:40:5000|antwerpen:30:60:8000."),
        (Re(@"^has the wrong type or format$"), _ => "heeft een verkeerd type of formaat."),
        (Re(@"^must be one of: (.*)$"), m => $"moet een van deze zijn: {m.Groups[1].Value}."),
        (Re(@"^do not make a valid (\S+).*$"), m => $"maken geen geldige {m.Groups[1].Value} (past de nieuwe waarde bij het veld?)."),
        (Re(@"^names the field '([^']*)' twice$"), m => $"noemt het veld ‘{m.Groups[1].Value}’ twee keer."),
    ];

    private static RefusalKind KindOf(string kind) => kind switch
    {
        "forbidden" => RefusalKind.Forbidden,
        "not-found" => RefusalKind.NotFound,
        "conflict" => RefusalKind.Conflict,
        "precondition-failed" => RefusalKind.PreconditionFailed,
        "idempotency-key-reused" => RefusalKind.IdempotencyKeyReused,
        "unavailable" => RefusalKind.Unavailable,
        _ => RefusalKind.Invalid,
    };

    private static string Noun(string english) => english switch
    {
        "Province" => "Provincie",
        "Market" => "Markt",
        _ => english,
    };

    private static string Euro(string invariant) =>
        decimal.TryParse(invariant, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var amount)
            ? "€ " + amount.ToString("#,##0.00", Formatting.NlBe.Culture)
            : invariant;

    // Matched in time linear in the message (the messages can hold user text, such as a market's name), so no timeout
    // is needed: a wall-clock timeout of 100 ms fired on a loaded machine when the matching thread was not scheduled.
    private static Regex Re(string pattern) => new(pattern, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);

    [GeneratedRegex("^(invalid|forbidden|not-found|conflict|precondition-failed|idempotency-key-reused|unavailable): ")]
    private static partial Regex KindPrefix();
}
