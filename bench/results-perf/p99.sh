#!/bin/bash
# p99.sh ROUNDS label=jar:server ... -> one line per run: label, msg/s, msg per server CPU-second,
# p50 and p99 in µs, p99/p50, max; echo 10 x 1 MiB unless ARGS says otherwise; the servers
# alternate in the order given; JOPTS goes to the server's JVM (the experiments' -D switches).
R=$1; shift
mkdir -p /tmp/perf
for r in $(seq 1 $R); do for v in "$@"; do
  label=${v%%=*}; rest=${v#*=}; jar=${rest%%:*}; server=${rest#*:}
  log=/tmp/perf/p99-$label.log
  taskset -c 1 java -Xmx1g $JOPTS -cp $jar io.niows.bench.servers.ServerMain $server 1 > $log 2>&1 & pid=$!
  for i in $(seq 1 300); do grep -q LISTENING "$log" && break; sleep 0.1; done
  port=$(awk '/LISTENING/{print $2}' $log)
  taskset -c 0 /tmp/wsload ${ARGS:--m echo -c 10 -s 1048576} -p $port -w 2 -t ${SECS:-5} -S $pid 2>/dev/null | tail -1 > /tmp/perf/p99-ws.json
  kill $pid; wait $pid 2>/dev/null
  python3 - "$label" <<'PY'
import json,sys
d=json.loads(open('/tmp/perf/p99-ws.json').read())
l=d['lat_us']
print(sys.argv[1], round(d['per_s']), round(d.get('per_server_cpu_s') or 0), l['p50'], l['p99'], round(l['p99']/l['p50'],2), l['max'])
PY
done; done
