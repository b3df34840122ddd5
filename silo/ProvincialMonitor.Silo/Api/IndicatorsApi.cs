using System.Globalization;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Grains;
using ProvincialMonitor.Contracts.Measures;
using ProvincialMonitor.Contracts.Views;
using ProvincialMonitor.EventStore;
using ProvincialMonitor.Grains.Projections;
using ProvincialMonitor.Contracts.Commands;

namespace ProvincialMonitor.Silo.Api;

/// <summary>The read side over HTTP: indicators, the comparison, campaign figures, the project list and the filtered log.</summary>
public static class IndicatorsApi
{
    private static readonly QueryParameter Measure = new("measure", "The measure compared (GET /api/indicators/measures).") { Default = "granted" };
    private static readonly QueryParameter Per = new("per", "How the figure is divided.") { Values = IndicatorViews.Pers, Default = "absolute" };
    private static readonly QueryParameter Sort = new("sort", "The order of the list.") { Values = ProjectList.Sorts, Default = "title" };

    public static IEndpointRouteBuilder MapIndicatorsApi(this IEndpointRouteBuilder app)
    {
        var indicators = app.MapGroup("/api/indicators").WithTags("Indicators");
        indicators.MapGet("/comparison", async (HttpRequest request, IGrainFactory grains, HistoricalIndicators history, MonitorClock clock) =>
        {
            var reader = new QueryReader(request);
            var per = reader.OneOf(Per, Refusals.FieldMustBeAny, ("choices", string.Join(", ", Per.Values!.SkipLast(1))), ("last", Per.Values![^1]));
            if (reader.Problem is { } refused) return refused;
            var given = reader.Given(Measure);
            var measure = string.IsNullOrWhiteSpace(given) ? Measure.Default! : given;
            if (!AsOf.Requested(request)) return Results.Ok(await Projector(grains).Compare(measure, per!));
            var (query, problem) = AsOf.Parse(request);
            return problem ?? Results.Ok(await history.CompareAsync(measure, per!, query!, DateShown(query!, clock), request.HttpContext.RequestAborted));
        }).Produces<Comparison>().WithMetadata(new QueryDescription(Measure, Per), AsOf.Described);
        indicators.MapGet("/provinces/{slug}", (HttpRequest request, IGrainFactory grains, HistoricalIndicators history, MonitorClock clock, string slug) => ProvinceSlugs.IsKnown(slug)
            ? ScopeAsync(request, grains, history, clock, Contributions.Province(slug))
            : Task.FromResult(Problems.Of(StatusCodes.Status404NotFound, Problems.NotFound, "Not found.", $"There is no province '{slug}'.")))
            .Produces<ScopeIndicators>().WithMetadata(AsOf.Described);
        indicators.MapGet("/flanders", (HttpRequest request, IGrainFactory grains, HistoricalIndicators history, MonitorClock clock) =>
            ScopeAsync(request, grains, history, clock, Contributions.Flanders)).Produces<ScopeIndicators>().WithMetadata(AsOf.Described);
        indicators.MapGet("/clusters/{slug}", async (IGrainFactory grains, string slug) =>
            await grains.GetGrain<IClusterGrain>(slug).View() is { Exists: true }
                ? Results.Ok(await Projector(grains).Scope(Contributions.Cluster(slug)))
                : Problems.Of(StatusCodes.Status404NotFound, Problems.NotFound, "Not found.", $"There is no cluster '{slug}'."))
            .Produces<ScopeIndicators>();
        indicators.MapGet("/measures", () => Results.Ok(MeasureCatalog.Views)).Produces<MeasureView[]>();
        indicators.MapGet("/explain", ExplainAsync).Produces<FigureExplanation>().WithMetadata(AsOf.Described).ProducesProblem(StatusCodes.Status404NotFound);
        indicators.MapGet("/campaigns", async (IGrainFactory grains) => Results.Ok(await Campaigns(grains).Campaigns())).Produces<CampaignListItem[]>();
        indicators.MapGet("/campaigns/{slug}", async (IGrainFactory grains, string slug) =>
            await Campaigns(grains).Campaign(slug) is { } figures
                ? Results.Ok(figures)
                : Problems.Of(StatusCodes.Status404NotFound, Problems.NotFound, "Not found.", $"There is no campaign '{slug}'."))
            .Produces<CampaignFigures>();
        indicators.MapMunicipalities();

        app.MapGet("/api/projects", ListProjectsAsync).WithTags("Projects").Produces<ProjectPage>().WithMetadata(new QueryDescription(Sort));
        app.MapGet("/api/events", QueryEventsAsync).WithTags("Events").Produces<EventsPage>().WithMetadata(LogQueries.Described);
        return app;
    }

    /// <summary>A scope's figures now, or as of the date, basis or position the query gives (docs/audit.md).</summary>
    private static async Task<IResult> ScopeAsync(HttpRequest request, IGrainFactory grains, HistoricalIndicators history, MonitorClock clock, string scope)
    {
        if (!AsOf.Requested(request)) return Results.Ok(await Projector(grains).Scope(scope));
        var (query, problem) = AsOf.Parse(request);
        return problem ?? Results.Ok(await history.ScopeAsync(scope, query!, DateShown(query!, clock), request.HttpContext.RequestAborted));
    }

