#!/usr/bin/env python3
"""Summarizes run.sh's JSON lines: per setup, the median over rounds of deliveries/s (both
wsload processes added for two nodes), of its ratio to the setup without Redis in the same round,
of each node's p50/p99 latency, of the nodes' CPU time per delivery (both nodes added), and
what was lost (closed connections, abandoned windows, malformed deliveries), summed.
Usage: python3 bench/results-topics-redis/summary.py RUN.jsonl"""
import json
import statistics
import sys
from collections import defaultdict

rounds = defaultdict(lambda: defaultdict(dict))  # setup -> round -> node -> line
for text in open(sys.argv[1]):
    line = json.loads(text)
    rounds[line["setup"]][line["round"]][line["node"]] = line


def med(values):
    return statistics.median(values)


def rate_of(nodes):
    results = [line["result"] for line in nodes.values()]
    return sum(r["count"] for r in results) / nodes[1]["result"]["secs"]


print("| setup | rounds | deliveries/s, median (range) | ÷ 1 node without Redis, same round: median (range)"
      " | p50 latency, ms | p99 latency, ms | messages published/s | node CPU µs per delivery"
      " | node CPU-s/s | Redis CPU-s/s | closed, stalls, errors |")
print("|---|--:|--:|--:|---|---|--:|--:|--:|--:|---|")
for setup in ("local", "redis-1node", "redis-2nodes"):
    per_round = rounds[setup]
    if not per_round:
        continue
    rates, pubs, node_cpu, redis_cpu, cost, ratios, lost = [], [], [], [], [], [], [0, 0, 0]
    lat = defaultdict(lambda: ([], []))
    for number, nodes in per_round.items():
        if number in rounds["local"]:
            ratios.append(rate_of(nodes) / rate_of(rounds["local"][number]))
        results = {n: line["result"] for n, line in nodes.items()}
        rates.append(rate_of(nodes))
        cost.append(sum(r["server_cpu_s"] for r in results.values()) * 1e6
                    / sum(r["count"] for r in results.values()))
        pubs.append(results[1]["published"] / results[1]["secs"])
        node_cpu.append(sum(r["server_cpu_s"] / r["secs"] for r in results.values()))
        whole = results[1]["secs"] + results[1]["connect_s"]
        redis_cpu.append(nodes[1]["redis_cpu_s"] / whole)
        for n, r in results.items():
            lat[n][0].append(r["lat_us"]["p50"] / 1000)
            lat[n][1].append(r["lat_us"]["p99"] / 1000)
            lost[0] += r["closed"]
            lost[1] += r["stalls"]
            lost[2] += r["errors"]
    rate = med(rates)
    ratio = f"{med(ratios):.2f} ({min(ratios):.2f}-{max(ratios):.2f})"
    p50 = " / ".join(f"{med(lat[n][0]):.1f}" for n in sorted(lat))
    p99 = " / ".join(f"{med(lat[n][1]):.1f}" for n in sorted(lat))
    print(f"| {setup} | {len(per_round)} | {rate:,.0f} ({min(rates):,.0f}-{max(rates):,.0f}) | {ratio} | {p50} | {p99}"
          f" | {med(pubs):,.0f} | {med(cost):.2f} | {med(node_cpu):.2f} | {med(redis_cpu):.2f}"
          f" | {lost[0]}, {lost[1]}, {lost[2]} |")
