#!/usr/bin/env python3
"""Medians of a results-perf/matrix.sh output: messages per server CPU-second (wsload's per_server_cpu_s) of each
version on each workload, and the ratios of new, old and the floor.

usage: matrix-summary.py OUT.jsonl     (VARIANTS labelled old, new and floor)
"""
import collections, json, statistics, sys

per_cpu, rate = collections.defaultdict(list), collections.defaultdict(list)
for line in open(sys.argv[1]):
    x = json.loads(line)
    if x['result']:
        per_cpu[(x['workload'], x['version'])].append(x['result']['per_server_cpu_s'])
        rate[(x['workload'], x['version'])].append(x['result']['per_s'])
for w in sorted({k[0] for k in per_cpu}):
    med = {v: statistics.median(per_cpu[(w, v)]) for v in ('old', 'new', 'floor') if per_cpu[(w, v)]}
    cols = '  '.join(f'{v}={m:.0f} (n={len(per_cpu[(w, v)])}, rate {statistics.median(rate[(w, v)]):.0f})'
                     for v, m in med.items())
    ratios = ''
    if 'floor' in med and 'new' in med and 'old' in med:
        ratios = (f'  new/floor={med["new"] / med["floor"]:.3f} old/floor={med["old"] / med["floor"]:.3f}'
                  f' new/old={med["new"] / med["old"]:.3f}')
    elif 'new' in med and 'old' in med:
        ratios = f'  new/old={med["new"] / med["old"]:.3f}'
    print(w, cols + ratios)
