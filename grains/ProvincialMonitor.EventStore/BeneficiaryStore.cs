using System.Data.Common;

namespace ProvincialMonitor.EventStore;

/// <summary>A grant's beneficiary behind its pseudonymous id; name and number are null once erased.</summary>
public sealed record BeneficiaryName(string BeneficiaryId, string? Name, string? CompanyNumber);

/// <summary>
/// The names and company numbers of grants' beneficiaries, beside the event log in the same database but outside the
/// hash chain (as the principal names): the events hold the id (<c>ben_…</c>), so that a sole trader's name and number
/// can be erased while the chain still verifies. One id per company number while its name is kept.
/// </summary>
public sealed class BeneficiaryStore
{
    private readonly SideTable _table;

    internal BeneficiaryStore(Func<CancellationToken, ValueTask<DbConnection>> open, TimeProvider time) => _table = new SideTable(open, time);

    /// <summary>
    /// The id of the beneficiary with this company number (ten digits), made with <paramref name="newId"/> and stored
    /// with the name when there is none yet; Created says which. A known number keeps its id and its first name.
    /// </summary>
    public async Task<(string Id, bool Created)> ResolveAsync(string companyNumber, string name, Func<string> newId, CancellationToken cancellationToken = default)
    {
        if (await FindByNumberAsync(companyNumber, cancellationToken) is { } known) return (known.BeneficiaryId, false);
        var id = newId();
        await ExecuteAsync(
            "INSERT INTO beneficiary_names (beneficiary_id, company_number, name, updated_at) VALUES (@id, @number, @name, @now) ON CONFLICT DO NOTHING",
            cancellationToken, ("@id", id), ("@number", companyNumber), ("@name", name.Trim()), ("@now", Now()));
        // Another grain may have stored the same number in between: its id is the one.
        var stored = await FindByNumberAsync(companyNumber, cancellationToken);
        return stored is null ? (id, true) : (stored.BeneficiaryId, stored.BeneficiaryId == id);
    }

    public async Task<BeneficiaryName?> FindAsync(string beneficiaryId, CancellationToken cancellationToken = default) =>
        First(await QueryAsync("WHERE beneficiary_id = @id", cancellationToken, ("@id", beneficiaryId)));

    public async Task<BeneficiaryName?> FindByNumberAsync(string companyNumber, CancellationToken cancellationToken = default) =>
        First(await QueryAsync("WHERE company_number = @number", cancellationToken, ("@number", companyNumber)));

    private static BeneficiaryName? First(IReadOnlyList<BeneficiaryName> rows) => rows.Count > 0 ? rows[0] : null;

    /// <summary>Every beneficiary whose name is kept (erased ones are left out), by id.</summary>
    public async Task<IReadOnlyDictionary<string, BeneficiaryName>> NamesAsync(CancellationToken cancellationToken = default) =>
        (await QueryAsync("WHERE name IS NOT NULL", cancellationToken)).ToDictionary(b => b.BeneficiaryId, StringComparer.Ordinal);

    /// <summary>Forgets the name and company number: the id stays, in this table and in the log. False for an unknown id.</summary>
    public async Task<bool> EraseAsync(string beneficiaryId, CancellationToken cancellationToken = default)
    {
        if (await FindAsync(beneficiaryId, cancellationToken) is null) return false;
        await ExecuteAsync("UPDATE beneficiary_names SET name = NULL, company_number = NULL, updated_at = @now WHERE beneficiary_id = @id",
            cancellationToken, ("@id", beneficiaryId), ("@now", Now()));
        return true;
    }

    /// <summary>Removes a row made for a grant that was not stored.</summary>
    public Task RemoveAsync(string beneficiaryId, CancellationToken cancellationToken = default) =>
        ExecuteAsync("DELETE FROM beneficiary_names WHERE beneficiary_id = @id", cancellationToken, ("@id", beneficiaryId));

    private Task<IReadOnlyList<BeneficiaryName>> QueryAsync(string where, CancellationToken cancellationToken, params (string, object?)[] parameters) =>
        _table.QueryAsync($"SELECT beneficiary_id, name, company_number FROM beneficiary_names {where}",
            reader => new BeneficiaryName(reader.GetString(0), SideTable.Text(reader, 1), SideTable.Text(reader, 2)), cancellationToken, parameters);

    private Task ExecuteAsync(string sql, CancellationToken cancellationToken, params (string, object?)[] parameters) =>
        _table.ExecuteAsync(sql, cancellationToken, parameters);

    private string Now() => _table.Now();
}
