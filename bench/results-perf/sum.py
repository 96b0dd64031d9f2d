import json, sys, statistics as st
rows={}
for f in sys.argv[1:]:
    for l in open(f):
        d=json.loads(l); r=d['result']
        if not r or 'per_s' not in r:
            print('bad', d['workload'], d['version'], r); continue
        rows.setdefault((d['workload'],d['version']),[]).append((r['per_s'], r['per_server_cpu_s'], r['lat_us']['p50'], r['lat_us']['p99'], r.get('errors',0)+r.get('closed',0)))
print('workload version n msg/s per-cpu-s p50us p99us errs')
for k,v in sorted(rows.items()):
    print(*k, len(v), *[round(st.median(x)) for x in zip(*v)])
