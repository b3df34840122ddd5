namespace ProvincialMonitor.Contracts.Commands;

public static partial class Refusals
{
    public static readonly RefusalText CommandNotForCampaign = new("command.not-for-campaign", RefusalKind.Invalid,
        "{command} is not a campaign action",
        "{command} is geen actie van een campagne.");

    public static readonly RefusalText CommandNotForCluster = new("command.not-for-cluster", RefusalKind.Invalid,
        "{command} is not a cluster action",
        "{command} is geen actie van een cluster.");

    public static readonly RefusalText CommandNotForMarket = new("command.not-for-market", RefusalKind.Invalid,
        "{command} is not a market action",
        "{command} is geen actie van een markt.");

    public static readonly RefusalText CommandNotForProject = new("command.not-for-project", RefusalKind.Invalid,
        "{command} is not a project action",
        "{command} is geen actie van een project.");

    public static readonly RefusalText CommandNotForProvince = new("command.not-for-province", RefusalKind.Invalid,
        "{command} is not a province action",
        "{command} is geen actie van een provincie.");

    public static readonly RefusalText CommandNotForRegion = new("command.not-for-region", RefusalKind.Invalid,
        "{command} is not a region action",
        "{command} is geen actie van Vlaanderen.");

    public static readonly RefusalText CommandNotForSecurity = new("command.not-for-security", RefusalKind.Invalid,
        "{command} is not a security action",
        "{command} is geen actie van het beveiligingsregister.");

    public static readonly RefusalText CommandTimedOut = new("command.timed-out", RefusalKind.Unavailable,
        "The command timed out; it may or may not be stored. Retry with the same Idempotency-Key.",
        "De actie duurde te lang; ze is misschien opgeslagen. Probeer opnieuw met dezelfde sleutel: ze wordt nooit dubbel opgeslagen.");

    public static readonly RefusalText CorrectionRegistrationRetracted = new("correction.registration-retracted", RefusalKind.Conflict,
        "A registration is corrected, not retracted.",
        "Een registratie wordt gecorrigeerd, niet geschrapt.");

    public static readonly RefusalText CorrectionStatusChange = new("correction.status-change", RefusalKind.Conflict,
        "A status change is not corrected: retract it and record the right status.",
        "Een statuswijziging wordt niet gecorrigeerd: trek ze in en registreer de juiste status.");

    public static readonly RefusalText EventIsCorrection = new("event.is-correction", RefusalKind.Conflict,
        "Event {eventId} is a correction or retraction; correct the original event instead.",
        "Gebeurtenis {eventId} is zelf een correctie of schrapping; corrigeer de oorspronkelijke gebeurtenis.");

    public static readonly RefusalText EventNotInStream = new("event.not-in-stream", RefusalKind.Conflict,
        "Event {eventId} is not an event of this stream.",
        "Gebeurtenis {eventId} hoort niet bij deze stroom.");

    public static readonly RefusalText EventRetracted = new("event.retracted", RefusalKind.Conflict,
        "Event {eventId} was retracted.",
        "Gebeurtenis {eventId} werd geschrapt.");

    public static readonly RefusalText FormNotSent = new("form.not-sent", RefusalKind.Unavailable,
        "The action could not be sent.",
        "De actie kon niet verstuurd worden.");

    public static readonly RefusalText IdempotencyKeyReused = new("idempotency.key-reused", RefusalKind.IdempotencyKeyReused,
        "This Idempotency-Key was already used for a different request.",
        "Deze sleutel werd al voor een andere aanvraag gebruikt.");

    public static readonly RefusalText RequestInvalid = new("request.invalid", RefusalKind.Invalid,
        "The request is invalid.",
        "De gegevens zijn niet geldig.");

    public static readonly RefusalText StoreKeyUnchecked = new("store.key-unchecked", RefusalKind.Unavailable,
        "The store is unavailable; the API key cannot be checked.",
        "De opslag is nu niet bereikbaar; de API-sleutel kan niet gecontroleerd worden.");

    public static readonly RefusalText StoreUnavailable = new("store.unavailable", RefusalKind.Unavailable,
        "The event store is unavailable. Try again shortly; with the same Idempotency-Key a retry is never stored twice.",
        "De opslag is nu niet bereikbaar.");

    public static readonly RefusalText StreamChangedConcurrently = new("stream.changed-concurrently", RefusalKind.Conflict,
        "{streamId} was changed concurrently; try again.",
        "{streamId} werd tegelijk gewijzigd; probeer opnieuw.");

    public static readonly RefusalText StreamVersionMismatch = new("stream.version-mismatch", RefusalKind.PreconditionFailed,
        "{streamId} is at version {version}, not {expected}.",
        "De gegevens ({streamId}) staan op versie {version}, niet {expected}.");

    public static readonly RefusalText SystemUnavailable = new("system.unavailable", RefusalKind.Unavailable,
        "A part of the system is unavailable for a moment (the database, or another silo); send the same request again, with the same Idempotency-Key.",
        "Een deel van het systeem is even niet bereikbaar (de databank of een andere silo); verstuur dezelfde aanvraag opnieuw, met dezelfde sleutel.");
}
