namespace ProvincialMonitor.EventStore.Tests;

public abstract partial class EventStoreContract
{
    [Fact]
    public async Task A_company_number_keeps_one_pseudonymous_id_and_its_first_name()
    {
        var beneficiaries = Store.Beneficiaries;

        var (first, made) = await beneficiaries.ResolveAsync("0123456749", " Bakkerij Peeters ", () => "ben_" + new string('a', 32));
        var (again, madeAgain) = await beneficiaries.ResolveAsync("0123456749", "Peeters BV", () => "ben_" + new string('b', 32));

        Assert.True(made);
        Assert.False(madeAgain);
        Assert.Equal(first, again);
        Assert.Equal(new BeneficiaryName(first, "Bakkerij Peeters", "0123456749"), await beneficiaries.FindAsync(first));
        Assert.Equal(first, (await beneficiaries.FindByNumberAsync("0123456749"))!.BeneficiaryId);
    }

    [Fact]
    public async Task An_erased_beneficiary_keeps_its_id_in_the_log_loses_name_and_number_and_the_chain_still_verifies()
    {
        var beneficiaries = Store.Beneficiaries;
        var (id, _) = await beneficiaries.ResolveAsync("0123456749", "An Peeters (eenmanszaak)", () => "ben_" + new string('c', 32));
        await Append("project-a", ExpectedVersion.NoStream,
            Event(data: $$"""{"amount":1000,"beneficiaryId":"{{id}}","funder":"province","grantRef":"G-1","grantingProvince":"antwerpen","regulation":"R-1"}"""));

        Assert.True(await beneficiaries.EraseAsync(id));

        Assert.Equal(new BeneficiaryName(id, null, null), await beneficiaries.FindAsync(id));
        Assert.Null(await beneficiaries.FindByNumberAsync("0123456749"));
        Assert.DoesNotContain(id, (await beneficiaries.NamesAsync()).Keys);
        var stored = (await Store.ReadStreamAsync("project-a")).Single();
        Assert.Contains(id, stored.Data);
        Assert.DoesNotContain("Peeters", stored.Data);
        Assert.True((await Store.VerifyAsync()).Intact);
        Assert.False(await beneficiaries.EraseAsync("ben_" + new string('d', 32)));
        // The number is free again: a later grant to it gets a new id.
        var (next, made) = await beneficiaries.ResolveAsync("0123456749", "An Peeters", () => "ben_" + new string('e', 32));
        Assert.True(made);
        Assert.NotEqual(id, next);
    }
}
