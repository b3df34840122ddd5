using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Events;
using static ProvincialMonitor.UnitTests.Domain.Provinces.ProvinceSpecs;

namespace ProvincialMonitor.UnitTests.Domain.Provinces;

public sealed class DecisionAndBudgetTests
{
    [Fact]
    public void A_decision_is_taken_and_filed_under_its_domain()
    {
        var events = Registered().Then(TakeSmartPort with { DecisionRef = "DEP-2026-114", Body = "deputatie" }, [SmartPort]);

        Assert.Equal(["limburg"], events[0].Scope.Provinces);
        Assert.Equal("spatial-economy", events[0].Scope.Domain);
    }

    [Fact]
    public void A_decision_needs_no_legal_basis_votes_or_amount() =>
        Registered().Then(TakeSmartPort with { LegalBasis = null, VotesFor = null, VotesAgainst = null, VotesAbstaining = null, Amount = null },
            [SmartPort with { LegalBasis = null, VotesFor = null, VotesAgainst = null, VotesAbstaining = null, Amount = null }]);

    [Fact]
    public void A_decision_reference_is_taken_once_per_province() =>
        Registered(SmartPort).ThenRefused(TakeSmartPort with { Title = "Another title" }, RefusalKind.Conflict);

    [Fact]
    public void The_same_decision_reference_may_be_used_by_another_province() =>
        New("antwerpen").Given(new ProvinceRegistered("antwerpen", "Antwerpen", "10000", "POM Antwerpen"))
            .Then(TakeSmartPort, [SmartPort], Actors.Officer("antwerpen"));

    [Theory]
    [InlineData("reference")]
    [InlineData("decidingBody")]
    [InlineData("title")]
    [InlineData("domain")]
    [InlineData("summary")]
    public void A_decision_needs_a_reference_a_deciding_body_a_title_a_domain_and_a_summary(string field)
    {
        var command = field switch
        {
            "reference" => TakeSmartPort with { Reference = null },
            "decidingBody" => TakeSmartPort with { DecidingBody = null },
            "title" => TakeSmartPort with { Title = "" },
            "domain" => TakeSmartPort with { Domain = null },
            _ => TakeSmartPort with { Summary = " " },
        };
        Specs.ThenInvalid(command, field);
    }

    [Fact]
    public void A_decision_is_taken_by_the_deputation_or_the_council()
    {
        Specs.ThenInvalid(TakeSmartPort with { DecidingBody = "gemeenteraad" }, "decidingBody");
        Specs.ThenInvalid(TakeSmartPort with { DecidingBody = "pom" }, "decidingBody");
        Specs.ThenInvalid(TakeSmartPort with { Domain = "tourism" }, "domain");
    }

    [Theory]
    [InlineData("votesFor")]
    [InlineData("votesAgainst")]
    [InlineData("votesAbstaining")]
    public void Votes_are_not_negative(string field)
    {
        var command = field switch
        {
            "votesFor" => TakeSmartPort with { VotesFor = -1 },
            "votesAgainst" => TakeSmartPort with { VotesAgainst = -1 },
            _ => TakeSmartPort with { VotesAbstaining = -1 },
        };
        Specs.ThenInvalid(command, field);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(10.005)]
    public void The_informative_amount_of_a_decision_is_euro_and_not_negative(double amount) =>
        Specs.ThenInvalid(TakeSmartPort with { Amount = (decimal)amount }, "amount");

    [Fact]
    public void The_envelope_s_decision_reference_and_body_agree_with_the_decision()
    {
        Specs.ThenInvalid(TakeSmartPort with { DecisionRef = "DEP-2026-999" }, "decisionRef");
        Specs.ThenInvalid(TakeSmartPort with { Body = "provincieraad" }, "body");
    }
}
