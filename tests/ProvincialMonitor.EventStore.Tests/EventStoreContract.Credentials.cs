namespace ProvincialMonitor.EventStore.Tests;

public abstract partial class EventStoreContract
{
    [Fact]
    public async Task A_login_is_unique_and_found_whatever_its_case()
    {
        var credentials = Store.Credentials;

        Assert.True(await credentials.AddUserAsync("u-1", "An.Peeters", "An Peeters", "hash-1"));
        Assert.False(await credentials.AddUserAsync("u-2", "an.peeters", null, "hash-2"));

        var found = await credentials.FindByLoginAsync(" AN.PEETERS ");
        Assert.Equal(new PrincipalName("u-1", "an.peeters", "An Peeters", "hash-1"), found);
        Assert.Equal(found, await credentials.FindByActorAsync("u-1"));
        Assert.Single(await credentials.ListUsersAsync());
    }

    [Fact]
    public async Task A_password_hash_is_replaced_and_an_erased_name_leaves_the_id_and_the_chain()
    {
        var credentials = Store.Credentials;
        await credentials.AddUserAsync("u-1", "an", "An Peeters", "hash-1");
        await Append("province-limburg", ExpectedVersion.NoStream, Event(actor: "u-1"));

        await credentials.SetPasswordHashAsync("u-1", "hash-2");
        Assert.Equal("hash-2", (await credentials.FindByActorAsync("u-1"))!.PasswordHash);

        await credentials.EraseNameAsync("u-1");

        Assert.Equal(new PrincipalName("u-1", null, null, null), await credentials.FindByActorAsync("u-1"));
        Assert.Null(await credentials.FindByLoginAsync("an"));
        Assert.Equal("u-1", (await Store.ReadStreamAsync("province-limburg")).Single().Tags.Actor);
        Assert.True((await Store.VerifyAsync()).Intact);
    }

    [Fact]
    public async Task An_api_key_is_found_by_its_hash_only()
    {
        var credentials = Store.Credentials;
        await credentials.AddApiKeyAsync("k-import", new string('a', 64), "import script");

        Assert.Equal("k-import", await credentials.FindKeyIdAsync(new string('a', 64)));
        Assert.Null(await credentials.FindKeyIdAsync(new string('b', 64)));
        var listed = Assert.Single(await credentials.ListApiKeysAsync());
        Assert.Equal(("k-import", "import script"), (listed.KeyId, listed.Label));
    }

    [Fact]
    public async Task A_session_is_open_from_its_start_until_it_ends_and_stays_ended()
    {
        var credentials = Store.Credentials;
        await credentials.StartSessionAsync("s-1", "u-1");
        await credentials.StartSessionAsync("s-2", "u-1");
        var headBefore = await Store.GetHeadAsync();

        await credentials.EndSessionAsync("s-1");
        await credentials.EndSessionAsync("s-1");

        Assert.False(await credentials.IsSessionOpenAsync("s-1"));
        Assert.True(await credentials.IsSessionOpenAsync("s-2"));
        Assert.False(await credentials.IsSessionOpenAsync("never-started"));
        Assert.Equal(headBefore, await Store.GetHeadAsync());
    }
}
