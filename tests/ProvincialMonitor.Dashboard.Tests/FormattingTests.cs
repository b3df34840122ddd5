using ProvincialMonitor.Dashboard.Shared;
using ProvincialMonitor.Dashboard.Provinces;

namespace ProvincialMonitor.Dashboard.Tests;

public sealed class FormattingTests
{
    [Theory]
    [InlineData("1234567.89", "€\u00A01.234.567,89")]
    [InlineData("0", "€\u00A00,00")]
    [InlineData("-250000.5", "−€\u00A0250.000,50")]
    public void Money_is_written_the_Belgian_way(string amount, string expected) =>
        Assert.Equal(expected, NlBe.Money(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Times_are_shown_in_Brussels_summer_and_winter()
    {
        Assert.Equal("20:15:03", NlBe.Time(new DateTimeOffset(2026, 11, 28, 19, 15, 3, TimeSpan.Zero)));
        Assert.Equal("21:15:03", NlBe.Time(new DateTimeOffset(2026, 7, 28, 19, 15, 3, TimeSpan.Zero)));
        // Just before midnight UTC on the 28th is already the 29th in Brussels.
        Assert.Equal("29/11/2026", NlBe.Date(new DateTimeOffset(2026, 11, 28, 23, 30, 0, TimeSpan.Zero)));
        Assert.Equal("28/11/2026", NlBe.Date(new DateOnly(2026, 11, 28)));
    }

    [Fact]
    public void The_comparison_per_inhabitant_in_euro_and_per_municipality_ranks_the_provinces_highest_first_beside_Vlaanderen()
    {
        var scopes = Samples.Comparison();
        // Limburg: a quarter of the people of the others, so per inhabitant it overtakes Oost-Vlaanderen and Vlaams-Brabant.
        scopes[1] = Samples.Scope("limburg", 2_000_000m, inhabitants: 250_000, municipalities: 10);

        var capita = Measures.Compare(scopes, "granted", "capita");
        Assert.Equal(6, capita.Count);
        var flanders = capita.Single(r => r.Scope == "flanders");
        Assert.Equal((true, (int?)null, 3m), (flanders.IsTotal, flanders.Rank, flanders.Value)); // € 15 million over 5 million inhabitants
        var limburg = capita.Single(r => r.Scope == "province:limburg");
        Assert.Equal(8m, limburg.Value); // € 2,000,000 / 250,000 inhabitants: euro per inhabitant
        Assert.Equal(1, limburg.Rank);
        Assert.Equal(5m, capita.Single(r => r.Scope == "province:west-vlaanderen").Value);

        var municipality = Measures.Compare(scopes, "granted", "municipality");
        Assert.Equal(200_000m, municipality.Single(r => r.Scope == "province:limburg").Value);
        Assert.Equal(1, municipality.Single(r => r.Scope == "province:limburg").Rank);
        Assert.Equal(5, municipality.Single(r => r.Scope == "province:antwerpen").Rank);
    }
}
