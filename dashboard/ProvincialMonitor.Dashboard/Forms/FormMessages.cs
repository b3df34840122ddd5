using System.Text.RegularExpressions;
using ProvincialMonitor.Contracts.Commands;

namespace ProvincialMonitor.Dashboard.Forms;

/// <summary>
/// The frame of a refusal in a form: a Dutch heading for its kind (the text itself comes from its code, see
/// <see cref="Refusals"/>), and the ids that tie a field's input to its error.
/// </summary>
public static partial class FormMessages
{
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

    /// <summary>A refusal in Dutch as a sentence of its own (an import row's reason): the heading of its kind, then its text; a request's field errors as <c>field: text</c>.</summary>
    public static string Reason(Refusal refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        return refusal.Kind == RefusalKind.Invalid ? refusal.Dutch : $"{Heading(refusal.Kind)} {refusal.Dutch}";
    }

    /// <summary>An id for the input of a field: <c>changes[0].field</c> gives <c>f-changes-0--field</c>.</summary>
    public static string InputId(string field) => "f-" + NotIdChar().Replace(field, "-");

    public static string ErrorId(string field) => "e-" + NotIdChar().Replace(field, "-");

    [GeneratedRegex("[^A-Za-z0-9_-]")]
    private static partial Regex NotIdChar();
}
