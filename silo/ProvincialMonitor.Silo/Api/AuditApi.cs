using ProvincialMonitor.Grains;
using ProvincialMonitor.EventStore;
using ProvincialMonitor.Grains.Aggregates;
using ProvincialMonitor.Grains.Audit;
using ProvincialMonitor.Grains.Projections;
using ProvincialMonitor.Contracts.Commands;

namespace ProvincialMonitor.Silo.Api;

/// <summary>
/// What auditors use: the chain head (a receipt), verification of the chain, and an aggregate's history step by
/// step. Read-only apart from the record of each verification in the stream <c>audit-trail</c>.
/// </summary>
public static class AuditApi
{
    /// <summary>Auditors and administrators verify and export.</summary>
    public const string Policy = "audit";

    public sealed record HeadResponse(long Position, string Hash, DateTimeOffset? RecordedAt);

    public sealed record ReceiptRequest(long Position, string Hash);

    /// <summary>What to verify: a range (default the whole log), and receipts or anchors (position and hash) the log must still match.</summary>
    public sealed record VerifyRequest(long? FromPosition, long? ToPosition, ReceiptRequest? Receipt, ReceiptRequest[]? Receipts);

    public sealed record VerifyResponse(
        bool Intact, long VerifiedUpTo, string? HeadHash, long? BreakPosition, string? Break, string? Detail, string Message, long AuditPosition, int AnchorsChecked,
        IReadOnlyList<RecordedBreak> RecordedBreaks);

    public sealed record StepResponse(
        long Position, long StreamVersion, string EventType, DateOnly EffectiveDate, DateTimeOffset RecordedAt, string Actor, string Source,
        string Summary, string Hash, bool Exists, System.Text.Json.JsonElement State);

    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        var audit = app.MapGroup("/api/audit").WithTags("Audit");
        audit.MapGet("/head", HeadAsync).Produces<HeadResponse>();
        audit.MapPost("/verify", VerifyAsync).RequireAuthorization(Policy).Accepts<VerifyRequest>(isOptional: true, "application/json").Produces<VerifyResponse>();
        audit.MapGet("/breaks", Breaks).RequireAuthorization(Policy).Produces<BreakResponse>();
        audit.MapPost("/breaks/{position:long}/acknowledge", AcknowledgeAsync).RequireAuthorization(ProvincialMonitor.Contracts.Roles.Admin)
            .Accepts<AcknowledgeRequest>("application/json").Produces<AcknowledgeResponse>();
        audit.MapGet("/replay/{kind}/{**key}", ReplayAsync).Produces<StepResponse[]>().ProducesProblem(StatusCodes.Status400BadRequest);
        audit.MapGet("/export", AuditExport.ExportAsync).RequireAuthorization(Policy).WithMetadata(AuditExport.Described, AuditExport.Written)
            .Produces<string>(StatusCodes.Status200OK, "text/csv", "application/x-ndjson", AuditWorkbook.ContentType).ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> HeadAsync(AuditLog log, CancellationToken cancellationToken)
    {
        var (head, recordedAt) = await log.HeadAsync(cancellationToken);
        return Results.Ok(new HeadResponse(head.Position, head.Hash, recordedAt));
    }

    public sealed record AcknowledgeRequest(string? Reason);

    /// <summary>The acknowledged break's position and the position of the acknowledgement in the audit trail.</summary>
    public sealed record AcknowledgeResponse(long Position, long AuditPosition);

    /// <summary>The break this silo found, if any, and whether an administrator acknowledged it.</summary>
    public sealed record BreakResponse(bool Broken, long? Position, string? Break, string? Detail, bool Acknowledged);

    private static IResult Breaks(ChainGuard guard) =>
        Results.Ok(guard.Break is { } b
            ? new BreakResponse(true, b.Position, b.Kind, b.Detail, guard.Alarm is null)
            : new BreakResponse(false, null, null, null, false));

    private static async Task<IResult> AcknowledgeAsync(long position, HttpContext http, ChainGuard guard, AuditTrail trail)
    {
        var body = await RequestBody.ReadAsync<AcknowledgeRequest>(http.Request, optional: false);
        if (body.Problem is not null) return body.Problem;
        if (body.Value!.Reason is not { } reason || string.IsNullOrWhiteSpace(reason))
            return Problems.Invalid400("reason", Refusals.FieldReasonRequired);
        if (reason.Length > 2000) return Problems.Invalid400("reason", Refusals.FieldAtMostCharacters, ("max", 2000));
        if (guard.Break?.Position != position)
            return Problems.Of(StatusCodes.Status404NotFound, Problems.NotFound, "Not found.", $"This silo knows no break of the chain at position {position}.");
        var recorded = await trail.AcknowledgedAsync(Principals.Of(http), position, reason.Trim());
        guard.Acknowledge(position);
        return Results.Ok(new AcknowledgeResponse(position, recorded));
    }

