-- ProvincialMonitor: the tables and queries that Orleans' ADO.NET providers need on PostgreSQL
-- (clustering, grain storage for aggregate snapshots, reminders), written for this project from the
-- providers' query contract: the providers read their SQL from the table OrleansQuery by key, bind
-- named parameters (@DeploymentId, @GrainIdHash, ...) and read result columns by name.
--
-- Idempotent: every object is created if missing and every query is (re)written, so the silo applies
-- it at every start (under an advisory lock) and `ops/postgres/apply.sh` can apply it by hand.
-- Timestamps are `timestamp` holding UTC: the silo opens these connections with Timezone=UTC, and one
-- provider binds DateTime parameters as DbType.DateTime, which Npgsql refuses for `timestamptz`.
-- The event store's own tables are created by the silo (grains/ProvincialMonitor.EventStore/Postgres).

CREATE TABLE IF NOT EXISTS orleansquery (
    querykey  varchar(64) PRIMARY KEY,
    querytext text NOT NULL
);

-- Membership: one version row per cluster (the table's etag) and one row per silo incarnation.
CREATE TABLE IF NOT EXISTS orleans_membership_version (
    deployment_id varchar(150) PRIMARY KEY,
    version       integer      NOT NULL DEFAULT 0,
    changed_at    timestamp    NOT NULL DEFAULT (now() AT TIME ZONE 'UTC')
);

CREATE TABLE IF NOT EXISTS orleans_membership (
    deployment_id   varchar(150) NOT NULL REFERENCES orleans_membership_version (deployment_id) ON DELETE CASCADE,
    address         varchar(45)  NOT NULL,
    port            integer      NOT NULL,
    generation      integer      NOT NULL,
    silo_name       varchar(150) NOT NULL,
    host_name       varchar(150) NOT NULL,
    status          integer      NOT NULL,
    proxy_port      integer      NULL,
    suspect_times   text         NULL,
    start_time      timestamp    NOT NULL,
    i_am_alive_time timestamp    NOT NULL,
    PRIMARY KEY (deployment_id, address, port, generation)
);

-- Inserts a silo's row if the table version is still the one the silo read, and bumps the version.
CREATE OR REPLACE FUNCTION orleans_membership_insert(
    p_deployment_id varchar, p_address varchar, p_port integer, p_generation integer,
    p_silo_name varchar, p_host_name varchar, p_status integer, p_proxy_port integer,
    p_start_time timestamp, p_i_am_alive_time timestamp, p_version integer)
RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
    PERFORM 1 FROM orleans_membership_version
     WHERE deployment_id = p_deployment_id AND version = p_version FOR UPDATE;
    IF NOT FOUND THEN RETURN false; END IF;
    INSERT INTO orleans_membership (deployment_id, address, port, generation, silo_name, host_name,
                                    status, proxy_port, start_time, i_am_alive_time)
    VALUES (p_deployment_id, p_address, p_port, p_generation, p_silo_name, p_host_name,
            p_status, p_proxy_port, p_start_time, p_i_am_alive_time)
    ON CONFLICT DO NOTHING;
    IF NOT FOUND THEN RETURN false; END IF;
    UPDATE orleans_membership_version SET version = version + 1, changed_at = now() AT TIME ZONE 'UTC'
     WHERE deployment_id = p_deployment_id;
    RETURN true;
END $$;

-- Updates a silo's row if the table version is still the one the silo read, and bumps the version.
CREATE OR REPLACE FUNCTION orleans_membership_update(
    p_deployment_id varchar, p_address varchar, p_port integer, p_generation integer,
    p_status integer, p_suspect_times text, p_i_am_alive_time timestamp, p_version integer)
RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
    PERFORM 1 FROM orleans_membership_version
     WHERE deployment_id = p_deployment_id AND version = p_version FOR UPDATE;
    IF NOT FOUND THEN RETURN false; END IF;
    UPDATE orleans_membership
       SET status = p_status, suspect_times = p_suspect_times, i_am_alive_time = p_i_am_alive_time
     WHERE deployment_id = p_deployment_id AND address = p_address AND port = p_port AND generation = p_generation;
    IF NOT FOUND THEN RETURN false; END IF;
    UPDATE orleans_membership_version SET version = version + 1, changed_at = now() AT TIME ZONE 'UTC'
     WHERE deployment_id = p_deployment_id;
    RETURN true;
END $$;

-- Grain storage: aggregate snapshots, one row per grain and state type, versioned for optimistic writes.
CREATE TABLE IF NOT EXISTS orleans_storage (
    service_id        varchar(150)  NOT NULL,
    grain_type_hash   integer       NOT NULL,
    grain_type        varchar(512)  NOT NULL,
    grain_id_hash     integer       NOT NULL,
    grain_id_n0       bigint        NOT NULL,
    grain_id_n1       bigint        NOT NULL,
    grain_id_extension varchar(512) NOT NULL DEFAULT '',
    payload           bytea         NULL,
    version           integer       NOT NULL,
    modified_at       timestamp     NOT NULL DEFAULT (now() AT TIME ZONE 'UTC'),
    PRIMARY KEY (service_id, grain_type, grain_id_n0, grain_id_n1, grain_id_extension)
);
CREATE INDEX IF NOT EXISTS orleans_storage_hashes ON orleans_storage (grain_id_hash, grain_type_hash);

-- Reminders: one row per grain and reminder name; grain_hash places it in the silos' hash ring.
CREATE TABLE IF NOT EXISTS orleans_reminders (
    service_id    varchar(150) NOT NULL,
    grain_id      varchar(512) NOT NULL,
    reminder_name varchar(150) NOT NULL,
    start_time    timestamp    NOT NULL,
    period        bigint       NOT NULL,
    grain_hash    integer      NOT NULL,
    version       integer      NOT NULL,
    PRIMARY KEY (service_id, grain_id, reminder_name)
);
CREATE INDEX IF NOT EXISTS orleans_reminders_ring ON orleans_reminders (service_id, grain_hash);

INSERT INTO orleansquery (querykey, querytext) VALUES

-- Clustering ---------------------------------------------------------------------------------------
('InsertMembershipVersionKey', $q$
WITH inserted AS (
    INSERT INTO orleans_membership_version (deployment_id) VALUES (@DeploymentId::varchar)
    ON CONFLICT DO NOTHING
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM inserted) AS "Inserted"
$q$),

('MembershipReadAllKey', $q$
SELECT v.version AS "Version", m.address AS "Address", m.port AS "Port", m.generation AS "Generation",
       m.silo_name AS "SiloName", m.host_name AS "HostName", m.status AS "Status", m.proxy_port AS "ProxyPort",
       m.suspect_times AS "SuspectTimes", m.start_time AS "StartTime", m.i_am_alive_time AS "IAmAliveTime"
  FROM orleans_membership_version v
  LEFT JOIN orleans_membership m ON m.deployment_id = v.deployment_id
 WHERE v.deployment_id = @DeploymentId::varchar
$q$),

('MembershipReadRowKey', $q$
SELECT v.version AS "Version", m.address AS "Address", m.port AS "Port", m.generation AS "Generation",
       m.silo_name AS "SiloName", m.host_name AS "HostName", m.status AS "Status", m.proxy_port AS "ProxyPort",
       m.suspect_times AS "SuspectTimes", m.start_time AS "StartTime", m.i_am_alive_time AS "IAmAliveTime"
  FROM orleans_membership_version v
  LEFT JOIN orleans_membership m ON m.deployment_id = v.deployment_id
       AND m.address = @Address::varchar AND m.port = @Port::integer AND m.generation = @Generation::integer
 WHERE v.deployment_id = @DeploymentId::varchar
$q$),

('InsertMembershipKey', $q$
SELECT orleans_membership_insert(@DeploymentId::varchar, @Address::varchar, @Port::integer, @Generation::integer,
       @SiloName::varchar, @HostName::varchar, @Status::integer, @ProxyPort::integer,
       @StartTime::timestamp, @IAmAliveTime::timestamp, @Version::integer)
$q$),

('UpdateMembershipKey', $q$
SELECT orleans_membership_update(@DeploymentId::varchar, @Address::varchar, @Port::integer, @Generation::integer,
       @Status::integer, @SuspectTimes::text, @IAmAliveTime::timestamp, @Version::integer)
$q$),

('UpdateIAmAlivetimeKey', $q$
UPDATE orleans_membership SET i_am_alive_time = @IAmAliveTime::timestamp
 WHERE deployment_id = @DeploymentId::varchar AND address = @Address::varchar
   AND port = @Port::integer AND generation = @Generation::integer
$q$),

('GatewaysQueryKey', $q$
SELECT address AS "Address", proxy_port AS "ProxyPort", generation AS "Generation"
  FROM orleans_membership
 WHERE deployment_id = @DeploymentId::varchar AND status = @Status::integer AND proxy_port > 0
$q$),

('DeleteMembershipTableEntriesKey', $q$
DELETE FROM orleans_membership_version WHERE deployment_id = @DeploymentId::varchar
$q$),

('CleanupDefunctSiloEntriesKey', $q$
DELETE FROM orleans_membership
 WHERE deployment_id = @DeploymentId::varchar AND status = 6 AND i_am_alive_time < @IAmAliveTime::timestamp
$q$),

('CleanupDefunctSiloEntryKey', $q$
DELETE FROM orleans_membership
 WHERE deployment_id = @DeploymentId::varchar AND address = @Address::varchar AND port = @Port::integer
   AND generation = @Generation::integer AND status = 6
   AND start_time = @StartTime::timestamp AND i_am_alive_time = @IAmAliveTime::timestamp
   AND suspect_times IS NOT DISTINCT FROM @SuspectTimes::text
$q$),

-- Grain storage ------------------------------------------------------------------------------------
('ReadFromStorageKey', $q$
SELECT payload AS "PayloadBinary", version AS "Version"
  FROM orleans_storage
 WHERE grain_id_hash = @GrainIdHash::integer AND grain_type_hash = @GrainTypeHash::integer
   AND service_id = @ServiceId::varchar AND grain_type = @GrainTypeString::varchar
   AND grain_id_n0 = @GrainIdN0::bigint AND grain_id_n1 = @GrainIdN1::bigint
   AND grain_id_extension = coalesce(@GrainIdExtensionString::varchar, '')
$q$),

-- The first write (no version yet) inserts; later ones update only the version they read. Exactly one
-- row comes back: the new version, or NULL when another activation wrote first.
('WriteToStorageKey', $q$
WITH updated AS (
    UPDATE orleans_storage
       SET payload = @PayloadBinary::bytea, version = version + 1, modified_at = now() AT TIME ZONE 'UTC'
     WHERE @GrainStateVersion::integer IS NOT NULL
       AND grain_id_hash = @GrainIdHash::integer AND grain_type_hash = @GrainTypeHash::integer
       AND service_id = @ServiceId::varchar AND grain_type = @GrainTypeString::varchar
       AND grain_id_n0 = @GrainIdN0::bigint AND grain_id_n1 = @GrainIdN1::bigint
       AND grain_id_extension = coalesce(@GrainIdExtensionString::varchar, '')
       AND version = @GrainStateVersion::integer
    RETURNING version
), inserted AS (
    INSERT INTO orleans_storage (service_id, grain_type_hash, grain_type, grain_id_hash, grain_id_n0, grain_id_n1,
                                 grain_id_extension, payload, version)
    SELECT @ServiceId::varchar, @GrainTypeHash::integer, @GrainTypeString::varchar, @GrainIdHash::integer,
           @GrainIdN0::bigint, @GrainIdN1::bigint, coalesce(@GrainIdExtensionString::varchar, ''), @PayloadBinary::bytea, 1
     WHERE @GrainStateVersion::integer IS NULL
    ON CONFLICT DO NOTHING
    RETURNING version
)
SELECT (SELECT version FROM updated UNION ALL SELECT version FROM inserted LIMIT 1) AS "NewGrainStateVersion"
$q$),

-- Clearing keeps the row (the provider's DeleteStateOnClear=false): no payload, the next version.
('ClearStorageKey', $q$
WITH cleared AS (
    UPDATE orleans_storage
       SET payload = NULL, version = version + 1, modified_at = now() AT TIME ZONE 'UTC'
     WHERE grain_id_hash = @GrainIdHash::integer AND grain_type_hash = @GrainTypeHash::integer
       AND service_id = @ServiceId::varchar AND grain_type = @GrainTypeString::varchar
       AND grain_id_n0 = @GrainIdN0::bigint AND grain_id_n1 = @GrainIdN1::bigint
       AND grain_id_extension = coalesce(@GrainIdExtensionString::varchar, '')
       AND version IS NOT DISTINCT FROM @GrainStateVersion::integer
    RETURNING version
)
SELECT (SELECT version FROM cleared) AS "NewGrainStateVersion"
$q$),

('DeleteStorageKey', $q$
WITH deleted AS (
    DELETE FROM orleans_storage
     WHERE grain_id_hash = @GrainIdHash::integer AND grain_type_hash = @GrainTypeHash::integer
       AND service_id = @ServiceId::varchar AND grain_type = @GrainTypeString::varchar
       AND grain_id_n0 = @GrainIdN0::bigint AND grain_id_n1 = @GrainIdN1::bigint
       AND grain_id_extension = coalesce(@GrainIdExtensionString::varchar, '')
       AND version IS NOT DISTINCT FROM @GrainStateVersion::integer
    RETURNING version
)
SELECT (SELECT version + 1 FROM deleted) AS "NewGrainStateVersion"
$q$),

-- Reminders ----------------------------------------------------------------------------------------
('UpsertReminderRowKey', $q$
INSERT INTO orleans_reminders (service_id, grain_id, reminder_name, start_time, period, grain_hash, version)
VALUES (@ServiceId::varchar, @GrainId::varchar, @ReminderName::varchar, @StartTime::timestamp,
        @Period::bigint, @GrainHash::integer, 0)
ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE
   SET start_time = EXCLUDED.start_time, period = EXCLUDED.period, grain_hash = EXCLUDED.grain_hash,
       version = orleans_reminders.version + 1
RETURNING version AS "Version"
$q$),

('ReadReminderRowsKey', $q$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
       period AS "Period", version AS "Version"
  FROM orleans_reminders
 WHERE service_id = @ServiceId::varchar AND grain_id = @GrainId::varchar
$q$),

('ReadReminderRowKey', $q$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
       period AS "Period", version AS "Version"
  FROM orleans_reminders
 WHERE service_id = @ServiceId::varchar AND grain_id = @GrainId::varchar AND reminder_name = @ReminderName::varchar
$q$),

-- A range of the ring that does not wrap: (BeginHash, EndHash].
('ReadRangeRows1Key', $q$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
       period AS "Period", version AS "Version"
  FROM orleans_reminders
 WHERE service_id = @ServiceId::varchar AND grain_hash > @BeginHash::integer AND grain_hash <= @EndHash::integer
$q$),

-- A range that wraps past the end of the ring: (BeginHash, max] and [min, EndHash].
('ReadRangeRows2Key', $q$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
       period AS "Period", version AS "Version"
  FROM orleans_reminders
 WHERE service_id = @ServiceId::varchar AND (grain_hash > @BeginHash::integer OR grain_hash <= @EndHash::integer)
$q$),

('DeleteReminderRowKey', $q$
WITH deleted AS (
    DELETE FROM orleans_reminders
     WHERE service_id = @ServiceId::varchar AND grain_id = @GrainId::varchar
       AND reminder_name = @ReminderName::varchar AND version = @Version::integer
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM deleted) AS "Deleted"
$q$),

('DeleteReminderRowsKey', $q$
DELETE FROM orleans_reminders WHERE service_id = @ServiceId::varchar
$q$)

ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext;

-- ASP.NET Core Data Protection keys, shared by every silo so that cookies and antiforgery tokens made
-- on one silo are read on the others.
CREATE TABLE IF NOT EXISTS dataprotection_keys (
    friendly_name varchar(256) PRIMARY KEY,
    xml           text         NOT NULL,
    created_at    timestamp    NOT NULL DEFAULT (now() AT TIME ZONE 'UTC')
);
