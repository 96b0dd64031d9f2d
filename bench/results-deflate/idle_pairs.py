#!/usr/bin/env python3
"""The idle-memory pairs of bench/README.md: DIR/<mode>-<i>/results.json for mode deflate and plain.

Prints, per server: each pair's live heap and RSS outside the heap per connection with and without
deflate, and the medians of their sum (heap + RSS outside heap) and of the per-pair ratio
deflate / plain of that sum.
"""
import glob
import json
import os
import statistics
import sys


def main(folder):
    runs = {}
    for path in glob.glob(os.path.join(folder, '*-*', 'results.json')):
        mode, pair = os.path.basename(os.path.dirname(path)).rsplit('-', 1)
        for r in json.load(open(path))['rounds']:
            runs.setdefault(r['server'], {}).setdefault(int(pair), {})[mode] = r
    print('| server | pair | deflate: heap + RSS outside heap, B/conn | plain: heap + RSS outside heap, B/conn | deflate ÷ plain |')
    print('|---|--:|--:|--:|--:|')
    for server, pairs in runs.items():
        sums = {'deflate': [], 'plain': []}
        ratios = []
        for pair in sorted(pairs):
            p = pairs[pair]
            if 'deflate' not in p or 'plain' not in p:
                continue
            cells = []
            for mode in ('deflate', 'plain'):
                r = p[mode]
                total = r['heapPerConnection'] + r['rssPerConnection']
                sums[mode].append(total)
                cells.append('%.0f + %.0f = %.0f' % (r['heapPerConnection'], r['rssPerConnection'], total))
            ratios.append(sums['deflate'][-1] / sums['plain'][-1])
            print('| %s | %d | %s | %s | %.2f |' % (server, pair, cells[0], cells[1], ratios[-1]))
        print('| %s | median | %.0f | %.0f | %.2f (of the medians: %.2f) |' % (
            server, statistics.median(sums['deflate']), statistics.median(sums['plain']), statistics.median(ratios),
            statistics.median(sums['deflate']) / statistics.median(sums['plain'])))


if __name__ == '__main__':
    main(sys.argv[1])
