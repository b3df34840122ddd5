namespace ProvincialMonitor.EventStore.Sqlite;

/// <summary>Versioned migrations of the SQLite store. Append new ones; never edit an applied one.</summary>
internal static class SqliteSchema
{
    public static readonly (int Version, string Name, string Sql)[] Migrations =
    [
        (1, "events, tags, idempotency keys", """
            CREATE TABLE events (
                position        INTEGER PRIMARY KEY,
                stream_id       TEXT    NOT NULL,
                stream_version  INTEGER NOT NULL,
                event_id        TEXT    NOT NULL UNIQUE,
                event_type      TEXT    NOT NULL,
                data            TEXT    NOT NULL,
                metadata        TEXT    NOT NULL,
                effective_date  TEXT    NOT NULL,
                recorded_at     INTEGER NOT NULL,
                provinces       TEXT    NOT NULL,
                domain          TEXT,
                clusters        TEXT    NOT NULL,
                campaign        TEXT,
                actor           TEXT    NOT NULL,
                source          TEXT    NOT NULL,
                prev_hash       BLOB    NOT NULL,
                hash            BLOB    NOT NULL,
                UNIQUE (stream_id, stream_version)
            );
            CREATE INDEX events_event_type     ON events (event_type, position);
            CREATE INDEX events_effective_date ON events (effective_date, position);
            CREATE INDEX events_recorded_at    ON events (recorded_at, position);
            CREATE INDEX events_domain         ON events (domain, position) WHERE domain IS NOT NULL;
            CREATE INDEX events_campaign       ON events (campaign, position) WHERE campaign IS NOT NULL;
            CREATE INDEX events_actor          ON events (actor, position);
            CREATE INDEX events_source         ON events (source, position);

            CREATE TABLE event_tags (
                kind     TEXT    NOT NULL,
                value    TEXT    NOT NULL,
                position INTEGER NOT NULL,
                PRIMARY KEY (kind, value, position)
            ) WITHOUT ROWID;

            CREATE TABLE idempotency_keys (
                principal       TEXT    NOT NULL,
                idempotency_key TEXT    NOT NULL,
                request_hash    TEXT    NOT NULL,
                stream_id       TEXT    NOT NULL,
                result          TEXT    NOT NULL,
                position        INTEGER NOT NULL,
                PRIMARY KEY (principal, idempotency_key)
            ) WITHOUT ROWID;

            CREATE TRIGGER events_no_update BEFORE UPDATE ON events
            BEGIN SELECT RAISE(ABORT, 'events are append-only: corrections are new events'); END;
            CREATE TRIGGER events_no_delete BEFORE DELETE ON events
            BEGIN SELECT RAISE(ABORT, 'events are append-only: corrections are new events'); END;
            CREATE TRIGGER event_tags_no_update BEFORE UPDATE ON event_tags
            BEGIN SELECT RAISE(ABORT, 'event tags are append-only'); END;
            CREATE TRIGGER event_tags_no_delete BEFORE DELETE ON event_tags
            BEGIN SELECT RAISE(ABORT, 'event tags are append-only'); END;
            """),
        (2, "principal names and API key hashes, outside the hash chain", """
            CREATE TABLE principal_names (
                actor_id      TEXT PRIMARY KEY,
                login         TEXT UNIQUE,
                display_name  TEXT,
                password_hash TEXT,
                updated_at    TEXT NOT NULL
            );
            CREATE TABLE api_key_hashes (
                key_id     TEXT PRIMARY KEY,
                key_sha256 TEXT NOT NULL UNIQUE,
                label      TEXT,
                created_at TEXT NOT NULL
            );
            """),
        (3, "read models and their checkpoints", """
            CREATE TABLE projection_checkpoints (
                projection TEXT PRIMARY KEY,
                position   INTEGER NOT NULL,
                updated_at TEXT NOT NULL
            );
            CREATE TABLE read_models (
                projection TEXT NOT NULL,
                model_key  TEXT NOT NULL,
                value      TEXT NOT NULL,
                position   INTEGER NOT NULL,
                PRIMARY KEY (projection, model_key)
            );
            """),
        (4, "decision references in the tag index", """
            INSERT OR IGNORE INTO event_tags (kind, value, position)
            SELECT 'decision', json_extract(metadata, '$.decisionRef'), position FROM events
            WHERE json_valid(metadata) AND json_type(metadata, '$.decisionRef') = 'text' AND json_extract(metadata, '$.decisionRef') <> '';
            """),
        (5, "aggregate snapshots for historical reads", """
            CREATE TABLE aggregate_snapshots (
                stream_id      TEXT    NOT NULL,
                fold           TEXT    NOT NULL,
                stream_version INTEGER NOT NULL,
                position       INTEGER NOT NULL,
                recorded_at    INTEGER NOT NULL,
                effective_max  TEXT    NOT NULL,
                state          TEXT    NOT NULL,
                PRIMARY KEY (stream_id, fold, stream_version)
            );
            """),
        (6, "login sessions, outside the hash chain", """
            CREATE TABLE login_sessions (
                session_id TEXT PRIMARY KEY,
                actor_id   TEXT NOT NULL,
                started_at TEXT NOT NULL,
                ended_at   TEXT
            );
            """),
        (7, "municipalities in the tag index", """
            INSERT OR IGNORE INTO event_tags (kind, value, position)
            SELECT 'municipality', json_extract(data, '$.municipality'), position FROM events
            WHERE instr(data, '"municipality"') > 0 AND json_valid(data) AND json_type(data, '$.municipality') = 'text'
              AND json_extract(data, '$.municipality') <> '';
            INSERT OR IGNORE INTO event_tags (kind, value, position)
            SELECT 'municipality', m.value, e.position FROM events e, json_each(e.data, '$.municipalities') m
            WHERE instr(e.data, '"municipalities"') > 0 AND json_type(e.data, '$.municipalities') = 'array'
              AND m.type = 'text' AND m.value <> '';
            """),
        (8, "beneficiary names and company numbers, outside the hash chain", """
            CREATE TABLE beneficiary_names (
                beneficiary_id TEXT PRIMARY KEY,
                company_number TEXT UNIQUE,
                name           TEXT,
                updated_at     TEXT NOT NULL
            );
            """),
        (9, "the indexer's checkpoint: tag rows written behind the log", """
            CREATE TABLE event_index_checkpoint (
                id       INTEGER PRIMARY KEY CHECK (id = 1),
                position INTEGER NOT NULL
            );
            INSERT INTO event_index_checkpoint (id, position) SELECT 1, COALESCE(MAX(position), 0) FROM events;
            """),
        // Its table and the copy of the log's filter columns into it are its backfill (below), which runs first.
        (10, "the filter indexes behind the log, beside it", """
            CREATE INDEX event_filters_event_type     ON event_filters (f_event_type);
            CREATE INDEX event_filters_effective_date ON event_filters (f_effective_date);
            CREATE INDEX event_filters_recorded_at    ON event_filters (f_recorded_at);
            CREATE INDEX event_filters_domain         ON event_filters (f_domain) WHERE f_domain IS NOT NULL;
            CREATE INDEX event_filters_campaign       ON event_filters (f_campaign) WHERE f_campaign IS NOT NULL;
            CREATE INDEX event_filters_actor          ON event_filters (f_actor);
            CREATE INDEX event_filters_source         ON event_filters (f_source);
            DROP INDEX events_event_type;
            DROP INDEX events_effective_date;
            DROP INDEX events_recorded_at;
            DROP INDEX events_domain;
            DROP INDEX events_campaign;
            DROP INDEX events_actor;
            DROP INDEX events_source;
            CREATE TRIGGER event_filters_no_update BEFORE UPDATE ON event_filters
            BEGIN SELECT RAISE(ABORT, 'event filters are append-only'); END;
            CREATE TRIGGER event_filters_no_delete BEFORE DELETE ON event_filters
            BEGIN SELECT RAISE(ABORT, 'event filters are append-only'); END;
            """),
        // Its new tables and the copy of the log into the rebuilt one are its backfill (below), which runs first.
        (11, "the log rebuilt: streams numbered, event ids as 16 bytes, the stream index behind the log with its own checkpoint", """
            DROP TABLE events;
            ALTER TABLE events_rebuilt RENAME TO events;
            CREATE TRIGGER events_no_update BEFORE UPDATE ON events
            BEGIN SELECT RAISE(ABORT, 'events are append-only: corrections are new events'); END;
            CREATE TRIGGER events_no_delete BEFORE DELETE ON events
            BEGIN SELECT RAISE(ABORT, 'events are append-only: corrections are new events'); END;
            CREATE TRIGGER streams_no_update BEFORE UPDATE ON streams
            BEGIN SELECT RAISE(ABORT, 'a stream keeps its number'); END;
            CREATE TRIGGER streams_no_delete BEFORE DELETE ON streams
            BEGIN SELECT RAISE(ABORT, 'a stream keeps its number'); END;
            INSERT INTO stream_index (stream_no, stream_version, position)
            SELECT stream_no, stream_version, position FROM events WHERE position <= (SELECT position FROM event_index_checkpoint)
            ORDER BY stream_no, stream_version;
            ALTER TABLE event_index_checkpoint ADD COLUMN stream_position INTEGER NOT NULL DEFAULT 0;
            UPDATE event_index_checkpoint SET stream_position = position;
            CREATE TRIGGER stream_index_no_update BEFORE UPDATE ON stream_index
            BEGIN SELECT RAISE(ABORT, 'the stream index is append-only'); END;
            CREATE TRIGGER stream_index_no_delete BEFORE DELETE ON stream_index
            BEGIN SELECT RAISE(ABORT, 'the stream index is append-only'); END;
            CREATE VIEW event_rows AS
            SELECT e.position AS position, s.stream_id AS stream_id, e.stream_version AS stream_version, e.event_id AS event_id,
                   e.event_type AS event_type, e.data AS data, e.metadata AS metadata, e.effective_date AS effective_date,
                   e.recorded_at AS recorded_at, e.provinces AS provinces, e.domain AS domain, e.clusters AS clusters,
                   e.campaign AS campaign, e.actor AS actor, e.source AS source, e.prev_hash AS prev_hash, e.hash AS hash
            FROM events e JOIN streams s ON s.stream_no = e.stream_no;
            """),
    ];

