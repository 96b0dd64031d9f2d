#!/bin/bash
# Paired load run: niows before (/tmp/bench-old.jar) and after (/tmp/bench-new.jar), both in
# every round, in an order drawn at random (ORDER=alternate: old first in odd rounds, as the runs
# paired3 and paired4 did); server pinned to CPU 1, wsload to CPU 0. Writes one JSON line per
# run: round, version, workload and wsload's result. Optional: NAMES (workloads), WARM, SECS.
ROUNDS=${1:-3}
OUT=${2:-/tmp/paired.jsonl}
: > "$OUT"
declare -A W
W[echo-100c-16b]="-m echo -c 100 -s 16"
W[echo-1000c-16b]="-m echo -c 1000 -s 16"
W[echo-100c-16b-d8]="-m echo -c 100 -s 16 -d 8"
W[echo-100c-4k]="-m echo -c 100 -s 4096"
W[bcast-1000c-1k]="-m bcast -u /broadcast -c 1000 -s 1024"
for r in $(seq 1 "$ROUNDS"); do
  if [ "${ORDER:-random}" = alternate ]; then pick=$(( r % 2 )); else pick=$(( RANDOM % 2 )); fi
  if (( pick )); then order="old new"; else order="new old"; fi
  for name in ${NAMES:-echo-100c-16b echo-1000c-16b echo-100c-16b-d8 echo-100c-4k bcast-1000c-1k}; do
    for v in $order; do
      log=/tmp/paired-server-$v.log
      taskset -c 1 java -Xmx1g -cp /tmp/bench-$v.jar io.niows.bench.servers.ServerMain niows 1 > "$log" 2>&1 &
      pid=$!
      for i in $(seq 1 100); do grep -q LISTENING "$log" && break; sleep 0.1; done
      port=$(awk '/LISTENING/{print $2}' "$log")
      line=$(taskset -c 0 /tmp/wsload ${W[$name]} -p "$port" -w ${WARM:-2} -t ${SECS:-5} -S "$pid" 2>/dev/null | tail -1)
      echo "{\"round\":$r,\"version\":\"$v\",\"workload\":\"$name\",\"result\":$line}" >> "$OUT"
      kill "$pid"; wait "$pid" 2>/dev/null
    done
  done
done
