#!/bin/bash
# prof.sh JAR SERVER "wsload args" -> perf report of the server
JAR=$1; SERVER=$2; ARGS=$3; OUTP=${4:-/tmp/perf/perf.data}
log=/tmp/perf/prof.log
taskset -c 1 java -Xmx1g -XX:+UnlockDiagnosticVMOptions -XX:+DumpPerfMapAtExit -cp $JAR io.niows.bench.servers.ServerMain $SERVER 1 > $log 2>&1 & pid=$!
for i in $(seq 1 300); do grep -q LISTENING "$log" && break; sleep 0.1; done
port=$(awk '/LISTENING/{print $2}' $log)
(taskset -c 0 /tmp/wsload $ARGS -p $port -w 2 -t 8 -S $pid > /tmp/perf/prof-ws.json 2>/dev/null &)
sleep 3; perf record -e cpu-clock -F 999 -p $pid -o $OUTP -- sleep 5 > /dev/null 2>&1
kill $pid; sleep 1
perf report -i $OUTP --sort sym --stdio 2>/dev/null | grep -v "^#" | grep -v "^$" | head -${TOP:-25}
