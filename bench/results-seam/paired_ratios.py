import json,sys,statistics
rows=[json.loads(l) for l in open(sys.argv[1])]
pairs={}
for r in rows:
    pairs.setdefault((r['workload'],r['round']),{})[r['version']]=r['result']
by={}
for (w,rd),v in pairs.items():
    if 'old' in v and 'new' in v:
        by.setdefault(w,[]).append((v['new']['per_s']/v['old']['per_s'], v['new']['per_server_cpu_s']/v['old']['per_server_cpu_s'], v['old']['per_s'], v['new']['per_s']))
for w,l in by.items():
    print(w, 'n=%d'%len(l), 'median rate ratio %.3f'%statistics.median(x[0] for x in l), 'median per-CPU ratio %.3f'%statistics.median(x[1] for x in l),
          'medians old %.0f new %.0f'%(statistics.median(x[2] for x in l), statistics.median(x[3] for x in l)), ' '.join('%.2f'%x[0] for x in l))
