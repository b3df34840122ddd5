#!/bin/bash
# Attribution of the bench's SQLite writes to tables: strace the bench process's pwrite64 calls for a while during
# the grain ingest, then map page numbers to tables with dbstat on the live store.
# Usage: ops/bench/experiments/sqlite-write-attribution.sh OUT   (OUT.json, OUT.log, OUT.strace; needs strace and python3)
set -u
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"; out="$(realpath -m "$1")"
cd "$root/ops/bench/ProvincialMonitor.Bench" && dotnet build -c Release -v quiet -nologo >/dev/null
started=$(date +%s)
# --only sqlite does not use PostgreSQL; the bench only wants the variable set.
PG_CONNECTION="Host=127.0.0.1;Port=1" dotnet bin/Release/net10.0/ProvincialMonitor.Bench.dll --only sqlite --out $out.json > $out.log 2>&1 &
sleep 3
pid=$(pgrep -f "^dotnet bin/Release/net10.0/ProvincialMonitor.Bench.dll" | head -1)
newest() { for d in $(ls -td /tmp/provmon-bench-silo-*/ 2>/dev/null); do [ "$(stat -c %Y "$d")" -ge "$started" ] && [ -f "$d/events.db" ] && { echo "$d"events.db; return; }; done; }
for i in $(seq 1 60); do [ -n "$(newest)" ] && break; sleep 0.5; done
sleep 12
timeout 8 strace -f -p $pid -e trace=pwrite64,fsync,fdatasync,write -s 4 -x -y -o $out.strace 2>/dev/null
db=$(newest)
python3 - "$db" "$out.strace" <<'PY'
import sqlite3, sys, re, collections
db, st = sys.argv[1], sys.argv[2]
c = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
owner = {pgno: name for name, pgno in c.execute("select name, pageno from dbstat")}
wal = collections.Counter(); main = collections.Counter(); other = collections.Counter(); syncs = collections.Counter()
pat = re.compile(r'pwrite64\((\d+)<([^>]*)>, "((?:\\x[0-9a-f]{2})*)"\.*, (\d+), (\d+)\)')
for line in open(st):
    if 'fsync(' in line or 'fdatasync(' in line:
        m = re.search(r'sync\(\d+<([^>]*)>', line); syncs[m.group(1) if m else '?'] += 1; continue
    m = pat.search(line)
    if not m:
        w = re.search(r'write\(\d+<([^>]*)>.*\) = (\d+)', line)
        if w: other[w.group(1)] += int(w.group(2))
        continue
    fd, path, data, count, off = m.groups(); count = int(count); off = int(off)
    if path.endswith('events.db-wal'):
        if count == 24:
            b = bytes(int(x, 16) for x in data.split('\\x')[1:])
            if len(b) == 4: wal[owner.get(int.from_bytes(b, 'big'), 'freelist/new')] += 4096 + 24
        elif count != 4096: wal['(wal header and other)'] += count
    elif path.endswith('events.db'):
        main[owner.get(off // 4096 + 1, 'freelist/new') if count == 4096 else '(other)'] += count
    else:
        other[path] += count
tw, tm = sum(wal.values()), sum(main.values())
print(f"WAL {tw/1e6:.1f} MB, database {tm/1e6:.1f} MB, other {sum(other.values())/1e6:.2f} MB; syncs {dict(syncs)}")
for name in sorted(set(wal) | set(main), key=lambda n: -(wal[n] + main[n])):
    print(f"  {name:40s} WAL {wal[name]/1e6:7.2f} MB  db {main[name]/1e6:7.2f} MB  share {(wal[name]+main[name])/(tw+tm):.3f}")
for p, n in other.most_common(5): print("  other:", p, n)
PY
wait
