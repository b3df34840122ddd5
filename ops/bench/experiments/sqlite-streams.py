# Page-count experiment for issue #35, second part: what the append writes when the streams' versions and the
# idempotency keys leave the append too, beside the indexer's tag rows and filter columns.
# Usage: python3 ops/bench/experiments/sqlite-streams.py [--random-keys] [events-per-commit ...] [variant ...]
#        (default: 24 30 100, every variant)
# Time-ordered event ids (as the store's UUIDv7), 4 KB pages, 1,000 project streams, one province tag and one
# idempotency key per event, WAL without automatic checkpoints (the log holds every frame of the measured events),
# synchronous NORMAL. Writes scratch files under $TMPDIR (or /tmp) and prints one JSON line per variant.
import sqlite3, os, sys, json, time, uuid, hashlib, tempfile

FILTERS = ("event_type", "effective_date", "recorded_at", "domain", "campaign", "actor", "source")
COLUMNS = "event_type TEXT NOT NULL, data TEXT NOT NULL, metadata TEXT NOT NULL, effective_date TEXT NOT NULL, recorded_at INTEGER NOT NULL, " \
          "provinces TEXT NOT NULL, domain TEXT, clusters TEXT NOT NULL, campaign TEXT, actor TEXT NOT NULL, source TEXT NOT NULL, prev_hash BLOB NOT NULL, hash BLOB NOT NULL"
TAGS = "CREATE TABLE event_tags (kind TEXT NOT NULL, value TEXT NOT NULL, position INTEGER NOT NULL, PRIMARY KEY (kind, value, position)) WITHOUT ROWID;"
KEYS = "CREATE TABLE idempotency_keys (principal TEXT NOT NULL, idempotency_key TEXT NOT NULL, request_hash TEXT NOT NULL, stream_id TEXT NOT NULL, " \
       "result TEXT NOT NULL, position INTEGER NOT NULL, PRIMARY KEY (principal, idempotency_key)) WITHOUT ROWID;"
FILTER_TABLE = "CREATE TABLE event_filters (position INTEGER PRIMARY KEY, " + ", ".join(f"f_{c}" for c in FILTERS) + ");" + \
               "".join(f"CREATE INDEX ef_{c} ON event_filters (f_{c}, position);" for c in FILTERS)

