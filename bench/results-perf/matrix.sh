#!/bin/bash
# Side-by-side load run: each VARIANT is label=jar:server; server pinned to CPU 1, wsload to CPU 0,
# order of variants drawn at random each round. One JSON line per run.
ROUNDS=${ROUNDS:-3}
OUT=${OUT:-/tmp/perf/matrix.jsonl}
declare -A W
W[echo-100c-16b]="-m echo -c 100 -s 16"
W[echo-1000c-16b]="-m echo -c 1000 -s 16"
W[echo-100c-16b-d8]="-m echo -c 100 -s 16 -d 8"
W[echo-100c-4k]="-m echo -c 100 -s 4096"
W[echo-10c-1m]="-m echo -c 10 -s 1048576"
W[echo-10c-1m-stream]="-m echo -u /stream -c 10 -s 1048576"   # niows: the StreamingHandler echo
W[bcast-1000c-1k]="-m bcast -u /broadcast -c 1000 -s 1024"
for r in $(seq 1 "$ROUNDS"); do
  for name in ${NAMES:-echo-100c-16b echo-1000c-16b echo-100c-16b-d8 echo-100c-4k echo-10c-1m bcast-1000c-1k}; do
    for v in $(printf '%s\n' $VARIANTS | shuf); do
      label=${v%%=*}; rest=${v#*=}; jar=${rest%%:*}; server=${rest#*:}
      log=/tmp/perf/server-$label.log
      taskset -c ${SCPU:-1} java -Xmx${XMX:-1g} -cp "$jar" io.niows.bench.servers.ServerMain "$server" 1 > "$log" 2>&1 &
      pid=$!
      for i in $(seq 1 300); do grep -q LISTENING "$log" && break; sleep 0.1; done
      port=$(awk '/LISTENING/{print $2}' "$log")
      line=$(taskset -c ${CCPU:-0} /tmp/wsload ${W[$name]} -p "$port" -w ${WARM:-2} -t ${SECS:-5} -S "$pid" 2>/dev/null | tail -1)
      echo "{\"round\":$r,\"version\":\"$label\",\"workload\":\"$name\",\"result\":${line:-null}}" >> "$OUT"
      kill "$pid"; wait "$pid" 2>/dev/null
    done
  done
done
