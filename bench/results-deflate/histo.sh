#!/bin/bash
# Class histogram of the niows bench server while it holds 10,000 idle connections, with or without deflate.
mode=$1; flag=""; [ $mode = deflate ] && flag=--deflate
cd /work/wt-dbench
java -Xmx1g -cp /tmp/dbench/run.jar io.niows.bench.load.Compare $flag --servers niows --only idle-10000c --rounds 1 --idle-hold 20 --out /tmp/dbench/histo-$mode > /tmp/dbench/histo-$mode.txt 2>&1 &
cmp=$!
for i in $(seq 1 600); do
  pid=$(pgrep -f "/tmp/dbench/run.jar io.niows.bench.servers.ServerMain niows" | head -1)
  [ -n "$pid" ] && port=$(awk '/LISTENING/{print $2}' /tmp/dbench/histo-$mode/logs/niows.log 2>/dev/null)
  if [ -n "$port" ]; then
    n=$(ss -Htn state established "( sport = :$port )" | wc -l)
    [ "$n" -ge 10000 ] && break
  fi
  sleep 0.5
done
sleep 3
jcmd $pid GC.class_histogram > /tmp/dbench/histo-$mode.histo
wait $cmp
