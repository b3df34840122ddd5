using System.Globalization;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.Grains.Aggregates;

namespace ProvincialMonitor.Silo.Api;

/// <summary>
/// The query of a historical read (docs/domain.md "As-of semantics"): <c>asOf</c> (a date <c>YYYY-MM-DD</c> or an
/// ISO 8601 time), <c>basis</c> (<c>effective</c>, the default: what was in effect on that day, as known now;
/// <c>recorded</c>: what the record held at that moment, a date meaning the end of that day in Brussels) and
/// <c>atPosition</c> (what the record held once the log reached that position).
/// </summary>
public static class AsOf
{
    /// <summary>Endpoint metadata of a route that reads this query: the API description lists its parameters.</summary>
    public static readonly object Described = new QueryDescription(
        new("asOf", "A date (YYYY-MM-DD) or an ISO 8601 time: the state as of then."),
        new("basis", "effective (the default: what was in effect that day, as known now) or recorded (what the record held then).") { Values = ["effective", "recorded"] },
        new("atPosition", "The state once the log reached this position.") { Whole = true });

    public static bool Requested(HttpRequest request) =>
        request.Query.ContainsKey("asOf") || request.Query.ContainsKey("basis") || request.Query.ContainsKey("atPosition");

    public static string BasisOf(HttpRequest request) =>
        request.Query["basis"].FirstOrDefault() is { Length: > 0 } basis ? basis : request.Query.ContainsKey("asOf") ? "effective" : "position";

    public static (AsOfQuery? Query, IResult? Problem) Parse(HttpRequest request)
    {
        var errors = new List<FieldError>();
        var basis = request.Query["basis"].FirstOrDefault();
        if (basis is not (null or "effective" or "recorded")) errors.Add(FieldError.Of("basis", Refusals.FieldNotABasis));

        long? position = null;
        if (request.Query["atPosition"].FirstOrDefault() is { } text)
        {
            if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var p)) position = p;
            else errors.Add(FieldError.Of("atPosition", Refusals.FieldNotAPosition));
        }

        DateOnly? effective = null;
        DateTimeOffset? recorded = null;
        if (request.Query["asOf"].FirstOrDefault() is { } asOf)
        {
            if (DateOnly.TryParseExact(asOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                if (basis == "recorded") recorded = EndOfDayInBrussels(day);
                else effective = day;
            }
            else if (asOf.Contains('T', StringComparison.Ordinal)
                     && DateTimeOffset.TryParse(asOf, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment))
            {
                if (basis == "recorded") recorded = moment;
                else effective = DateInBrussels(moment);
            }
            else errors.Add(FieldError.Of("asOf", Refusals.FieldNotADateOrTime));
        }
        else if (basis is not null && position is null)
            errors.Add(FieldError.Of("asOf", Refusals.FieldAsOfRequired));

        if (errors.Count > 0)
            return (null, Problems.From(Refusal.Fields(errors)));
        return (new AsOfQuery(recorded, effective, position), null);
    }

    /// <summary>The last moment of a Brussels calendar day; for the calendar's last day, the last moment there is.</summary>
    public static DateTimeOffset EndOfDayInBrussels(DateOnly day)
        => day == DateOnly.MaxValue ? DateTimeOffset.MaxValue : MonitorClock.StartOfDay(day.AddDays(1)).AddTicks(-10);

    /// <summary>The Brussels date of an instant; the calendar's last date for the instants of 31 December 9999 that are already in the year 10000 there.</summary>
    public static DateOnly DateInBrussels(DateTimeOffset moment)
        => moment.UtcDateTime.Date == DateTime.MaxValue.Date ? DateOnly.MaxValue : MonitorClock.DateOf(moment);
}

/// <summary>The query parameters a route reads itself (name, description, the values it accepts), for the API description.</summary>
public sealed record QueryDescription(params QueryParameter[] Parameters);

/// <summary>One query parameter: its values when only some are accepted, or a whole number.</summary>
public sealed record QueryParameter(string Name, string Description)
{
    public IReadOnlyList<string>? Values { get; init; }

    public bool Whole { get; init; }
}
