# Page-count experiment for issue #35: bytes written per event by today's SQLite schema and its variants.
# Usage: python3 sqlite-pages.py grains/ProvincialMonitor.EventStore/Sqlite/SqliteSchema.cs [ordered]
# (first pass: random event ids, page sizes 4, 8 and 16 KB; with "ordered": time-ordered ids, 4 KB, and other variants).
# Writes a scratch file under /tmp/s17-indexer (made if missing) and prints one JSON line per variant.
import sqlite3, os, re, sys, json, time, uuid, hashlib, random
os.makedirs("/tmp/s17-indexer", exist_ok=True)
src = open(sys.argv[1]).read()
m1 = re.search(r'\(1, "events, tags, idempotency keys", """(.*?)"""\)', src, re.S).group(1)
FILTERS = ["events_event_type","events_effective_date","events_recorded_at","events_domain","events_campaign","events_actor","events_source"]
def io():
    d = dict(l.split(": ") for l in open("/proc/self/io").read().split("\n") if l)
    return int(d["wchar"]), int(d["write_bytes"])
def run(page, filters, tags, indexer, keys=True, per=30, warm=20000, n=30000, batch=5000):
    path = f"/tmp/s17-indexer/exp-{page}.db"
    for s in ("", "-wal", "-shm"):
        if os.path.exists(path+s): os.remove(path+s)
    c = sqlite3.connect(path, isolation_level=None)
    c.execute(f"PRAGMA page_size={page}"); c.execute("PRAGMA journal_mode=WAL"); c.execute("PRAGMA synchronous=NORMAL"); c.execute("PRAGMA wal_autocheckpoint=0")
    c.executescript(m1)
    if not filters:
        for i in FILTERS: c.execute(f"DROP INDEX {i}")
    if indexer:
        c.executescript("""CREATE TABLE event_filters (position INTEGER PRIMARY KEY, event_type TEXT, effective_date TEXT, recorded_at INTEGER, domain TEXT, campaign TEXT, actor TEXT, source TEXT);
        CREATE INDEX f_type ON event_filters(event_type, position); CREATE INDEX f_eff ON event_filters(effective_date, position); CREATE INDEX f_rec ON event_filters(recorded_at, position);
        CREATE INDEX f_dom ON event_filters(domain, position) WHERE domain IS NOT NULL; CREATE INDEX f_camp ON event_filters(campaign, position) WHERE campaign IS NOT NULL;
        CREATE INDEX f_actor ON event_filters(actor, position); CREATE INDEX f_src ON event_filters(source, position);""")
    streams = [f"project-{uuid.uuid4()}" for _ in range(1000)]
    versions = {}
    rnd = random.Random(7)
    state = {"pos": 0, "indexed": 0}
    def write(count, prefix):
        prev = b"\0"*32
        for t in range(0, count, per):
            c.execute("BEGIN IMMEDIATE")
            for i in range(t, min(t+per, count)):
                state["pos"] += 1; p = state["pos"]
                s = streams[i % 1000]; v = versions.get(s, 0) + 1; versions[s] = v
                key = f"{prefix}-{i}"
                data = json.dumps({"indicator":"jobs-created","period":"2026","projectId":s[8:],"unit":"count","value":i%50}, separators=(",",":"))
                meta = json.dumps({"actor":"u-7f3a9c2e","causationId":str(uuid.uuid4()),"correlationId":str(uuid.uuid4()),"idempotencyKey":key,"role":"officer","source":"api","userAgent":"bench/1.0"}, separators=(",",":"))
                eid = ("%012x" % (1774000000000 + p)) + str(uuid.uuid4())[12:] if ORDERED else str(uuid.uuid4()); h = hashlib.sha256(prev + data.encode() + meta.encode()).digest()
                eff = f"2026-{1+i%12:02d}-{1+i%28:02d}"
                c.execute("INSERT INTO events VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", (p, s, v, eid, "OutputReported.v1", data, meta, eff, 1774000000000000+p, '["limburg"]', "labour-market", "[]", None, "u-7f3a9c2e", "api", prev, h))
                if tags: c.execute("INSERT INTO event_tags VALUES ('province','limburg',?)", (p,))
                if keys: c.execute("INSERT INTO idempotency_keys VALUES (?,?,?,?,?,?)", ("bench", key, key, s, json.dumps({"streamId":s,"fromVersion":v,"toVersion":v,"fromPosition":p,"toPosition":p,"eventIds":[eid],"replayed":False}), p))
                prev = h
            c.execute("COMMIT")
            if indexer and state["pos"] - state["indexed"] >= batch: index()
        if indexer: index()
    def index():
        c.execute("BEGIN IMMEDIATE")
        a = state["indexed"]
        c.execute("INSERT OR IGNORE INTO event_tags SELECT 'province', j.value, e.position FROM events e, json_each(e.provinces) j WHERE e.position > ?", (a,))
        c.execute("INSERT INTO event_filters SELECT position, event_type, effective_date, recorded_at, domain, campaign, actor, source FROM events WHERE position > ?", (a,))
        state["indexed"] = state["pos"]
        c.execute("COMMIT")
    write(warm, "warm")
    c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    w0, b0 = io(); t0 = time.time()
    write(n, "m")
    frames = (os.path.getsize(path+"-wal") - 32) // (page + 24)
    t1 = time.time()
    c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    w1, b1 = io()
    return {"page_size": page, "filter_indexes": filters, "tag_rows": tags, "indexer_batches": indexer, "keys": keys, "per_commit": per, "ordered_ids": ORDERED, "log_frames_per_event": round(frames/n, 2),
            "log_bytes_per_event": round(frames*(page+24)/n), "wchar_per_event": round((w1-w0)/n), "write_bytes_per_event": round((b1-b0)/n),
            "events_per_s_unsynced": round(n/(t1-t0)), "db_mb": round(os.path.getsize(path)/1e6, 1)}
ORDERED = len(sys.argv) > 2
configs = [(True, True, False), (False, True, False), (True, False, False), (False, False, False), (False, False, True)]
if ORDERED: configs = [(True, True, False, True, 30), (False, False, False, True, 30), (False, False, True, True, 30), (False, False, False, False, 30), (True, True, False, True, 300), (False, False, True, True, 300)]
else: configs = [c + (True, 30) for c in configs]
for page in ((4096, 8192, 16384) if not ORDERED else (4096,)):
    for f, t, ix, k, per in configs:
        print(json.dumps(run(page, f, t, ix, k, per)), flush=True)
