using Bunit;
using ProvincialMonitor.Contracts.Views;
using ProvincialMonitor.Dashboard.Provinces;

namespace ProvincialMonitor.Dashboard.Tests;

/// <summary>The comparison as a deputy reads it: Vlaanderen beside the provinces as their total, shared ranks, no ranking of zeros, € per inhabitant.</summary>
public sealed class ComparisonTests : DashboardContext
{
    private static List<ScopeIndicators> Tied() =>
    [
        Samples.Scope("antwerpen", 3_000_000m), Samples.Scope("limburg", 2_000_000m), Samples.Scope("oost-vlaanderen", 2_000_000m),
        Samples.Scope("vlaams-brabant", 1_000_000m), Samples.Scope("west-vlaanderen", 2_000_000m),
        Samples.Scope("flanders", 10_000_000m, inhabitants: 5_000_000, municipalities: 250),
    ];

    [Fact]
    public void Equal_values_share_a_rank_and_the_next_rank_skips()
    {
        var rows = Measures.Compare(Tied(), "granted", "absolute");

        Assert.Equal([1, 2, 2, 5, 2, null], rows.Select(r => r.Rank));
    }

    [Fact]
    public void A_figure_that_is_zero_everywhere_is_not_ranked()
    {
        var rows = Measures.Compare(Samples.Comparison(), "budget", "absolute");

        Assert.All(rows, r => Assert.Null(r.Rank));
        Assert.True(Measures.AllZero(rows));
        Assert.False(Measures.AllZero(Measures.Compare(Samples.Comparison(), "granted", "absolute")));
    }

    [Fact]
    public void The_chart_and_ranking_show_Vlaanderen_as_the_total_and_shared_ranks()
    {
        var chart = Render<ComparisonChart>(p => p.Add(c => c.Scopes, Tied()));

        var rows = chart.FindAll(".pm-ranking tbody tr");
        Assert.Equal(["1", "2", "2", "2", "5", "totaal"], rows.Select(r => r.Children[0].TextContent.Trim()));
        Assert.Equal("flanders", rows[^1].GetAttribute("data-scope"));
        Assert.Contains("pm-total", rows[^1].ClassList);
        Assert.Contains("Vlaanderen", rows[^1].TextContent, StringComparison.Ordinal);
        Assert.Contains("Vlaanderen (totaal)", chart.Markup, StringComparison.Ordinal);
        Assert.Empty(chart.FindAll("[data-testid=no-ranking]"));
    }

    [Fact]
    public void An_all_zero_figure_says_it_is_not_ranked()
    {
        var chart = Render<ComparisonChart>(p => p.Add(c => c.Scopes, Samples.Comparison()));

        var scopes = Samples.Comparison().Select(s => s with { Measures = new Dictionary<string, decimal> { ["granted"] = 0m } }).ToList();
        var zero = Render<ComparisonChart>(p => p.Add(c => c.Scopes, scopes));

        Assert.Equal("Geen rangschikking: alle waarden 0.", zero.Find("[data-testid=no-ranking]").TextContent.Trim());
        Assert.All(zero.FindAll(".pm-ranking tbody tr").SkipLast(1), r => Assert.Equal("–", r.Children[0].TextContent.Trim()));
    }

    [Fact]
    public void Per_inhabitant_money_is_in_euro_per_inhabitant_with_the_population_s_date()
    {
        var chart = Render<ComparisonChart>(p => p.Add(c => c.Scopes, Samples.Comparison()));

        chart.FindAll(".rz-selectbar button, .rz-button").First(b => b.TextContent.Trim() == "Per inwoner").Click();

        Assert.StartsWith("€ per inwoner, inwoners op 1 januari 2025", chart.Find("[data-testid=denominator]").TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains("(€ per inwoner)", chart.Find(".pm-ranking thead").TextContent, StringComparison.Ordinal);
        Assert.Contains("€\u00A05,00", chart.FindAll(".pm-ranking tbody tr")[0].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_monthly_chart_offers_Vlaanderen_first_marked_as_the_total()
    {
        var chart = Render<MonthlyChart>(p => p.Add(c => c.Scopes, Samples.Comparison()));

        Assert.Contains("Vlaanderen (totaal)", chart.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Days_to_a_first_payment_rank_the_fewest_first_and_are_not_divided_per_inhabitant()
    {
        var days = new[] { 30m, 12m, 45m, 12m, 60m, 31m };
        var scopes = Samples.Comparison().Select((s, i) => s with
        {
            Measures = new Dictionary<string, decimal>(s.Measures) { [Contracts.Measures.Comparing.PaymentDelay] = days[i] },
        }).ToList();

        var rows = Measures.Compare(scopes, Contracts.Measures.Comparing.PaymentDelay, "capita");

        Assert.Equal(days, rows.Select(r => r.Value!.Value));
        Assert.Equal([3, 1, 4, 1, 5, null], rows.Select(r => r.Rank));
    }
}