# name: (schema, what the append writes, what the indexer writes every 5,000 events)
VARIANTS = {
    # main today: every index, tag row and key written by the append
    "main": ("CREATE TABLE events (position INTEGER PRIMARY KEY, stream_id TEXT NOT NULL, stream_version INTEGER NOT NULL, event_id TEXT NOT NULL UNIQUE, "
             + COLUMNS + ", UNIQUE (stream_id, stream_version));" + "".join(f"CREATE INDEX events_{c} ON events ({c}, position);" for c in FILTERS) + TAGS + KEYS,
             {"tags", "keys"}, set()),
    # branch s17-indexer: tag rows and filter columns behind the log
    "indexer": ("CREATE TABLE events (position INTEGER PRIMARY KEY, stream_id TEXT NOT NULL, stream_version INTEGER NOT NULL, event_id TEXT NOT NULL UNIQUE, "
                + COLUMNS + ", UNIQUE (stream_id, stream_version));" + TAGS + KEYS + FILTER_TABLE,
                {"keys"}, {"tags", "filters"}),
    # and the streams' versions: a row per stream (its version) in the append, the (stream, version) → position index behind the log;
    # the idempotency keys behind the log too (the writer keeps the tail's keys in memory)
    "streams": ("CREATE TABLE events (position INTEGER PRIMARY KEY, stream_id TEXT NOT NULL, stream_version INTEGER NOT NULL, event_id TEXT NOT NULL UNIQUE, " + COLUMNS + ");"
                "CREATE TABLE streams (stream_id TEXT PRIMARY KEY, version INTEGER NOT NULL) WITHOUT ROWID;"
                "CREATE TABLE stream_index (stream_id TEXT NOT NULL, stream_version INTEGER NOT NULL, position INTEGER NOT NULL, PRIMARY KEY (stream_id, stream_version)) WITHOUT ROWID;"
                + TAGS + KEYS + FILTER_TABLE,
                {"streams"}, {"tags", "filters", "stream_index", "keys"}),
    # and the ids as bytes: streams numbered, event ids 16 bytes
    "streams_bytes": ("CREATE TABLE events (position INTEGER PRIMARY KEY, stream_no INTEGER NOT NULL, stream_version INTEGER NOT NULL, event_id BLOB NOT NULL UNIQUE, " + COLUMNS + ");"
                      "CREATE TABLE streams (stream_no INTEGER PRIMARY KEY, stream_id TEXT NOT NULL UNIQUE, version INTEGER NOT NULL);"
                      "CREATE TABLE stream_index (stream_no INTEGER NOT NULL, stream_version INTEGER NOT NULL, position INTEGER NOT NULL, PRIMARY KEY (stream_no, stream_version)) WITHOUT ROWID;"
                      + TAGS + KEYS + FILTER_TABLE,
                      {"streams"}, {"tags", "filters", "stream_index", "keys"}),
    # what migration 11 built (session 19): streams numbered by a row added at a stream's first append (no version
    # column: the writer keeps the tail's versions in memory), ids as bytes, the stream index behind the log, the keys
    # in the append
    "built": ("CREATE TABLE events (position INTEGER PRIMARY KEY, stream_no INTEGER NOT NULL, stream_version INTEGER NOT NULL, event_id BLOB NOT NULL UNIQUE, " + COLUMNS + ");"
              "CREATE TABLE streams (stream_no INTEGER PRIMARY KEY, stream_id TEXT NOT NULL UNIQUE);"
              "CREATE TABLE stream_index (stream_no INTEGER NOT NULL, stream_version INTEGER NOT NULL, position INTEGER NOT NULL, PRIMARY KEY (stream_no, stream_version)) WITHOUT ROWID;"
              + TAGS + KEYS + FILTER_TABLE,
              {"keys"}, {"tags", "filters", "stream_index"}),
    # the same with the keys behind the log: the append writes them to a log of keys by position, the indexer to the keyed table
    "built_keys_behind": ("CREATE TABLE events (position INTEGER PRIMARY KEY, stream_no INTEGER NOT NULL, stream_version INTEGER NOT NULL, event_id BLOB NOT NULL UNIQUE, " + COLUMNS + ");"
              "CREATE TABLE streams (stream_no INTEGER PRIMARY KEY, stream_id TEXT NOT NULL UNIQUE);"
              "CREATE TABLE stream_index (stream_no INTEGER NOT NULL, stream_version INTEGER NOT NULL, position INTEGER NOT NULL, PRIMARY KEY (stream_no, stream_version)) WITHOUT ROWID;"
              "CREATE TABLE key_log (position INTEGER PRIMARY KEY, principal TEXT, idempotency_key TEXT, request_hash TEXT, stream_id TEXT, result TEXT);"
              + TAGS + KEYS + FILTER_TABLE,
              {"key_log"}, {"tags", "filters", "stream_index", "keys"}),
}

# --random-keys: idempotency keys as random UUIDs (as clients send them) instead of a counter
RANDOM_KEYS = "--random-keys" in sys.argv

def io():
    d = dict(l.split(": ") for l in open("/proc/self/io").read().split("\n") if l)
    return int(d["wchar"]), int(d["write_bytes"])

