#!/usr/bin/env python3
"""Per-round ratios of matrix.sh runs, for servers measured side by side in the same rounds.

usage: paired.py A/B[,C/D...] FILE.jsonl...

For each workload and each pair A/B: in every round where both ran with their CPU (the server
had at least 95 % of the measured seconds), B's messages per server CPU-second divided by A's,
that is A's CPU per message divided by B's (above 1: A costs more); then the median over rounds.
Also each server's medians: messages per CPU-second, p50 and p99 latency, and p99 / p50.
A line's "run" field (else its file's name) tells rounds of different runs apart. The rounds
kept are table.py's.
"""
import statistics as st
import sys

from table import kept_runs

pairs = [p.split('/') for p in sys.argv[1].split(',')]
rounds = {}
for d, r in kept_runs(sys.argv[2:]):
    rounds.setdefault((d['workload'], d['run'], d['round']), {})[d['version']] = r
by_workload = {}
for (workload, _, _), runs in sorted(rounds.items()):
    by_workload.setdefault(workload, []).append(runs)
for workload, rs in by_workload.items():
    print('##', workload)
    for a, b in pairs:
        ratios = [x[b]['per_server_cpu_s'] / x[a]['per_server_cpu_s'] for x in rs if a in x and b in x]
        if ratios:
            print(f'  CPU per message {a} / {b}: rounds {[round(q, 2) for q in ratios]}, median {st.median(ratios):.3f}')
    for label in sorted({k for x in rs for k in x}):
        runs = [x[label] for x in rs if label in x]
        print(f"  {label}: {len(runs)} runs, msgs per CPU-s {st.median(r['per_server_cpu_s'] for r in runs):,.0f},"
              f" p50 {st.median(r['lat_us']['p50'] for r in runs) / 1000:.2f} ms,"
              f" p99 {st.median(r['lat_us']['p99'] for r in runs) / 1000:.2f} ms,"
              f" p99/p50 {st.median(r['lat_us']['p99'] / r['lat_us']['p50'] for r in runs):.2f}")
