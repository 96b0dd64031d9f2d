#!/bin/bash
# Idle memory with and without permessage-deflate, alternating invocations (one round each).
cd /work/wt-dbench
for i in 1 2 3; do
  for mode in deflate plain; do
    flag=""; [ $mode = deflate ] && flag="--deflate"
    java -Xmx1g -cp /tmp/dbench/run.jar io.niows.bench.load.Compare $flag --random-order --servers niows,netty,jetty \
      --only idle-10000c --rounds 1 --out /tmp/dbench/idle/$mode-$i > /tmp/dbench/idle/$mode-$i.txt 2>&1
  done
done
