using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Reference;
using ProvincialMonitor.Contracts.Views;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.Dashboard.Forms;
using ProvincialMonitor.Dashboard.Campaigns;
using ProvincialMonitor.Dashboard.EventLog;

namespace ProvincialMonitor.Dashboard.Tests;

/// <summary>The forms of a campaign's actions for coordinators: an action, a municipality and a market join, a market day, entries.</summary>
public sealed class CampaignFormTests : RegisterFormContext
{
    private const string Slug = CampaignSamples.Slug;

    public CampaignFormTests()
    {
        Authorization.SetAuthorized("Coördinator markten");
        Authorization.SetRoles("coordinator");
        var campaign = CampaignSamples.Campaign();
        Campaigns.Campaigns[Slug] = campaign;
        Campaigns.List.Add(new CampaignListItem(Slug, campaign.Name, campaign.PeriodStart, campaign.PeriodEnd, false, 38_345));
        Campaigns.List.Add(new CampaignListItem("maand-van-de-markt-2026", "Maand van de Markt 2026", new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 30), true, 30_000));
    }

    private IRenderedComponent<RegisterAction> RenderForm(string form, bool withCampaign = true) => Open(form, withCampaign ? $"?campagne={Slug}" : null);

    [Fact]
    public void The_campaign_picker_lists_the_campaigns_and_a_missing_campaign_is_reported_before_sending()
    {
        var page = RenderForm("campagne-actie", withCampaign: false);
        Assert.Equal(["", Slug, "maand-van-de-markt-2026"], page.FindAll("[data-testid=campaign-select] option").Select(o => o.GetAttribute("value")));
        Assert.Contains("01/04/2026 – 30/04/2026, afgesloten", page.FindAll("[data-testid=campaign-select] option")[2].TextContent, StringComparison.Ordinal);
        page.Find("#f-title").Change("Markt in de kijker");

        Submit(page);

        Assert.Equal("Kies een campagne.", page.Find("[data-testid=error-campaign]").TextContent);
        Assert.Empty(Commands.Sent);
    }

    [Fact]
    public void A_campaign_action_is_held_in_the_chosen_provinces_of_the_campaign()
    {
        var page = RenderForm("campagne-actie", withCampaign: false);
        page.Find("[data-testid=campaign-select]").Change(Slug);
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-testid=campaign-provinces] input").Count));
        page.Find("[data-testid=campaign-provinces] input[value=limburg]").Change(true);
        page.Find("#f-title").Change("Markt in de kijker");
        page.Find("#f-description").Change("Affiches op alle markten.");

        Submit(page);

        var action = Stored<HoldCampaignAction>(page, "campaign", Slug);
        Assert.Equal(("Markt in de kijker", "Affiches op alle markten."), (action.Title, action.Description));
        Assert.Equal(["limburg"], action.Provinces!);
    }

    [Fact]
    public void A_campaign_action_without_title_is_refused_next_to_the_title()
    {
        var page = RenderForm("campagne-actie");

        Submit(page);

        page.WaitForAssertion(() => Assert.Equal("Dit veld is verplicht.", page.Find("[data-testid=error-title]").TextContent));
        Assert.Null(((HoldCampaignAction)Commands.Sent.Single().Action.Command).Provinces);
    }

    [Fact]
    public void A_municipality_of_a_participating_province_joins()
    {
        var page = RenderForm("campagne-gemeente");
        var offered = page.FindAll("[data-testid=municipality-select] option").Skip(1).Select(o => ReferenceData.FindMunicipality(o.GetAttribute("value")!)!.ProvinceSlug).ToList();
        Assert.Equal(ReferenceData.Municipalities.Count(m => m.ProvinceSlug is "antwerpen" or "limburg" or "oost-vlaanderen"), offered.Count);
        var genk = ReferenceData.Municipalities.First(m => m.ProvinceSlug == "limburg").NisCode;
        page.Find("#f-municipality").Change(genk);

        Submit(page);

        Assert.Equal(genk, Stored<JoinMunicipality>(page, "campaign", Slug).Municipality);
    }

    [Fact]
    public void A_municipality_left_empty_is_refused_in_Dutch()
    {
        var page = RenderForm("campagne-gemeente");

        Submit(page);

        page.WaitForAssertion(() => Assert.Equal("Dit veld is verplicht.", page.Find("[data-testid=error-municipality]").TextContent));
    }

    [Fact]
    public void A_market_joins_in_a_municipality_that_joined()
    {
        var page = RenderForm("campagne-markt");
        // The joined municipalities that are municipalities after the 2025 mergers (the sample's 71022 is not).
        Assert.Equal(["11002", "12025", "44021"],
            page.FindAll("[data-testid=municipality-select] option").Skip(1).Select(o => o.GetAttribute("value")!).Order(StringComparer.Ordinal));
        page.Find("#f-municipality").Change("44021");
        page.Find("#f-marketId").Change("zondagsmarkt-gent");
        page.Find("#f-name").Change("Zondagsmarkt Gent");
        page.Find("#f-weekday").Change("sunday");
        page.Find("#f-traders").Change("1.200");

        Submit(page);

        var market = Stored<JoinMarket>(page, "campaign", Slug);
        Assert.Equal(("zondagsmarkt-gent", "Zondagsmarkt Gent", "44021", "sunday", 1200), (market.MarketId, market.Name, market.Municipality, market.Weekday, market.Traders));
    }

    [Fact]
    public void A_market_code_that_is_no_slug_is_refused_in_Dutch_next_to_it()
    {
        var page = RenderForm("campagne-markt");
        page.Find("#f-municipality").Change("44021");
        page.Find("#f-marketId").Change("Zondagsmarkt Gent");
        page.Find("#f-name").Change("Zondagsmarkt Gent");
        page.Find("#f-weekday").Change("sunday");
        page.Find("#f-traders").Change("-1");

        Submit(page);

        page.WaitForAssertion(() => Assert.Equal("Alleen kleine letters, cijfers en enkele koppeltekens (hoogstens 60).", page.Find("[data-testid=error-marketId]").TextContent));
        Assert.Equal("Mag niet negatief zijn.", page.Find("[data-testid=error-traders]").TextContent);
    }

    [Fact]
    public void A_market_day_goes_to_the_market_picked_from_the_campaigns_figures()
    {
        var page = RenderForm("marktdag");
        Assert.Equal(6, page.FindAll("[data-testid=market-select] option").Count);
        Assert.Contains("Dinsdagmarkt Hasselt (Hasselt, dinsdag)", page.FindAll("[data-testid=market-select] option").Select(o => o.TextContent));

        Submit(page);
        Assert.Equal("Kies een markt.", page.Find("[data-testid=error-market]").TextContent);
        Assert.Empty(Commands.Sent);

        page.Find("[data-testid=market-select]").Change("m-4");
        page.Find("#f-tradersPresent").Change("85");
        Submit(page);

        var day = Stored<HoldMarketDay>(page, "market", $"{Slug}/m-4");
        Assert.Equal((Clock.Today, 85), (day.Date, day.TradersPresent));
    }

    [Fact]
    public void A_negative_number_of_traders_present_is_refused_in_Dutch()
    {
        var page = RenderForm("marktdag");
        page.Find("[data-testid=market-select]").Change("m-1");
        page.Find("#f-tradersPresent").Change("-3");

        Submit(page);

        page.WaitForAssertion(() => Assert.Equal("Mag niet negatief zijn.", page.Find("[data-testid=error-tradersPresent]").TextContent));
        Assert.Equal($"{Slug}/m-1", Commands.Sent.Single().Action.Key);
    }

    [Fact]
    public void Entries_without_a_time_are_now_and_a_retry_sends_the_same_moment()
    {
        var before = Clock.Now;
        Commands.Outcomes.Enqueue(FormOutcome.Refusing(Refusal.Of(Refusals.StoreUnavailable)));
        var page = RenderForm("inschrijvingen");
        page.Find("[data-testid=market-select]").Change("m-5");
        page.Find("#f-count").Change("250");

        Submit(page);
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=form-alert]")));
        Submit(page);

        var entries = Stored<RegisterEntries>(page, "market", $"{Slug}/m-5");
        Assert.Equal(250, entries.Count);
        Assert.InRange(entries.At!.Value, before, Clock.Now);
        Assert.Equal(Commands.Sent[0], Commands.Sent[1] with { User = Commands.Sent[0].User });
    }

    [Fact]
    public void Too_many_entries_at_once_are_refused_in_Dutch()
    {
        var page = RenderForm("inschrijvingen");
        page.Find("[data-testid=market-select]").Change("m-5");
        page.Find("#f-count").Change("200000");

        Submit(page);

        page.WaitForAssertion(() => Assert.Equal("Hoogstens 100.000 per registratie.", page.Find("[data-testid=error-count]").TextContent));
        Assert.Equal("e-count", page.Find("#f-count").GetAttribute("aria-describedby"));
    }

    [Fact]
    public void A_campaign_event_is_corrected_with_a_value_in_nl_BE_and_a_missing_reason_is_reported_in_Dutch()
    {
        var eventId = Guid.CreateVersion7();
        Commands.Events[$"campaign:{Slug}"] =
        [
            new CorrectableEvent(12, eventId, "CampaignActionHeld.v1", new DateOnly(2027, 4, 3), "Campagneactie: Markt in de kijker",
                [new CorrectableField("title", "\"Markt in de kijker\""), new CorrectableField("budget", "1500")]),
        ];
        var page = RenderForm("campagne-correctie");
        Assert.Equal("campaign", page.Find("#f-kind").GetAttribute("value"));
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=event-select] option").Count));

        page.Find("[data-testid=event-select]").Change(eventId.ToString());
        page.Find("[data-testid=field-select]").Change("budget");
        page.Find("#f-changes-0--newValue").Change("1.250,50");
        Submit(page);
        page.WaitForAssertion(() => Assert.Equal("Dit veld is verplicht.", page.Find("[data-testid='error-reason']").TextContent));
        Assert.Equal("true", page.Find("#f-reason").GetAttribute("aria-invalid"));
        Assert.Equal("e-reason", page.Find("#f-reason").GetAttribute("aria-describedby"));

        page.Find("#f-reason").Change("Bedrag verkeerd overgenomen");
        Submit(page);

        var correction = Stored<CorrectCampaign>(page, "campaign", Slug);
        Assert.Equal(eventId, correction.EventId);
        Assert.Equal(("budget", "1250.50"), (correction.Changes![0].Field, correction.Changes[0].NewValueJson));
        Assert.Equal("Bedrag verkeerd overgenomen", correction.Reason);
    }

    [Fact]
    public void A_market_event_is_retracted_after_picking_the_market_and_an_unpicked_market_is_reported_before_sending()
    {
        var eventId = Guid.CreateVersion7();
        Commands.Events[$"market:{Slug}/m-4"] =
        [
            new CorrectableEvent(40, eventId, "EntriesRegistered.v1", new DateOnly(2027, 4, 6), "Deelnames: 250", [new CorrectableField("count", "250")]),
        ];
        var page = Open("campagne-intrekking", $"?campagne={Slug}&soort=markt");
        Assert.Equal("market", page.Find("#f-kind").GetAttribute("value"));
        Assert.Empty(page.FindAll("[data-testid=field-select]"));

        page.Find("#f-reason").Change("Dubbel geteld");
        Submit(page);
        Assert.Equal("Kies een markt.", page.Find("[data-testid=error-market]").TextContent);
        Assert.Empty(Commands.Sent);

        page.Find("[data-testid=market-select]").Change("m-4");
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=event-select] option").Count));
        page.Find("[data-testid=event-select]").Change(eventId.ToString());
        Submit(page);

        var retraction = Stored<RetractMarketEvent>(page, "market", $"{Slug}/m-4");
        Assert.Equal((eventId, "Dubbel geteld"), (retraction.EventId, retraction.Reason));
    }

    [Fact]
    public void A_retraction_without_an_event_is_refused_next_to_the_event_field_in_Dutch()
    {
        var page = RenderForm("campagne-intrekking");
        page.Find("#f-reason").Change("Vergissing");

        Submit(page);

        page.WaitForAssertion(() => Assert.Equal("Dit veld is verplicht.", page.Find("[data-testid=error-eventId]").TextContent));
        Assert.Equal("e-eventId", page.Find("#f-eventId").GetAttribute("aria-describedby"));
        Assert.IsType<RetractCampaignEvent>(Commands.Sent.Single().Action.Command);
        Assert.Equal(("campaign", Slug), (Commands.Sent.Single().Action.Kind, Commands.Sent.Single().Action.Key));
    }
}
