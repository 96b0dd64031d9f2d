#!/usr/bin/env python3
"""The issue-19 table from matrix.sh's JSON lines: medians over the runs in which the server had
its CPU (wsload's server_cpu_s at least 95 % of the measured seconds; other engineers' work
starved some rounds), per workload and version: messages per server CPU-second, msg/s, p50/p99."""
import json, statistics as st, sys


def kept_runs(files):
    """Each JSON line of files whose server had its CPU, with its result: (line, result). A line
    without a "run" field gets its file's name as one, so rounds of different files stay apart."""
    for f in files:
        for line in open(f):
            d = json.loads(line)
            d.setdefault('run', f)
            r = d['result']
            if r and 'per_s' in r and r['server_cpu_s'] >= 0.95 * r['secs']:
                yield d, r


def main():
    rows = {}
    for d, r in kept_runs(sys.argv[1:]):
        rows.setdefault(d['workload'], {}).setdefault(d['version'], []).append(r)

    def med(runs, key):
        return st.median(key(r) for r in runs)

    versions = ['before', 'after', 'floor', 'netty']
    print('| workload | ' + ' | '.join(v + ': msg per server CPU-s (runs)' for v in versions)
          + ' | after ÷ before | niows CPU per msg ÷ floor\'s, before → after | p50 / p99 ms, after (floor) |')
    print('|---|' + '--:|' * (len(versions) + 2) + '---|')
    for w in ['echo-100c-16b', 'echo-1000c-16b', 'echo-100c-16b-d8', 'echo-100c-4k', 'echo-10c-1m', 'bcast-1000c-1k']:
        v = rows.get(w, {})
        cpu = {k: med(v[k], lambda r: r['per_server_cpu_s']) for k in v}
        cells = [f"{cpu[k]:,.0f} ({len(v[k])})" if k in v else '' for k in versions]
        ratio = f"{cpu['after'] / cpu['before']:.2f}" if 'after' in cpu and 'before' in cpu else ''
        floor = (f"{cpu['floor'] / cpu['before']:.2f} → {cpu['floor'] / cpu['after']:.2f}"
                 if 'floor' in cpu and 'before' in cpu and 'after' in cpu else '')
        lat = ''
        if 'after' in v and 'floor' in v:
            p = lambda k, q: med(v[k], lambda r: r['lat_us'][q]) / 1000
            lat = f"{p('after', 'p50'):.2f} / {p('after', 'p99'):.2f} ({p('floor', 'p50'):.2f} / {p('floor', 'p99'):.2f})"
        print(f"| {w} | " + ' | '.join(cells) + f" | {ratio} | {floor} | {lat} |")


if __name__ == '__main__':
    main()
