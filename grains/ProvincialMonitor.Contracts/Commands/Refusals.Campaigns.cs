namespace ProvincialMonitor.Contracts.Commands;

public static partial class Refusals
{
    public static readonly RefusalText CampaignActionNoTitle = new("campaign.action-no-title", RefusalKind.Conflict,
        "An action would have no title.",
        "Een actie zou geen titel hebben.");

    public static readonly RefusalText CampaignActionOutside = new("campaign.action-outside", RefusalKind.Conflict,
        "Action '{title}' would be held outside the participating provinces.",
        "Actie ‘{title}’ zou buiten de deelnemende provincies gehouden worden.");

    public static readonly RefusalText CampaignAfterPeriod = new("campaign.after-period", RefusalKind.Conflict,
        "The effective date {effective} is after the campaign's period ({periodStart} to {periodEnd}).",
        "De datum van inwerkingtreding {effective} ligt na de periode van de campagne ({periodStart} tot {periodEnd}).");

    public static readonly RefusalText CampaignAlreadyLaunched = new("campaign.already-launched", RefusalKind.Conflict,
        "Campaign {slug} is already launched.",
        "Campagne {slug} is al gelanceerd.");

    public static readonly RefusalText CampaignClosed = new("campaign.closed", RefusalKind.Conflict,
        "Campaign {slug} is closed.",
        "Campagne {slug} is afgesloten.");

    public static readonly RefusalText CampaignEventAfterClose = new("campaign.event-after-close", RefusalKind.Conflict,
        "A {event} would follow the close of the campaign.",
        "Een {event} zou volgen op het afsluiten van de campagne.");

    public static readonly RefusalText CampaignEventAfterPeriod = new("campaign.event-after-period", RefusalKind.Conflict,
        "Event {eventId} takes effect on {effectiveDate}, after the corrected period end {periodEnd}.",
        "Gebeurtenis {eventId} treedt in werking op {effectiveDate}, na het gecorrigeerde einde van de periode {periodEnd}.");

    public static readonly RefusalText CampaignMarketBadWeekday = new("campaign.market-bad-weekday", RefusalKind.Conflict,
        "Market {marketId} would be held on '{weekday}'.",
        "Markt {marketId} zou op ‘{weekday}’ gehouden worden.");

    public static readonly RefusalText CampaignMarketBeforeMunicipality = new("campaign.market-before-municipality", RefusalKind.Conflict,
        "Market {marketId} would join before its municipality {municipality}.",
        "Markt {marketId} zou deelnemen vóór haar gemeente {municipality}.");

    public static readonly RefusalText CampaignMarketElsewhere = new("campaign.market-elsewhere", RefusalKind.Conflict,
        "Market {marketId} would be recorded in {province}, but its municipality lies in {actual}.",
        "Markt {marketId} zou in {province} geregistreerd worden, maar haar gemeente ligt in {actual}.");

    public static readonly RefusalText CampaignMarketJoined = new("campaign.market-joined", RefusalKind.Conflict,
        "Market {marketId} has joined {slug} already.",
        "Markt {marketId} neemt al deel aan {slug}.");

    public static readonly RefusalText CampaignMarketMunicipalityNotJoined = new("campaign.market-municipality-not-joined", RefusalKind.Conflict,
        "Market {marketId} would lie in {municipality}, which has not joined.",
        "Markt {marketId} zou liggen in {municipality}, dat niet deelneemt.");

    public static readonly RefusalText CampaignMarketNegativeTraders = new("campaign.market-negative-traders", RefusalKind.Conflict,
        "Market {marketId} would have a negative number of traders.",
        "Markt {marketId} zou een negatief aantal handelaars hebben.");

    public static readonly RefusalText CampaignMarketNoName = new("campaign.market-no-name", RefusalKind.Conflict,
        "Market {marketId} would have no name.",
        "Markt {marketId} zou geen naam hebben.");

