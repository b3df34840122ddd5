using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ProvincialMonitor.Silo.Hosting;

/// <summary>
/// The keys that protect login cookies and antiforgery tokens. In a cluster they live in PostgreSQL
/// (table <c>dataprotection_keys</c>, ops/postgres/orleans.sql), so that a cookie made on one silo is read
/// on every other; a single silo keeps them in its data folder, so that logins survive a restart.
/// </summary>
public static class DataProtectionKeys
{
    public const string ApplicationName = "ProvincialMonitor";

    public static WebApplicationBuilder AddSharedDataProtection(this WebApplicationBuilder builder, ClusterSettings cluster)
    {
        var dataProtection = builder.Services.AddDataProtection().SetApplicationName(ApplicationName);
        if (cluster.Membership == MembershipKind.Postgres)
        {
            var connectionString = new NpgsqlConnectionStringBuilder(cluster.ConnectionString) { MaxPoolSize = 2 }.ConnectionString;
            builder.Services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
                new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = new PostgresXmlRepository(connectionString)));
        }
        else
        {
            var store = StoreSettings.From(builder.Configuration);
            var folder = Path.Combine(store.DataDirectory, "keys");
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(folder));
        }
        return builder;
    }

    /// <summary>Keys as XML rows; a key is only ever added (rotation adds a new one), never changed.</summary>
    internal sealed class PostgresXmlRepository(string connectionString) : IXmlRepository
    {
        public IReadOnlyCollection<XElement> GetAllElements()
        {
            using var connection = new NpgsqlConnection(connectionString);
            connection.Open();
            using var command = new NpgsqlCommand("SELECT xml FROM dataprotection_keys ORDER BY created_at, friendly_name", connection);
            using var reader = command.ExecuteReader();
            var elements = new List<XElement>();
            while (reader.Read()) elements.Add(XElement.Parse(reader.GetString(0)));
            return elements;
        }

        public void StoreElement(XElement element, string friendlyName)
        {
            using var connection = new NpgsqlConnection(connectionString);
            connection.Open();
            using var command = new NpgsqlCommand(
                "INSERT INTO dataprotection_keys (friendly_name, xml) VALUES (@name, @xml) ON CONFLICT (friendly_name) DO NOTHING", connection);
            command.Parameters.AddWithValue("name", friendlyName);
            command.Parameters.AddWithValue("xml", element.ToString(SaveOptions.DisableFormatting));
            command.ExecuteNonQuery();
        }
    }
}
