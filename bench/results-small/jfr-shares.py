#!/usr/bin/env python3
"""Shares of the loop thread's Java execution samples (top frame, and inclusive for niows' methods, inlined frames
included) and of its sampled allocation (by class and allocating niows method), from a JFR recording.

usage: jfr-shares.py RECORDING.jfr [N]
"""
import collections, re, subprocess, sys


def events(recording, kind, depth):
    text = subprocess.run(['jfr', 'print', '--stack-depth', str(depth), '--events', kind, recording],
                          capture_output=True, text=True).stdout
    for event in text.split(kind + ' {')[1:]:
        thread = re.search(r'(?:sampledThread|eventThread) = "([^"]*)"', event)
        if thread and 'loop' in thread.group(1):
            yield event, [re.sub(r'\(.*', '', f) for f in re.findall(r'^\s+([\w.$<>]+\(.*?\))\s+line:', event, re.M)]


def main():
    recording, n = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 15
    top, inclusive, count = collections.Counter(), collections.Counter(), 0
    for _, frames in events(recording, 'jdk.ExecutionSample', 64):
        count += 1
        if frames:
            top[frames[0]] += 1
        for f in set(frames):
            inclusive[f] += 1
    print(f'{count} execution samples of the loop thread; top frames:')
    for name, c in top.most_common(n):
        print(f'  {100 * c / count:5.1f}% {name}')
    print('inclusive, niows methods:')
    for name, c in inclusive.most_common():
        if 'io.niows' in name and 'SelectorLoop.run' not in name and 100 * c / count >= 1:
            print(f'  {100 * c / count:5.1f}% {name}')
    weights = collections.Counter()
    for event, frames in events(recording, 'jdk.ObjectAllocationSample', 12):
        cls = re.search(r'objectClass = (\S+)', event).group(1)
        value, unit = re.search(r'weight = ([\d.]+) (\w+)', event).groups()
        site = next((f for f in frames if 'io.niows' in f), frames[0] if frames else '?')
        weights[(cls, site)] += float(value) * {'bytes': 1, 'kB': 1e3, 'MB': 1e6, 'GB': 1e9}[unit]
    total = sum(weights.values()) or 1
    print('sampled allocation of the loop thread (weight):')
    for (cls, site), w in weights.most_common(n):
        print(f'  {100 * w / total:5.1f}% {cls} in {site}')


if __name__ == '__main__':
    main()
