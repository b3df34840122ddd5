namespace ProvincialMonitor.Browser.Tests;

/// <summary>The raw-code detector of the page walk, without a browser: it finds the codes issue 27 names and passes Dutch.</summary>
public sealed class RawCodeTests
{
    [Theory]
    [InlineData("Gemeten: employment-rate 76,1 percent (2024)", "employment-rate", "percent")]
    [InlineData("Budget 2026: € 10,00 (labour-market)", "labour-market")]
    [InlineData("Subsidie toegekend: € 1.250,00 (province)", "province")]
    [InlineData("Resultaat gemeld: 14 companies-supported", "companies-supported")]
    [InlineData("Projectstatus: running.", "running")]
    [InlineData("Soort EntriesRegistered.v1", "EntriesRegistered.v1")]
    [InlineData("municipalities[0]: Staat er twee keer in.", "municipalities")]
    [InlineData("Weigering field.given-twice", "field.given-twice")]
    [InlineData("amount: Geen getal.", "amount")]
    [InlineData("Leegstand: vacant 2 ha", "vacant")]
    public void The_codes_of_the_catalogs_are_found_as_whole_words(string text, params string[] codes) =>
        Assert.Equal(codes, RawCodes.Find(text).Select(h => h.Code));

    [Theory]
    [InlineData("Subsidie toegekend: € 1.250,00 (Provincie). Status: Lopend; budget en clusters van de deputatie.")]
    [InlineData("Stroom province-antwerpen, project-0193; Demo auditor (auditor); POM en EU; Flanders' FOOD.")]
    [InlineData("Gemeten: Werkzaamheidsgraad 76,1 % (2024)")]
    [InlineData("Door key:k-bootstrap-596939ef (beheerder)")]
    [InlineData("Leegstand en reserve van een bedrijventerrein meten")]
    public void Dutch_text_and_identifiers_pass(string text) => Assert.Empty(RawCodes.Find(text));
}
