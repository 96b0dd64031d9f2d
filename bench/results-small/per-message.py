#!/usr/bin/env python3
"""CPU time of the loop thread per message, from perf-loop.sh runs: task-clock over the messages read (bytes read
/ 22: a 16 B client frame is 2 B of header, 4 B of key, 16 B of payload), split into kernel and user time by the
perf samples, and the user symbols that cost most.

usage: per-message.py PREFIX [DIR]     (runs named PREFIX-WORKLOAD-VERSION-ROUND)
"""
import collections, glob, re, statistics, subprocess, sys

FRAME = 22


def load(path):
    stat = open(path + '.stat').read()
    messages = int(re.search(r'rchar (\d+)', stat).group(1)) / FRAME
    ms = float(re.search(r'([\d.,]+)\s+msec task-clock', stat).group(1).replace(',', ''))
    report = subprocess.run(['perf', 'report', '-i', path + '.perf', '--no-children', '--sort', 'sym', '--stdio',
                             '-g', 'none'], capture_output=True, text=True).stdout
    total = ms * 1e6 / messages
    shares = collections.Counter()
    for line in report.splitlines():
        m = re.match(r'\s+([\d.]+)%\s+\[(.)\]\s+(.*)$', line)
        if m:
            name = re.sub(r'\(.*', '', m.group(3)).strip().split(' ')[-1]
            name = re.sub(r'\$\$Lambda\$\d+/0x[0-9a-f]+', '$$Lambda', name)
            shares[(m.group(2), name)] += float(m.group(1)) * total / 100
    return total, shares


def main():
    prefix, folder = sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else '/tmp/small'
    runs = collections.defaultdict(list)
    for stat in glob.glob(f'{folder}/{prefix}-*.stat'):
        path = stat[:-5]
        _, workload, version, _ = path.split('/')[-1].rsplit('-', 3)
        runs[(workload, version)].append(load(path))
    print('ns of loop-thread CPU per message, median of the rounds (user symbols: ns per message, median)')
    for workload in ['100c', '1000c', 'd8']:
        for version in ['old', 'new', 'floor']:
            rs = runs.get((workload, version))
            if not rs:
                continue
            kernel = statistics.median(sum(v for k, v in s.items() if k[0] == 'k') for _, s in rs)
            user = statistics.median(sum(v for k, v in s.items() if k[0] != 'k') for _, s in rs)
            names = collections.Counter()
            for _, s in rs:
                for k, v in s.items():
                    if k[0] != 'k':
                        names[k[1]] += v / len(rs)
            top = ', '.join(f'{n.split(".")[-1]} {v:.0f}' for n, v in names.most_common(6))
            print(f'{workload:6} {version:6} total {statistics.median(t for t, _ in rs):5.0f}  kernel {kernel:5.0f}'
                  f'  user {user:4.0f}  (n={len(rs)})  {top}')


if __name__ == '__main__':
    main()
