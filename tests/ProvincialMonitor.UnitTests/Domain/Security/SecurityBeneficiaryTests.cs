using System.Text.Json;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Events;
using static ProvincialMonitor.UnitTests.Domain.Security.SecuritySpecs;

namespace ProvincialMonitor.UnitTests.Domain.Security;

/// <summary>The erasure of a grant's beneficiary's name on record in the security stream, by its pseudonymous id only.</summary>
public sealed class SecurityBeneficiaryTests
{
    [Fact]
    public void A_beneficiary_s_name_is_erased_once_on_record_without_a_province()
    {
        var spec = New();
        var events = spec.Then(new EraseBeneficiaryName(Beneficiary), [new BeneficiaryNameErased(Beneficiary)]);

        Assert.Equal("BeneficiaryNameErased.v1", EventTypes.NameOf(events[0].Event));
        Assert.Empty(events[0].Scope.Provinces);
        Assert.Equal(Specs.Today, events[0].EffectiveDate);
        Assert.Contains(Beneficiary, spec.History.State.ErasedBeneficiaries);

        var refusal = spec.ThenRefused(new EraseBeneficiaryName(Beneficiary), RefusalKind.Conflict);
        Assert.Equal(Refusals.BeneficiaryNameErased.Code, refusal.Code);
        Assert.Contains(Beneficiary, refusal.Message, StringComparison.Ordinal);
        Assert.Equal($"De naam van begunstigde {Beneficiary} werd al gewist.", refusal.Dutch);
    }

    [Fact]
    public void Each_beneficiary_is_erased_on_its_own()
    {
        const string other = "ben_0190d1c2e3f4a5b6c7d8e9f0a1b2c3d5";
        var spec = Given(new BeneficiaryNameErased(Beneficiary), AnRegistered);
        spec.Then(new EraseBeneficiaryName(other), [new BeneficiaryNameErased(other)]);
        // A user's name erasure and a beneficiary's are apart: the user's is still open.
        spec.Then(new EraseUserName("u-an"), [new UserNameErased("u-an")]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("u-an")]
    [InlineData("ben_")]
    [InlineData("ben_0190D1C2E3F4A5B6C7D8E9F0A1B2C3D4")]
    [InlineData("ben_0190d1c2e3f4a5b6c7d8e9f0a1b2c3d")]
    [InlineData("ben_0190d1c2e3f4a5b6c7d8e9f0a1b2c3d4e")]
    [InlineData("BEN_0190d1c2e3f4a5b6c7d8e9f0a1b2c3d4")]
    public void A_beneficiary_id_is_ben_and_32_lower_case_hex_digits(string? id) =>
        Specs.ThenInvalid(new EraseBeneficiaryName(id), "beneficiaryId");

    [Fact]
    public void The_event_holds_the_pseudonymous_id_and_nothing_else()
    {
        using var json = JsonDocument.Parse(EventJson.Serialize(new BeneficiaryNameErased(Beneficiary)));
        var property = Assert.Single(json.RootElement.EnumerateObject());
        Assert.Equal(("beneficiaryId", Beneficiary), (property.Name, property.Value.GetString()));
    }

    [Fact]
    public void An_erasure_in_the_log_of_an_id_missing_or_given_twice_does_not_throw()
    {
        var state = Given(new BeneficiaryNameErased(null!), new BeneficiaryNameErased(Beneficiary), new BeneficiaryNameErased(Beneficiary))
            .History.State;
        Assert.Equal(Beneficiary, Assert.Single(state.ErasedBeneficiaries));
    }
}