def run(name, per, warm=20000, n=30000, batch=5000):
    schema, append, behind = VARIANTS[name]
    path = os.path.join(tempfile.gettempdir(), f"provmon-pages-{os.getpid()}.db")
    for s in ("", "-wal", "-shm"):
        if os.path.exists(path + s): os.remove(path + s)
    c = sqlite3.connect(path, isolation_level=None)
    c.execute("PRAGMA page_size=4096"); c.execute("PRAGMA journal_mode=WAL"); c.execute("PRAGMA synchronous=NORMAL"); c.execute("PRAGMA wal_autocheckpoint=0")
    c.executescript(schema)
    numbered = name.endswith("_bytes") or name.startswith("built")
    streams = [f"project-{uuid.uuid4()}" for _ in range(1000)]
    if "streams" in append:
        for i, s in enumerate(streams):
            if name.startswith("built"): c.execute("INSERT INTO streams VALUES (?,?)", (i + 1, s)); continue
            c.execute("INSERT INTO streams VALUES (?,?,0)" if numbered else "INSERT INTO streams VALUES (?,0)", (i + 1, s) if numbered else (s,))
    versions = {}
    state = {"pos": 0, "indexed": 0, "keys": []}

    def write(count, prefix):
        prev = b"\0" * 32
        for t in range(0, count, per):
            c.execute("BEGIN IMMEDIATE")
            touched = {}
            for i in range(t, min(t + per, count)):
                state["pos"] += 1; p = state["pos"]
                si = i % 1000; s = streams[si]; v = versions.get(s, 0) + 1; versions[s] = v; touched[si] = v
                key = str(uuid.uuid4()) if RANDOM_KEYS else f"{prefix}-{i}"
                data = json.dumps({"indicator": "jobs-created", "period": "2026", "projectId": s[8:], "unit": "count", "value": i % 50}, separators=(",", ":"))
                meta = json.dumps({"actor": "u-7f3a9c2e", "causationId": str(uuid.uuid4()), "correlationId": str(uuid.uuid4()), "idempotencyKey": key,
                                   "role": "officer", "source": "api", "userAgent": "bench/1.0"}, separators=(",", ":"))
                eid = uuid.UUID(("%012x" % (1774000000000 + p)) + uuid.uuid4().hex[12:])
                h = hashlib.sha256(prev + data.encode() + meta.encode()).digest()
                eff = f"2026-{1 + i % 12:02d}-{1 + i % 28:02d}"
                row = (p, si + 1 if numbered else s, v, eid.bytes if numbered else str(eid), "OutputReported.v1", data, meta, eff, 1774000000000000 + p,
                       '["limburg"]', "labour-market", "[]", None, "u-7f3a9c2e", "api", prev, h)
                c.execute("INSERT INTO events VALUES (" + ",".join("?" * 17) + ")", row)
                result = json.dumps({"streamId": s, "fromVersion": v, "toVersion": v, "fromPosition": p, "toPosition": p, "eventIds": [str(eid)], "replayed": False})
                if "tags" in append: c.execute("INSERT INTO event_tags VALUES ('province','limburg',?)", (p,))
                if "keys" in append: c.execute("INSERT INTO idempotency_keys VALUES (?,?,?,?,?,?)", ("bench", key, key, s, result, p))
                else: state["keys"].append(("bench", key, key, s, result, p))
                if "key_log" in append: c.execute("INSERT INTO key_log VALUES (?,?,?,?,?,?)", (p, "bench", key, key, s, result))
                prev = h
            if "streams" in append:
                for si, v in touched.items():
                    c.execute("UPDATE streams SET version = ? WHERE " + ("stream_no = ?" if numbered else "stream_id = ?"), (v, si + 1 if numbered else streams[si]))
            c.execute("COMMIT")
            if behind and state["pos"] - state["indexed"] >= batch: index()
        if behind: index()

    def index():
        a = state["indexed"]
        c.execute("BEGIN IMMEDIATE")
        if "tags" in behind:
            c.execute("INSERT OR IGNORE INTO event_tags SELECT 'province', j.value, e.position FROM events e, json_each(e.provinces) j WHERE e.position > ?", (a,))
        if "filters" in behind:
            c.execute("INSERT INTO event_filters SELECT position, " + ", ".join(FILTERS) + " FROM events WHERE position > ?", (a,))
        if "stream_index" in behind:
            column = "stream_no" if numbered else "stream_id"
            c.execute(f"INSERT INTO stream_index SELECT {column}, stream_version, position FROM events WHERE position > ? ORDER BY {column}, stream_version", (a,))
        if "keys" in behind:
            c.executemany("INSERT INTO idempotency_keys VALUES (?,?,?,?,?,?)", sorted(state["keys"]))
            state["keys"] = []
        state["indexed"] = state["pos"]
        c.execute("COMMIT")

    write(warm, "warm")
    c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    w0, b0 = io(); t0 = time.time()
    write(n, "m")
    frames = (os.path.getsize(path + "-wal") - 32) // (4096 + 24)
    t1 = time.time()
    c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    w1, b1 = io()
    size = os.path.getsize(path)
    c.close()
    for s in ("", "-wal", "-shm"):
        if os.path.exists(path + s): os.remove(path + s)
    return {"variant": name, "per_commit": per, "log_frames_per_event": round(frames / n, 2), "log_bytes_per_event": round(frames * 4120 / n),
            "wchar_per_event": round((w1 - w0) / n), "write_bytes_per_event": round((b1 - b0) / n), "events_per_s_unsynced": round(n / (t1 - t0)),
            "db_mb": round(size / 1e6, 1), "sqlite": sqlite3.sqlite_version}

args = [a for a in sys.argv[1:] if a != "--random-keys"]
for per in [int(a) for a in args if a.isdigit()] or [24, 30, 100]:
    for name in [a for a in args if not a.isdigit()] or VARIANTS:
        print(json.dumps(run(name, per)), flush=True)
