namespace ProvincialMonitor.EventStore.Postgres;

/// <summary>Versioned migrations of the PostgreSQL store. Append new ones; never edit an applied one.</summary>
internal static class PostgresSchema
{
    /// <summary>Advisory lock keys: one for migrations (session level), one for appends (transaction level).</summary>
    public const long MigrationLock = 0x50_4D_4F_4E_4D_49_47; // "PMONMIG"
    public const long AppendLock = 0x50_4D_4F_4E_41_50_50;    // "PMONAPP"

    public const string Channel = "provmon_events";

    public static readonly (int Version, string Name, string Sql)[] Migrations =
    [
        (1, "events, tags, idempotency keys", """
            CREATE TABLE events (
                position        bigint  PRIMARY KEY,
                stream_id       text    NOT NULL,
                stream_version  bigint  NOT NULL,
                event_id        uuid    NOT NULL UNIQUE,
                event_type      text    NOT NULL,
                data            text    NOT NULL,
                metadata        text    NOT NULL,
                effective_date  date    NOT NULL,
                recorded_at     bigint  NOT NULL,
                provinces       text    NOT NULL,
                domain          text,
                clusters        text    NOT NULL,
                campaign        text,
                actor           text    NOT NULL,
                source          text    NOT NULL,
                prev_hash       bytea   NOT NULL,
                hash            bytea   NOT NULL,
                CONSTRAINT events_stream_version UNIQUE (stream_id, stream_version)
            );
            COMMENT ON COLUMN events.recorded_at IS 'microseconds since 1970-01-01T00:00:00Z, from the database clock';
            COMMENT ON COLUMN events.data IS 'RFC 8785 JSON, exactly as hashed';
            CREATE INDEX events_event_type     ON events (event_type, position);
            CREATE INDEX events_effective_date ON events (effective_date, position);
            CREATE INDEX events_recorded_at    ON events (recorded_at, position);
            CREATE INDEX events_domain         ON events (domain, position) WHERE domain IS NOT NULL;
            CREATE INDEX events_campaign       ON events (campaign, position) WHERE campaign IS NOT NULL;
            CREATE INDEX events_actor          ON events (actor, position);
            CREATE INDEX events_source         ON events (source, position);

            CREATE TABLE event_tags (
                kind     text   NOT NULL,
                value    text   NOT NULL,
                position bigint NOT NULL,
                PRIMARY KEY (kind, value, position)
            );

            CREATE TABLE idempotency_keys (
                principal       text   NOT NULL,
                idempotency_key text   NOT NULL,
                request_hash    text   NOT NULL,
                stream_id       text   NOT NULL,
                result          text   NOT NULL,
                position        bigint NOT NULL,
                PRIMARY KEY (principal, idempotency_key)
            );

            CREATE FUNCTION provmon_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION '% on % refused: the log is append-only; corrections are new events', TG_OP, TG_TABLE_NAME;
            END $$;
            CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events
                FOR EACH ROW EXECUTE FUNCTION provmon_refuse_change();
            CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events
                FOR EACH STATEMENT EXECUTE FUNCTION provmon_refuse_change();
            CREATE TRIGGER event_tags_append_only BEFORE UPDATE OR DELETE ON event_tags
                FOR EACH ROW EXECUTE FUNCTION provmon_refuse_change();
            """),
        (2, "principal names and API key hashes, outside the hash chain", """
            CREATE TABLE principal_names (
                actor_id      text PRIMARY KEY,
                login         text UNIQUE,
                display_name  text,
                password_hash text,
                updated_at    text NOT NULL
            );
            CREATE TABLE api_key_hashes (
                key_id     text PRIMARY KEY,
                key_sha256 text NOT NULL UNIQUE,
                label      text,
                created_at text NOT NULL
            );
            """),
        (3, "read models and their checkpoints", """
            CREATE TABLE projection_checkpoints (
                projection text PRIMARY KEY,
                position   bigint NOT NULL,
                updated_at text NOT NULL
            );
            CREATE TABLE read_models (
                projection text NOT NULL,
                model_key  text NOT NULL,
                value      text NOT NULL,
                position   bigint NOT NULL,
                PRIMARY KEY (projection, model_key)
            );
            """),
        (4, "decision references in the tag index", """
            INSERT INTO event_tags (kind, value, position)
            SELECT 'decision', metadata::jsonb ->> 'decisionRef', position FROM events
            WHERE jsonb_typeof(metadata::jsonb -> 'decisionRef') = 'string' AND metadata::jsonb ->> 'decisionRef' <> ''
            ON CONFLICT DO NOTHING;
            """),
        (5, "aggregate snapshots for historical reads", """
            CREATE TABLE aggregate_snapshots (
                stream_id      text   NOT NULL,
                fold           text   NOT NULL,
                stream_version bigint NOT NULL,
                position       bigint NOT NULL,
                recorded_at    bigint NOT NULL,
                effective_max  text   NOT NULL,
                state          text   NOT NULL,
                PRIMARY KEY (stream_id, fold, stream_version)
            );
            """),
        (6, "login sessions, outside the hash chain", """
            CREATE TABLE login_sessions (
                session_id text PRIMARY KEY,
                actor_id   text NOT NULL,
                started_at text NOT NULL,
                ended_at   text
            );
            """),
        (7, "municipalities in the tag index", """
            INSERT INTO event_tags (kind, value, position)
            SELECT 'municipality', data::jsonb ->> 'municipality', position FROM events
            WHERE strpos(data, '"municipality"') > 0 AND jsonb_typeof(data::jsonb -> 'municipality') = 'string'
              AND data::jsonb ->> 'municipality' <> ''
            ON CONFLICT DO NOTHING;
            INSERT INTO event_tags (kind, value, position)
            SELECT 'municipality', m.code, e.position FROM events e
            CROSS JOIN LATERAL (
                SELECT x #>> '{}' AS code FROM jsonb_array_elements(
                    CASE WHEN jsonb_typeof(e.data::jsonb -> 'municipalities') = 'array' THEN e.data::jsonb -> 'municipalities' ELSE '[]'::jsonb END) AS x
                WHERE jsonb_typeof(x) = 'string') AS m
            WHERE strpos(e.data, '"municipalities"') > 0 AND m.code <> ''
            ON CONFLICT DO NOTHING;
            """),
        (8, "beneficiary names and company numbers, outside the hash chain", """
            CREATE TABLE beneficiary_names (
                beneficiary_id text PRIMARY KEY,
                company_number text UNIQUE,
                name           text,
                updated_at     text NOT NULL
            );
            """),
    ];
}
