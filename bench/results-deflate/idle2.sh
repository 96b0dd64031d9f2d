#!/bin/bash
# Idle memory of niows with and without permessage-deflate: 5 pairs, the order within each pair drawn at random.
cd /work/wt-dbench
for i in 1 2 3 4 5; do
  if (( RANDOM % 2 )); then order="deflate plain"; else order="plain deflate"; fi
  for mode in $order; do
    flag=""; [ $mode = deflate ] && flag="--deflate"
    java -Xmx1g -cp /tmp/dbench/run2.jar io.niows.bench.load.Compare $flag --servers niows \
      --only idle-10000c --rounds 1 --out /tmp/dbench/idle2/$mode-$i > /tmp/dbench/idle2/$mode-$i.txt 2>&1
  done
done
