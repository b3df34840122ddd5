using Bunit;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Dashboard.Forms;
using Radzen.Blazor;

namespace ProvincialMonitor.Dashboard.Tests;

/// <summary>What a person types is stored as meant or refused with the field named in Dutch; nothing is changed on the way.</summary>
public sealed class FormInputTests : RegisterFormContext
{
    public FormInputTests()
    {
        Authorization.SetAuthorized("Ambtenaar Antwerpen");
        Authorization.SetRoles("officer");
        Authorization.SetClaims(new System.Security.Claims.Claim("provmon:province", "antwerpen"));
    }

    private IRenderedComponent<RegisterAction> Decision()
    {
        var page = Open("beslissing");
        page.Find("#f-reference").Change("DEP-2026-0412");
        page.Find("#f-decidingBody").Change("provincieraad");
        page.Find("#f-title").Change("Meerjarenplan");
        page.Find("#f-domain").Change("circular-economy");
        page.Find("#f-summary").Change("De raad keurt het plan goed.");
        return page;
    }

    [Theory]
    [InlineData("1000.50", "1000.50")]
    [InlineData("1000,50", "1000.50")]
    [InlineData("1.000,50", "1000.50")]
    [InlineData("2.5", "2.5")]
    [InlineData("2.50", "2.50")]
    [InlineData("1.000.000", "1000000")]
    [InlineData("€ 250 000,00", "250000.00")]
    public void An_amount_is_stored_as_typed(string typed, string stored)
    {
        var page = Decision();
        page.Find("#f-amount").Change(typed);

        Submit(page);

        var decision = Stored<TakeDecision>(page, "province", "antwerpen");
        Assert.Equal(decimal.Parse(stored, System.Globalization.CultureInfo.InvariantCulture), decision.Amount);
    }

    [Theory]
    [InlineData("1.000", "1.000 of als 1")]
    [InlineData("12.500", "12.500 of als 12,5")]
    [InlineData("1,000.50", "1000,50")]
    [InlineData("10,505", "twee decimalen")]
    [InlineData("duizend", "Geen getal")]
    public void An_amount_that_cannot_be_read_one_way_is_refused_and_nothing_is_sent(string typed, string message)
    {
        var page = Decision();
        page.Find("#f-amount").Change(typed);

        Submit(page);

        page.WaitForAssertion(() => Assert.Contains(message, page.Find("[data-testid=error-amount]").TextContent, StringComparison.Ordinal));
        Assert.Empty(Commands.Sent);
    }

    [Theory]
    [InlineData("2.5")]
    [InlineData("3,0")]
    [InlineData("vijf")]
    public void Votes_that_are_not_a_whole_number_are_refused(string typed)
    {
        var page = Decision();
        page.Find("#f-votesFor").Change(typed);

        Submit(page);

        page.WaitForAssertion(() => Assert.Contains("geheel getal", page.Find("[data-testid=error-votesFor]").TextContent, StringComparison.Ordinal));
        Assert.Empty(Commands.Sent);
    }

    [Fact]
    public void An_effective_date_that_is_not_a_date_is_refused_not_read_as_today()
    {
        var page = Decision();
        var picker = page.FindComponents<RadzenDatePicker<DateOnly?>>().Single(p => p.Instance.Name == FormMessages.InputId("effectiveDate"));
        Assert.NotNull(picker.Instance.ParseInput);
        page.InvokeAsync(() => picker.Instance.ParseInput!("31/02/2026"));

        Submit(page);

        page.WaitForAssertion(() => Assert.Contains("Geen geldige datum", page.Find("[data-testid=error-effectiveDate]").TextContent, StringComparison.Ordinal));
        Assert.Empty(Commands.Sent);
    }

    [Fact]
    public void No_form_cuts_what_is_typed()
    {
        foreach (var form in ActionForms.All)
        {
            var page = Open(form.Slug);
            Assert.True(page.FindAll("[maxlength]").Count == 0, $"{form.Slug}: an input with maxlength cuts a pasted text without a word");
        }
    }

    [Fact]
    public void Text_over_its_maximum_is_refused_with_the_field_named()
    {
        var page = Decision();
        page.Find("#f-title").Change(new string('x', 201));

        Submit(page);

        page.WaitForAssertion(() => Assert.NotEmpty(page.Find("[data-testid=error-title]").TextContent));
        Assert.IsType<TakeDecision>(Assert.Single(Commands.Sent).Action.Command);
    }
}