    public static readonly RefusalText CampaignMarketTwice = new("campaign.market-twice", RefusalKind.Conflict,
        "Market {marketId} would join twice.",
        "Markt {marketId} zou twee keer deelnemen.");

    public static readonly RefusalText CampaignMunicipalityElsewhere = new("campaign.municipality-elsewhere", RefusalKind.Conflict,
        "{municipality} would be recorded in {province}, but lies in {actual}.",
        "{municipality} zou in {province} geregistreerd worden, maar ligt in {actual}.");

    public static readonly RefusalText CampaignMunicipalityJoined = new("campaign.municipality-joined", RefusalKind.Conflict,
        "{municipality} has joined {slug} already.",
        "{municipality} neemt al deel aan {slug}.");

    public static readonly RefusalText CampaignMunicipalityNotJoined = new("campaign.municipality-not-joined", RefusalKind.Conflict,
        "Municipality {municipality} has not joined {slug}; it joins before its markets.",
        "Gemeente {municipality} neemt niet deel aan {slug}; ze neemt deel vóór haar markten.");

    public static readonly RefusalText CampaignMunicipalityProvinceNotParticipating = new("campaign.municipality-province-not-participating", RefusalKind.Conflict,
        "{municipality} would have joined, but {province} would not take part.",
        "{municipality} zou deelnemen, maar {province} zou niet deelnemen.");

    public static readonly RefusalText CampaignMunicipalityTwice = new("campaign.municipality-twice", RefusalKind.Conflict,
        "Municipality {municipality} would join twice.",
        "Gemeente {municipality} zou twee keer deelnemen.");

    public static readonly RefusalText CampaignNotLaunched = new("campaign.not-launched", RefusalKind.NotFound,
        "Campaign {slug} is not launched.",
        "Campagne {slug} is niet gelanceerd.");

    public static readonly RefusalText CampaignNotParticipating = new("campaign.not-participating", RefusalKind.Conflict,
        "{outside} does not take part in {slug}.",
        "{outside} neemt niet deel aan {slug}.");

    public static readonly RefusalText CampaignProvinceNotParticipating = new("campaign.province-not-participating", RefusalKind.Conflict,
        "{municipality} lies in {province}, which does not take part in {slug}.",
        "{municipality} ligt in {province}, dat niet deelneemt aan {slug}.");

    public static readonly RefusalText CampaignTargetNegative = new("campaign.target-negative", RefusalKind.Conflict,
        "The target of {province} would be negative.",
        "De doelstelling van {province} zou negatief zijn.");

    public static readonly RefusalText CampaignTargetNotParticipating = new("campaign.target-not-participating", RefusalKind.Conflict,
        "A target would be for {province}, which does not take part.",
        "Een doelstelling zou zijn voor {province}, dat niet deelneemt.");

    public static readonly RefusalText CampaignTargetTwice = new("campaign.target-twice", RefusalKind.Conflict,
        "{province} would have two targets.",
        "{province} zou twee doelstellingen hebben.");

    public static readonly RefusalText CampaignWouldEndBeforeStart = new("campaign.would-end-before-start", RefusalKind.Conflict,
        "The campaign's period would end before it starts.",
        "De periode van de campagne zou eindigen vóór ze begint.");

    public static readonly RefusalText CampaignWouldHaveBadProvinces = new("campaign.would-have-bad-provinces", RefusalKind.Conflict,
        "The campaign would not have known, distinct participating provinces.",
        "De campagne zou geen gekende, verschillende deelnemende provincies hebben.");

    public static readonly RefusalText CampaignWouldHaveNoName = new("campaign.would-have-no-name", RefusalKind.Conflict,
        "The campaign would have no name.",
        "De campagne zou geen naam hebben.");

    public static readonly RefusalText CampaignWouldNotBeMunicipality = new("campaign.would-not-be-municipality", RefusalKind.Conflict,
        "{nis} would not be a Flemish municipality.",
        "{nis} zou geen Vlaamse gemeente zijn.");