    /// <summary>
    /// A copy of the log's rows that a migration makes before its own statements: <see cref="Prepare"/> makes the table,
    /// then <see cref="Step"/> copies the positions after <c>@from</c> up to <c>@to</c>, step by step up to
    /// <see cref="LastPosition"/>, so that a long copy reports how far it is (<see cref="SqliteMigrator"/>).
    /// </summary>
    internal sealed record Backfill(string Table, string Prepare, string LastPosition, string Step);

    /// <summary>The backfills, by the version of the migration they belong to.</summary>
    internal static readonly IReadOnlyDictionary<int, Backfill> Backfills = new Dictionary<int, Backfill>
    {
        [10] = new("event_filters",
            Prepare: """
                CREATE TABLE event_filters (
                    f_position       INTEGER PRIMARY KEY,
                    f_event_type     TEXT    NOT NULL,
                    f_effective_date TEXT    NOT NULL,
                    f_recorded_at    INTEGER NOT NULL,
                    f_domain         TEXT,
                    f_campaign       TEXT,
                    f_actor          TEXT    NOT NULL,
                    f_source         TEXT    NOT NULL
                );
                """,
            LastPosition: "SELECT position FROM event_index_checkpoint",
            Step: """
                INSERT INTO event_filters (f_position, f_event_type, f_effective_date, f_recorded_at, f_domain, f_campaign, f_actor, f_source)
                SELECT position, event_type, effective_date, recorded_at, domain, campaign, actor, source FROM events
                WHERE position > @from AND position <= @to
                """),
        [11] = new("events (rebuilt)",
            Prepare: """
                CREATE TABLE streams (
                    stream_no INTEGER PRIMARY KEY,
                    stream_id TEXT    NOT NULL UNIQUE
                );
                INSERT INTO streams (stream_id) SELECT stream_id FROM events GROUP BY stream_id ORDER BY MIN(position);
                CREATE TABLE events_rebuilt (
                    position        INTEGER PRIMARY KEY,
                    stream_no       INTEGER NOT NULL,
                    stream_version  INTEGER NOT NULL,
                    event_id        BLOB    NOT NULL UNIQUE,
                    event_type      TEXT    NOT NULL,
                    data            TEXT    NOT NULL,
                    metadata        TEXT    NOT NULL,
                    effective_date  TEXT    NOT NULL,
                    recorded_at     INTEGER NOT NULL,
                    provinces       TEXT    NOT NULL,
                    domain          TEXT,
                    clusters        TEXT    NOT NULL,
                    campaign        TEXT,
                    actor           TEXT    NOT NULL,
                    source          TEXT    NOT NULL,
                    prev_hash       BLOB    NOT NULL,
                    hash            BLOB    NOT NULL
                );
                CREATE TABLE stream_index (
                    stream_no      INTEGER NOT NULL,
                    stream_version INTEGER NOT NULL,
                    position       INTEGER NOT NULL,
                    PRIMARY KEY (stream_no, stream_version)
                ) WITHOUT ROWID;
                """,
            LastPosition: "SELECT COALESCE(MAX(position), 0) FROM events",
            // The ids' text in RFC order is their bytes in big-endian order: time-ordered (UUIDv7) ids stay in order.
            Step: """
                INSERT INTO events_rebuilt (position, stream_no, stream_version, event_id, event_type, data, metadata, effective_date,
                    recorded_at, provinces, domain, clusters, campaign, actor, source, prev_hash, hash)
                SELECT e.position, s.stream_no, e.stream_version, unhex(replace(e.event_id, '-', '')), e.event_type, e.data, e.metadata,
                    e.effective_date, e.recorded_at, e.provinces, e.domain, e.clusters, e.campaign, e.actor, e.source, e.prev_hash, e.hash
                FROM events e JOIN streams s ON s.stream_id = e.stream_id
                WHERE e.position > @from AND e.position <= @to
                """),
    };
}