    private static async Task<IResult> VerifyAsync(HttpContext http, ChainGuard guard, AuditTrail trail)
    {
        var body = await RequestBody.ReadAsync<VerifyRequest>(http.Request, optional: true);
        if (body.Problem is not null) return body.Problem;
        var request = body.Value!;
        if (request.FromPosition is < 1) return Problems.Invalid400("fromPosition", Refusals.FieldAtLeastOne);
        if (request.ToPosition is < 0) return Problems.Invalid400("toPosition", Refusals.FieldNegative);
        var given = (request.Receipts ?? []).Concat(request.Receipt is { } one ? [one] : []).ToList();
        if (given.Count > 100_000) return Problems.Invalid400("receipts", Refusals.FieldTooManyReceipts);
        if (given.Any(r => r is null || r.Position < 1 || r.Hash is not { Length: 64 } || !r.Hash.All(Uri.IsHexDigit)))
            return Problems.Invalid400(request.Receipt is not null && request.Receipts is null ? "receipt" : "receipts",
                Refusals.FieldBadReceipt);

        var receipts = given.Select(r => new ChainHead(r.Position, r.Hash.ToLowerInvariant())).ToList();
        var (result, anchors) = await guard.VerifyAsync(request.FromPosition ?? 1, request.ToPosition, receipts, null, http.RequestAborted);
        var newest = receipts.MaxBy(r => r.Position);
        var recorded = await trail.VerifiedAsync(Principals.Of(http), request.FromPosition ?? 1, request.ToPosition, result, newest?.Position, receipts.Count + anchors.Heads.Count);
        return Results.Ok(new VerifyResponse(result.Intact, result.VerifiedUpTo, result.HeadHash, result.BreakPosition, result.Break?.ToString().ToLowerInvariant(),
            result.Detail, Describe(result, newest, anchors, receipts.Count), recorded, anchors.Heads.Count, anchors.Breaks));
    }

    /// <summary>
    /// One line for people: intact up to a position (and against how many receipts and the silo's anchors), or where
    /// and how the chain breaks; then the breaks the anchors record, if any.
    /// </summary>
    public static string Describe(VerificationResult result, ChainHead? newestReceipt, AnchorEvidence anchors, int receipts = 1) =>
        $"{Describe(result, newestReceipt, receipts, anchors.Heads.Count)} {anchors.BreaksLine()}".TrimEnd();

    private static string Describe(VerificationResult result, ChainHead? newestReceipt, int receipts, int anchors) =>
        result.Intact
            ? (newestReceipt is null
                ? $"Intact up to position {result.VerifiedUpTo}."
                : receipts > 1
                    ? $"Intact up to position {result.VerifiedUpTo}; the log matches all {receipts} receipts and anchors, the newest at position {newestReceipt.Position}."
                    : $"Intact up to position {result.VerifiedUpTo}; the log up to the receipt at position {newestReceipt.Position} is unchanged.")
                + (anchors > 0 ? $" It matches the silo's {anchors} anchor(s)." : "")
            : $"Broken at position {result.BreakPosition}: {result.Break?.ToString().ToLowerInvariant()}. {result.Detail}".TrimEnd();

    private static async Task<IResult> ReplayAsync(string kind, string key, AuditLog log, CancellationToken cancellationToken)
    {
        if (!AggregateKinds.All.TryGetValue(kind, out var aggregate))
            return Problems.Invalid400("kind", Refusals.FieldNotOneOf, ("options", string.Join(", ", AggregateKinds.All.Keys)));
        var steps = await log.ReplayAsync(aggregate, key, cancellationToken);
        if (steps.Count == 0) return Problems.Of(StatusCodes.Status404NotFound, Problems.NotFound, "Not found.", $"The {kind} '{key}' has no events.");
        return Results.Ok(steps.Select(s => new StepResponse(s.Event.Position, s.Event.StreamVersion, s.Event.EventType, s.Event.EffectiveDate,
            s.Event.RecordedAt, s.Event.Tags.Actor, s.Event.Tags.Source, EventSummaries.Of(s.Event).Summary, s.Event.Hash, s.Exists,
            System.Text.Json.JsonDocument.Parse(s.StateJson).RootElement.Clone())));
    }
}