    public static readonly RefusalText MarketAlreadyRegistered = new("market.already-registered", RefusalKind.Conflict,
        "Market {key} is already registered.",
        "Markt {key} is al geregistreerd.");

    public static readonly RefusalText MarketBadWeekday = new("market.bad-weekday", RefusalKind.Conflict,
        "The market would be held on '{weekday}'.",
        "De markt zou op ‘{weekday}’ gehouden worden.");

    public static readonly RefusalText MarketClosed = new("market.closed", RefusalKind.Conflict,
        "Market {key} is closed: its campaign has closed.",
        "Markt {key} is afgesloten: de campagne is afgesloten.");

    public static readonly RefusalText MarketDayNegativeTraders = new("market.day-negative-traders", RefusalKind.Conflict,
        "The market day of {date} would have a negative number of traders.",
        "De marktdag van {date} zou een negatief aantal handelaars hebben.");

    public static readonly RefusalText MarketDayOutsidePeriod = new("market.day-outside-period", RefusalKind.Conflict,
        "{date} is outside the campaign's period ({period}).",
        "{date} ligt buiten de periode van de campagne ({period}).");

    public static readonly RefusalText MarketDayRecorded = new("market.day-recorded", RefusalKind.Conflict,
        "The market day of {date} is recorded already.",
        "De marktdag van {date} is al geregistreerd.");

    public static readonly RefusalText MarketDayTwice = new("market.day-twice", RefusalKind.Conflict,
        "The market day of {date} would be recorded twice.",
        "De marktdag van {date} zou twee keer geregistreerd worden.");

    public static readonly RefusalText MarketDayWouldBeOutside = new("market.day-would-be-outside", RefusalKind.Conflict,
        "The market day of {date} would lie outside the campaign's period.",
        "De marktdag van {date} zou buiten de periode van de campagne liggen.");

    public static readonly RefusalText MarketEntriesCount = new("market.entries-count", RefusalKind.Conflict,
        "Entries at {at} would count {count}: from 1 to {maxCount} per registration.",
        "Deelnames op {at} zouden {count} tellen: van 1 tot {maxCount} per registratie.");

    public static readonly RefusalText MarketEntriesOutsidePeriod = new("market.entries-outside-period", RefusalKind.Conflict,
        "{at} is outside the campaign's period ({period}, Brussels time).",
        "{at} ligt buiten de periode van de campagne ({period}, Brusselse tijd).");

    public static readonly RefusalText MarketEntriesWouldBeOutside = new("market.entries-would-be-outside", RefusalKind.Conflict,
        "Entries at {at} would lie outside the campaign's period.",
        "Deelnames op {at} zouden buiten de periode van de campagne liggen.");

    public static readonly RefusalText MarketEventAfterClose = new("market.event-after-close", RefusalKind.Conflict,
        "A {event} would follow the close of the market.",
        "Een {event} zou volgen op het afsluiten van de markt.");

    public static readonly RefusalText MarketNotRegistered = new("market.not-registered", RefusalKind.NotFound,
        "Market {key} is not registered.",
        "Markt {key} is niet geregistreerd.");

    public static readonly RefusalText MarketWouldLieElsewhere = new("market.would-lie-elsewhere", RefusalKind.Conflict,
        "The market would be recorded in {province}, but {municipality} lies in {actual}.",
        "De markt zou in {province} geregistreerd worden, maar {municipality} ligt in {actual}.");

    public static readonly RefusalText MarketWouldNotBeMunicipality = new("market.would-not-be-municipality", RefusalKind.Conflict,
        "{municipality} would not be a Flemish municipality.",
        "{municipality} zou geen Vlaamse gemeente zijn.");

    public static readonly RefusalText MarketWrongStream = new("market.wrong-stream", RefusalKind.Conflict,
        "Stream {stream} holds market {marketId} of campaign {campaign}, not {key}.",
        "Stroom {stream} bevat markt {marketId} van campagne {campaign}, niet {key}.");
}
