using ProvincialMonitor.Contracts.Events;

namespace ProvincialMonitor.Contracts.Measures;

/// <summary>
/// The retail figures of the decree on integral commercial establishment policy (docs/domain.md "Retail"): the province's
/// advice, its deputation's first-instance decisions and the appeals it hears, each in the province whose stream holds it,
/// Vlaanderen, and the municipality the record names (on the 2025 boundaries).
/// </summary>
public static class RetailMeasures
{
    public const string Advice = "retail.advice";
    public const string AdviceM2 = "retail.advice-m2";
    public const string Permits = "retail.permits";
    public const string PermittedM2 = "retail.permitted-m2";
    public const string Appeals = "retail.appeals";
    public const string AppealsDecided = "retail.appeals-decided";

    /// <summary>A family's code for one value: <c>retail.advice-kind</c> and <c>extension</c> give <c>retail.advice-kind.extension</c>.</summary>
    public static string Of(string family, string value) => $"{family}.{value}";

    // The families by kind and category; by advice, decision and outcome: Of(Advice, …), Of(Permits, …), Of(Appeals, …); m² by category: Of(AdviceM2, …).
    public const string AdviceByKind = "retail.advice-kind";
    public const string AdviceByCategory = "retail.advice-category";
    public const string PermitsByKind = "retail.permits-kind";

    /// <summary>The decisions whose net retail area counts as permitted.</summary>
    public static readonly IReadOnlyList<string> Permitting = [RetailPermitDecisions.Granted, RetailPermitDecisions.PartiallyGranted];

    /// <summary>The figures the comparison and the map offer, in order.</summary>
    public static readonly IReadOnlyList<string> Compared = [Advice, AdviceM2, Permits, PermittedM2, Appeals];

    /// <summary>What the legend of a retail figure's map says.</summary>
    public const string MunicipalityNote = "Een advies, een beslissing of een beroep over detailhandel telt in de gemeente die het noemt (op de grenzen van 2025).";

    private static readonly IReadOnlyList<Type> Amendments = [typeof(ProvinceCorrected), typeof(ProvinceRetracted)];

    private const string Where = "the province's own stream, Vlaanderen, and the municipality the record names (its 2025 code)";

    private const string Decided = "an appeal's decision counts in the municipality its filed appeal named when the decision was recorded (none known: the province only)";

    /// <summary>The figures, in the order the pages show them.</summary>
    public static readonly IReadOnlyList<MeasureDefinition> All =
    [
        Count(Advice, "Adviezen detailhandel", typeof(RetailPermitAdviceGiven), "every retail permit advice, counted"),
        Count("retail.advice.{advice}", "Adviezen detailhandel per advies", typeof(RetailPermitAdviceGiven), "retail permit advice whose advice is {advice}"),
        Count("retail.advice-kind.{kind}", "Adviezen detailhandel per soort aanvraag", typeof(RetailPermitAdviceGiven),
            "retail permit advice whose application kind is {kind} (an advice without a kind: in no kind)"),
        Count("retail.advice-category.{category}", "Adviezen detailhandel per categorie", typeof(RetailPermitAdviceGiven),
            "retail permit advice that gives the category {category} an area (an advice without categories: in no category)"),
        M2(AdviceM2, "Netto handelsoppervlakte geadviseerd (m²)", typeof(RetailPermitAdviceGiven), "the net retail area of every advice, summed"),
        M2("retail.advice-m2.{category}", "Geadviseerde oppervlakte per categorie (m²)", typeof(RetailPermitAdviceGiven),
            "the m² the advice gives the category {category}, summed (an advice without categories: in no category)"),
        Count(Permits, "Beslissingen deputatie in eerste aanleg", typeof(RetailPermitDecided), "every first-instance decision of the deputation, counted"),
        Count("retail.permits.{decision}", "Beslissingen deputatie per beslissing", typeof(RetailPermitDecided), "first-instance decisions whose decision is {decision}"),
        Count("retail.permits-kind.{kind}", "Beslissingen deputatie per soort aanvraag", typeof(RetailPermitDecided),
            "first-instance decisions whose application kind is {kind}"),
        M2(PermittedM2, "Netto handelsoppervlakte vergund door de deputatie (m²)", typeof(RetailPermitDecided),
            "the net retail area of the first-instance decisions granted or partially granted (a partial grant with the area applied for), summed"),
        M2("retail.permitted-m2.{category}", "Vergunde oppervlakte per categorie (m²)", typeof(RetailPermitDecided),
            "the m² the granted or partially granted decisions give the category {category}, summed"),
        Count(Appeals, "Beroepen detailhandel", typeof(RetailAppealFiled), "every retail appeal filed, counted"),
        Count(AppealsDecided, "Beroepen detailhandel beslist", typeof(RetailAppealDecided), $"every retail appeal decided, counted; {Decided}")
            with { Context = [typeof(RetailAppealFiled)] },
        Count("retail.appeals.{outcome}", "Beroepen detailhandel per uitkomst", typeof(RetailAppealDecided),
            $"retail appeals decided with outcome {{outcome}} (inadmissible: onontvankelijk); {Decided}") with { Context = [typeof(RetailAppealFiled)] },
    ];

    private static MeasureDefinition Count(string code, string label, Type e, string filter) => Of(code, label, MeasureUnit.Count, e, filter);

    private static MeasureDefinition M2(string code, string label, Type e, string filter) => Of(code, label, MeasureUnit.Value, e, filter);

    private static MeasureDefinition Of(string code, string label, MeasureUnit unit, Type e, string filter) =>
        new(code, label, unit, [e], [], Amendments, MeasureAttribution.OwnProvince, $"{filter}; {Where}")
        {
            Municipality = $"{filter.Split(';')[0]}, of the records naming the municipality (a former code: its 2025 municipality)",
        };
}
