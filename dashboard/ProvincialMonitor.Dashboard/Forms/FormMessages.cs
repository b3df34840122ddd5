using System.Text.RegularExpressions;
using ProvincialMonitor.Contracts.Commands;

namespace ProvincialMonitor.Dashboard.Forms;

/// <summary>
/// The dispatcher's refusals in Dutch: the common messages of <see cref="Checks"/> and of the grains, translated;
/// any other message is shown as it is (English).
/// </summary>
public static partial class FormMessages
{
    private static readonly Dictionary<string, string> Fixed = new(StringComparer.Ordinal)
    {
        ["is required"] = "Dit veld is verplicht.",
        ["must be more than zero"] = "Moet groter zijn dan nul.",
        ["must not be negative"] = "Mag niet negatief zijn.",
        ["has at most two decimals (euro cents)"] = "Hoogstens twee decimalen (eurocent).",
        ["is more than 1,000,000,000,000 euro"] = "Is meer dan 1.000.000.000.000 euro.",
        ["must be a year between 1990 and 2100"] = "Moet een jaar tussen 1990 en 2100 zijn.",
        ["must be a year (2026), a quarter (2026-Q2) or a month (2026-04)"] = "Moet een jaar (2026), een kwartaal (2026-Q2) of een maand (2026-04) zijn.",
        ["is before plannedStart"] = "Ligt vóór de geplande start.",
        ["is before periodStart"] = "Ligt vóór het begin van de periode.",
        ["must be lower-case letters, digits and single hyphens (at most 60)"] = "Alleen kleine letters, cijfers en enkele koppeltekens (hoogstens 60).",
        ["is more than one day in the future"] = "Ligt meer dan één dag in de toekomst.",
        ["must be deputatie, provincieraad or pom"] = "Moet deputatie, provincieraad of POM zijn.",
        ["cannot be corrected"] = "Dit veld kan niet gecorrigeerd worden.",
        ["is the value the field has already"] = "Het veld heeft die waarde al.",
        ["names at least one field to correct"] = "Kies minstens één veld om te corrigeren.",
        ["names at least one province"] = "Kies minstens één provincie.",
        ["is given twice"] = "Staat er twee keer in.",
        ["has 1 to 200 printable characters"] = "Ongeldige sleutel van het formulier; herlaad de pagina.",
        ["differs from reference"] = "Verschilt van de referentie van de beslissing.",
        ["differs from decidingBody"] = "Verschilt van het beslissend orgaan.",
        ["a count is a whole number, not negative"] = "Een aantal is een geheel getal, niet negatief.",
        ["euro has at most two decimals"] = "Hoogstens twee decimalen (eurocent).",
        ["is at most 100000 per registration"] = "Hoogstens 100.000 per registratie.",
        ["is not given for a spearhead cluster"] = "Wordt niet gegeven voor een speerpuntcluster.",
    };

    /// <summary>A field error's message in Dutch.</summary>
    public static string Dutch(FieldError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var message = error.Message;
        if (Fixed.TryGetValue(message, out var dutch)) return dutch;
        if (AtMost().Match(message) is { Success: true } max) return $"Hoogstens {max.Groups[1].Value} tekens.";
        if (AtLeast().Match(message) is { Success: true } min) return $"Moet minstens {min.Groups[1].Value} zijn.";
        if (message.StartsWith("must be one of", StringComparison.Ordinal))
            return error.Field.EndsWith("rovince", StringComparison.Ordinal) || error.Field.Contains("rovinces[", StringComparison.Ordinal)
                ? "Onbekende provincie." : "Geen geldige keuze.";
        if (message.StartsWith("is not a field of", StringComparison.Ordinal)) return "Is geen veld van deze gebeurtenis.";
        if (message.StartsWith("must be a NIS code", StringComparison.Ordinal))
            return "Onbekende gemeente (NIS-code).";
        if (message.StartsWith("is not a Flemish municipality", StringComparison.Ordinal)) return "Is geen Vlaamse gemeente.";
        if (message.EndsWith(" is a percentage between 0 and 100", StringComparison.Ordinal)) return "Moet een percentage tussen 0 en 100 zijn.";
        if (message.EndsWith(" is measured in percent", StringComparison.Ordinal)) return "Deze indicator wordt in procent gemeten.";
        return message;
    }

    /// <summary>A refusal that is not about one field: a Dutch heading for its kind.</summary>
    public static string Heading(RefusalKind kind) => kind switch
    {
        RefusalKind.Forbidden => "U mag deze actie niet registreren.",
        RefusalKind.NotFound => "Niet gevonden.",
        RefusalKind.Conflict => "De regels laten deze actie niet toe.",
        RefusalKind.PreconditionFailed => "De gegevens werden intussen gewijzigd.",
        RefusalKind.IdempotencyKeyReused => "Dit formulier werd al met andere gegevens verstuurd; herlaad de pagina om een nieuwe actie te registreren.",
        RefusalKind.Unavailable => "De opslag is nu niet bereikbaar. Probeer opnieuw: een nieuwe poging wordt nooit dubbel opgeslagen.",
        _ => "De gegevens zijn niet geldig.",
    };

    /// <summary>An id for the input of a field: <c>changes[0].field</c> gives <c>f-changes-0--field</c>.</summary>
    public static string InputId(string field) => "f-" + NotIdChar().Replace(field, "-");

    public static string ErrorId(string field) => "e-" + NotIdChar().Replace(field, "-");

    [GeneratedRegex(@"^has at most (\d+) characters$")]
    private static partial Regex AtMost();

    [GeneratedRegex(@"^must be at least (\d+)$")]
    private static partial Regex AtLeast();

    [GeneratedRegex("[^A-Za-z0-9_-]")]
    private static partial Regex NotIdChar();
}
