#!/bin/bash
# syscalls.sh JAR SERVER "wsload args": the server's read, write and epoll_wait calls and its
# TCP segments sent over 4 s of a 6 s wsload run (server on CPU 1, wsload on CPU 0), and wsload's
# messages per second and per server CPU-second. Divide the counts by 4 s x per_s for "per message".
JAR=$1; SERVER=$2; ARGS=$3
mkdir -p /tmp/perf
log=/tmp/perf/syscalls-$SERVER.log
taskset -c 1 java -Xmx1g -cp "$JAR" io.niows.bench.servers.ServerMain "$SERVER" 1 > "$log" 2>&1 & pid=$!
for i in $(seq 1 300); do grep -q LISTENING "$log" && break; sleep 0.1; done
port=$(awk '/LISTENING/{print $2}' "$log")
taskset -c 0 /tmp/wsload $ARGS -p "$port" -w 2 -t 6 -S $pid > /tmp/perf/syscalls-ws.json 2>/dev/null & wpid=$!
sleep 3
nstat -n
perf stat -e 'syscalls:sys_enter_read,syscalls:sys_enter_write,syscalls:sys_enter_epoll_wait' -p $pid -- sleep 4 2>&1 \
  | awk '/syscalls/{printf "%s=%s ", $2, $1}'
nstat TcpOutSegs 2>/dev/null | awk 'NR>1{printf "%s=%s ", $1, $2}'
wait $wpid; kill $pid; wait $pid 2>/dev/null
python3 - "$SERVER" <<'PY'
import json, sys
d = json.loads(open('/tmp/perf/syscalls-ws.json').read().strip().splitlines()[-1])
print(sys.argv[1], 'per_s', d['per_s'], 'per_server_cpu_s', d.get('per_server_cpu_s'))
PY
