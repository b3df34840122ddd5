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
    public static readonly QueryParameter Moment = new("asOf", "A date (YYYY-MM-DD) or an ISO 8601 time: the state as of then.");

    public static readonly QueryParameter Basis = new("basis",
        "effective (what was in effect that day, as known now; the default with asOf) or recorded (what the record held then).")
        { Values = ["effective", "recorded"] };

    public static readonly QueryParameter Position = new("atPosition", "The state once the log reached this position.") { Kind = QueryKind.Whole };

    public static readonly IReadOnlyList<QueryParameter> Parameters = [Moment, Basis, Position];

    /// <summary>Endpoint metadata of a route that reads this query: the API description lists its parameters.</summary>
    public static readonly QueryDescription Described = new([.. Parameters]);

    public static bool Requested(HttpRequest request) => Parameters.Any(p => request.Query.ContainsKey(p.Name));

    public static string BasisOf(HttpRequest request) =>
        request.Query[Basis.Name].FirstOrDefault() is { Length: > 0 } basis ? basis : request.Query.ContainsKey(Moment.Name) ? "effective" : "position";

    public static (AsOfQuery? Query, IResult? Problem) Parse(HttpRequest request)
    {
        var query = new QueryReader(request);
        var basis = query.OneOf(Basis, Refusals.FieldNotABasis);
        var invalidBasis = query.Failed;
        var position = query.Whole(Position, Refusals.FieldNotAPosition);

        DateOnly? effective = null;
        DateTimeOffset? recorded = null;
        if (query.Given(Moment) is { } asOf)
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
            else query.Refuse(Moment, Refusals.FieldNotADateOrTime);
        }
        else if ((basis is not null || invalidBasis) && position is null)
            query.Refuse(Moment, Refusals.FieldAsOfRequired);

        return query.Problem is { } problem ? (null, problem) : (new AsOfQuery(recorded, effective, position), null);
    }

    /// <summary>The last moment of a Brussels calendar day; for the calendar's last day, the last moment there is.</summary>
    public static DateTimeOffset EndOfDayInBrussels(DateOnly day)
        => day == DateOnly.MaxValue ? DateTimeOffset.MaxValue : MonitorClock.StartOfDay(day.AddDays(1)).AddTicks(-10);

    /// <summary>The Brussels date of an instant; the calendar's last date for the instants of 31 December 9999 that are already in the year 10000 there.</summary>
    public static DateOnly DateInBrussels(DateTimeOffset moment)
        => moment.UtcDateTime.Date == DateTime.MaxValue.Date ? DateOnly.MaxValue : MonitorClock.DateOf(moment);
}
