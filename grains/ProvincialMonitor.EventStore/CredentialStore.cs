using System.Data.Common;
using System.Globalization;

namespace ProvincialMonitor.EventStore;

/// <summary>A person behind a pseudonymous actor id: what may be erased without touching the event log.</summary>
public sealed record PrincipalName(string ActorId, string? Login, string? DisplayName, string? PasswordHash);

public sealed record ApiKeyRecord(string KeyId, string? Label, DateTimeOffset CreatedAt);

/// <summary>
/// Logins, display names, password hashes, API key hashes and login sessions, kept beside the event log in the
/// same database but outside the hash chain, so that a name can be erased while the events keep the id.
/// </summary>
public sealed class CredentialStore
{
    private readonly SideTable _table;

    internal CredentialStore(Func<CancellationToken, ValueTask<DbConnection>> open, TimeProvider time) => _table = new SideTable(open, time);

    /// <summary>Adds a user's name row; false when the login is taken.</summary>
    public async Task<bool> AddUserAsync(string actorId, string login, string? displayName, string? passwordHash, CancellationToken cancellationToken = default)
    {
        if (await FindByLoginAsync(login, cancellationToken) is not null) return false;
        await ExecuteAsync(
            "INSERT INTO principal_names (actor_id, login, display_name, password_hash, updated_at) VALUES (@id, @login, @name, @hash, @now)",
            cancellationToken, ("@id", actorId), ("@login", Normalize(login)), ("@name", displayName), ("@hash", passwordHash), ("@now", Now()));
        return true;
    }

    public async Task<PrincipalName?> FindByLoginAsync(string login, CancellationToken cancellationToken = default) =>
        First(await QueryNamesAsync("WHERE login = @login", cancellationToken, ("@login", Normalize(login))));

    public async Task<PrincipalName?> FindByActorAsync(string actorId, CancellationToken cancellationToken = default) =>
        First(await QueryNamesAsync("WHERE actor_id = @id", cancellationToken, ("@id", actorId)));

    private static PrincipalName? First(IReadOnlyList<PrincipalName> names) => names.Count > 0 ? names[0] : null;

    public Task<IReadOnlyList<PrincipalName>> ListUsersAsync(CancellationToken cancellationToken = default) =>
        QueryNamesAsync("ORDER BY login", cancellationToken);

    /// <summary>Gives the row of a login claimed without them (<see cref="AddUserAsync"/> with nulls) its display name and password hash.</summary>
    public Task SetNameAsync(string actorId, string? displayName, string? passwordHash, CancellationToken cancellationToken = default) =>
        ExecuteAsync("UPDATE principal_names SET display_name = @name, password_hash = @hash, updated_at = @now WHERE actor_id = @id",
            cancellationToken, ("@id", actorId), ("@name", displayName), ("@hash", passwordHash), ("@now", Now()));

    /// <summary>Removes an actor's row: only for a login claimed for a registration that was not stored.</summary>
    public Task RemoveAsync(string actorId, CancellationToken cancellationToken = default) =>
        ExecuteAsync("DELETE FROM principal_names WHERE actor_id = @id", cancellationToken, ("@id", actorId));

    public Task SetPasswordHashAsync(string actorId, string passwordHash, CancellationToken cancellationToken = default) =>
        ExecuteAsync("UPDATE principal_names SET password_hash = @hash, updated_at = @now WHERE actor_id = @id",
            cancellationToken, ("@id", actorId), ("@hash", passwordHash), ("@now", Now()));

    /// <summary>Forgets the login, name and password of an actor: the id stays, in this table and in the log.</summary>
    public Task EraseNameAsync(string actorId, CancellationToken cancellationToken = default) =>
        ExecuteAsync("UPDATE principal_names SET login = NULL, display_name = NULL, password_hash = NULL, updated_at = @now WHERE actor_id = @id",
            cancellationToken, ("@id", actorId), ("@now", Now()));

    public Task AddApiKeyAsync(string keyId, string sha256Hex, string? label, CancellationToken cancellationToken = default) =>
        ExecuteAsync("INSERT INTO api_key_hashes (key_id, key_sha256, label, created_at) VALUES (@id, @hash, @label, @now)",
            cancellationToken, ("@id", keyId), ("@hash", sha256Hex), ("@label", label), ("@now", Now()));

    /// <summary>As <see cref="AddApiKeyAsync"/>, but a key that is already there (stored by another silo starting at the same time) is left as it is.</summary>
    public Task AddApiKeyIfAbsentAsync(string keyId, string sha256Hex, string? label, CancellationToken cancellationToken = default) =>
        ExecuteAsync("INSERT INTO api_key_hashes (key_id, key_sha256, label, created_at) VALUES (@id, @hash, @label, @now) ON CONFLICT DO NOTHING",
            cancellationToken, ("@id", keyId), ("@hash", sha256Hex), ("@label", label), ("@now", Now()));

    public async Task<string?> FindKeyIdAsync(string sha256Hex, CancellationToken cancellationToken = default) =>
        await _table.ScalarAsync("SELECT key_id FROM api_key_hashes WHERE key_sha256 = @hash", cancellationToken, ("@hash", sha256Hex)) as string;

    public Task<IReadOnlyList<ApiKeyRecord>> ListApiKeysAsync(CancellationToken cancellationToken = default) =>
        _table.QueryAsync("SELECT key_id, label, created_at FROM api_key_hashes ORDER BY created_at",
            reader => new ApiKeyRecord(reader.GetString(0), SideTable.Text(reader, 1), DateTimeOffset.Parse(reader.GetString(2), CultureInfo.InvariantCulture)),
            cancellationToken);

    /// <summary>Records a login's session (a random id the session cookie carries) as open.</summary>
    public Task StartSessionAsync(string sessionId, string actorId, CancellationToken cancellationToken = default) =>
        ExecuteAsync("INSERT INTO login_sessions (session_id, actor_id, started_at) VALUES (@id, @actor, @now)",
            cancellationToken, ("@id", sessionId), ("@actor", actorId), ("@now", Now()));

    /// <summary>Ends a session for good: every copy of its cookie is refused from now on. Ending it again changes nothing.</summary>
    public Task EndSessionAsync(string sessionId, CancellationToken cancellationToken = default) =>
        ExecuteAsync("UPDATE login_sessions SET ended_at = @now WHERE session_id = @id AND ended_at IS NULL",
            cancellationToken, ("@id", sessionId), ("@now", Now()));

    /// <summary>True for a session that was started and has not ended; false for an ended or unknown one.</summary>
    public async Task<bool> IsSessionOpenAsync(string sessionId, CancellationToken cancellationToken = default) =>
        Convert.ToInt64(await _table.ScalarAsync("SELECT COUNT(*) FROM login_sessions WHERE session_id = @id AND ended_at IS NULL", cancellationToken, ("@id", sessionId)),
            CultureInfo.InvariantCulture) > 0;

    private Task<IReadOnlyList<PrincipalName>> QueryNamesAsync(string where, CancellationToken cancellationToken, params (string, object?)[] parameters) =>
        _table.QueryAsync($"SELECT actor_id, login, display_name, password_hash FROM principal_names {where}",
            reader => new PrincipalName(reader.GetString(0), SideTable.Text(reader, 1), SideTable.Text(reader, 2), SideTable.Text(reader, 3)),
            cancellationToken, parameters);

    private Task ExecuteAsync(string sql, CancellationToken cancellationToken, params (string, object?)[] parameters) =>
        _table.ExecuteAsync(sql, cancellationToken, parameters);

    private static string Normalize(string login) => login.Trim().ToLowerInvariant();

    private string Now() => _table.Now();
}
