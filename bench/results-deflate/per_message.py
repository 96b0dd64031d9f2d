#!/usr/bin/env python3
"""Per-message figures of a Compare run's results.json, for the deflate tables of bench/README.md.

For each workload and server, over its rounds: the median msg/s, the median CPU of the tool and
the server (cores), the median server CPU per message (server cores / msg/s, in microseconds),
the stalled and lost sums, and the median of the per-round ratios niows / server of msg/s (rounds
paired by number: the servers of one round ran minutes apart at most, in a random order).
"""
import json
import statistics
import sys


def main(path):
    r = json.load(open(path))
    rounds = [x for x in r['rounds'] if not x['workload'].startswith('idle') and x['messagesPerSecond']]
    by = {}
    for x in rounds:
        by.setdefault((x['workload'], x['server']), {})[x['round']] = x
    print('| workload | server | rounds | msg/s | CPU tool | CPU server | server CPU µs/msg | niows ÷ server, msg/s | stalled/lost |')
    print('|---|---|--:|--:|--:|--:|--:|--:|--:|')
    for (w, s), xs in by.items():
        v = list(xs.values())
        ref = by.get((w, 'niows'), {})
        ratios = [ref[n]['messagesPerSecond'] / x['messagesPerSecond'] for n, x in xs.items() if n in ref]
        print('| %s | %s | %d | %s | %.2f | %.2f | %.1f | %.2f | %d/%d |' % (
            w, s, len(v), format(round(statistics.median(x['messagesPerSecond'] for x in v)), ','),
            statistics.median(x['toolCpuCores'] for x in v), statistics.median(x['serverCpuCores'] for x in v),
            statistics.median(x['serverCpuCores'] / x['messagesPerSecond'] * 1e6 for x in v),
            statistics.median(ratios), sum(x['stalled'] for x in v), sum(x['lost'] for x in v)))


if __name__ == '__main__':
    main(sys.argv[1])