    /// <summary>
    /// The events that make one figure of one scope (<c>flanders</c>, <c>province:x</c>, <c>cluster:x</c>, <c>project:id</c>,
    /// <c>municipality:nis</c> or <c>unlocated:province</c> with a measure counted per municipality,
    /// <c>campaign:slug</c> with a <c>campaign.*</c> measure),
    /// now or as of the query's date, basis or position: their total is the figure (docs/measures.md).
    /// </summary>
    private static async Task<IResult> ExplainAsync(HttpRequest request, IGrainFactory grains, HistoricalIndicators history, MonitorClock clock, string? scope, string? measure)
    {
        if (string.IsNullOrWhiteSpace(measure)) return Problems.Invalid400("measure", Refusals.FieldRequired);
        if (MeasureCatalog.Find(measure) is not { } definition)
            return Problems.Invalid400("measure", Refusals.FieldNotOneOf, ("options", string.Join(", ", MeasureCatalog.All.Select(m => m.Code))));
        // A ratio, a mean or a latest value is no sum of events: its parts are explained, not the figure.
        if (!definition.IsAdditive)
            return Problems.Invalid400("measure", Refusals.FieldNotOneOf, ("options", string.Join(", ", MeasureCatalog.All.Where(m => m.IsAdditive).Select(m => m.Code))));
        if (string.IsNullOrWhiteSpace(scope)) return Problems.Invalid400("scope", Refusals.FieldRequired);
        if (MunicipalityViews.IsPlace(scope) && !MeasureCatalog.CountsPerMunicipality(measure))
            return Problems.Invalid400("measure", Refusals.FieldNotOneOf, ("options", MunicipalityViews.Codes));
        if (!await ScopeExistsAsync(grains, scope))
            return Problems.Of(StatusCodes.Status404NotFound, Problems.NotFound, "Not found.", $"There is no scope '{scope}'.");
        var query = new Grains.Aggregates.AsOfQuery();
        if (AsOf.Requested(request))
        {
            var (asOf, problem) = AsOf.Parse(request);
            if (problem is not null) return problem;
            query = asOf!;
        }
        return Results.Ok(await history.ExplainAsync(scope, measure, query, DateShown(query, clock), request.HttpContext.RequestAborted));
    }

    /// <summary>
    /// Whether a scope names Flanders, a known province, a 2025 municipality, a province's "zonder locatie"
    /// (<c>unlocated:{province}</c>), or a cluster, project or launched campaign that exists.
    /// </summary>
    internal static async Task<bool> ScopeExistsAsync(IGrainFactory grains, string scope)
    {
        var colon = scope.IndexOf(':', StringComparison.Ordinal);
        var (kind, key) = colon < 0 ? (scope, "") : (scope[..colon], scope[(colon + 1)..]);
        return kind switch
        {
            Contributions.Flanders => colon < 0,
            "province" => ProvinceSlugs.IsKnown(key),
            "cluster" => key.Length is > 0 and <= 100 && (await grains.GetGrain<IClusterGrain>(key).View()).Exists,
            "project" => key.Length is > 0 and <= 100 && (await grains.GetGrain<IProjectGrain>(key).View()).Exists,
            "campaign" => key.Length is > 0 and <= 100 && await Campaigns(grains).Campaign(key) is not null,
            "municipality" => Contracts.Reference.ReferenceData.FindMunicipality(key) is not null,
            "unlocated" => ProvinceSlugs.IsKnown(key),
            _ => false,
        };
    }

    /// <summary>The day whose denominators (population year, boundaries) a historical view uses.</summary>
    private static DateOnly DateShown(Grains.Aggregates.AsOfQuery query, MonitorClock clock) =>
        query.EffectiveOn
        ?? (query.RecordedUpTo is { } t ? AsOf.DateInBrussels(t) : clock.Today);

    internal static IIndicatorsGrain Projector(IGrainFactory grains) => grains.GetGrain<IIndicatorsGrain>(ReadModelProjector.Name);

    private static ICampaignFiguresGrain Campaigns(IGrainFactory grains) => grains.GetGrain<ICampaignFiguresGrain>(ReadModelProjector.Name);

    private static async Task<IResult> ListProjectsAsync(HttpRequest request, IGrainFactory grains, string? province, string? domain, string? status, string? cluster,
        string? text, int? skip, int? take)
    {
        var reader = new QueryReader(request);
        var sort = reader.OneOf(Sort, Refusals.FieldNotOneOf, ("options", string.Join(", ", Sort.Values!)));
        if (reader.Problem is { } problem) return problem;
        if (take is < 1 or > 500) return Problems.Invalid400("take", Refusals.FieldBetween, ("min", 1), ("max", 500));
        if (skip is < 0) return Problems.Invalid400("skip", Refusals.FieldNegative);
        return Results.Ok(await Projector(grains).Projects(new ProjectQuery(province, domain, status, cluster, text, sort!, skip ?? 0, take ?? 50)));
    }

    /// <summary>The filtered log, paged by position: <c>after</c> forwards (default), or <c>before</c> with <c>direction=backwards</c>.</summary>
    private static async Task<IResult> QueryEventsAsync(HttpRequest request, AuditLog log, CancellationToken cancellationToken)
    {
        var (query, problem) = LogQueries.Parse(request);
        if (problem is not null) return problem;
        var page = await log.QueryAsync(query!, cancellationToken);
        return Results.Ok(new EventsPage(page.Events.Select(StreamsApi.ToResponse), page.NextPosition));
    }
}
