#!/usr/bin/env bash
# Checks the suite itself against implementations we did not write:
#   fuzzingclient against echo servers: Node ws (npm) on 127.0.0.1:9001, Python websockets on 9002;
#   fuzzingserver (127.0.0.1:9003) against the Python websockets echo client.
# Prerequisites (once):
#   apt-get update && apt-get install -y python3-websockets
#   (cd spec-tests/third-party && npm install)
#   mvn -B -DskipTests package
# Usage: spec-tests/run-third-party.sh [extra fuzzingclient options, e.g. --cases 1.*,6.4.*]
#   groups 1-10 only:      --exclude '12.*,13.*'
#   permessage-deflate:    --cases '12.*,13.*' --deflate-messages 100   (1000, Autobahn's count, takes far longer)
# Every peer has permessage-deflate on with its library's defaults.
# Reports go to spec-tests/target/third-party/<agent>/; the exit status is non-zero if any run failed.
set -u
extra=("$@")
here="$(cd "$(dirname "$0")" && pwd)"
jar="$here/target/niows-spec-tests.jar"
out="$here/target/third-party"
python=/usr/bin/python3   # Debian's python, which has python3-websockets; a pyenv python3 on PATH may not
[ -f "$jar" ] || { echo "build first: mvn -B -DskipTests package" >&2; exit 2; }
[ -d "$here/third-party/node_modules/ws" ] || { echo "install ws first: (cd $here/third-party && npm install)" >&2; exit 2; }

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done; wait 2>/dev/null; }
trap cleanup EXIT

node "$here/third-party/ws-echo.js" 9001 & pids+=($!)
"$python" "$here/third-party/websockets_echo.py" 9002 & pids+=($!)

wait_port() { for _ in $(seq 1 50); do (echo > "/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.1; done; return 1; }
status=0
for target in "ws 9001 $(node -p 'require(process.argv[1]).version' "$here/third-party/node_modules/ws/package.json")" \
              "websockets 9002 $("$python" -c 'import websockets; print(websockets.__version__)')"; do
  set -- $target
  agent="$1-$3"
  wait_port "$2" || { echo "$1 did not start on port $2" >&2; status=2; continue; }
  echo "=== $agent on ws://127.0.0.1:$2/"
  java -jar "$jar" fuzzingclient --url "ws://127.0.0.1:$2/" --out "$out/$1" --agent "$agent" ${extra[@]+"${extra[@]}"} \
    || status=$?
done

echo "=== fuzzingserver on ws://127.0.0.1:9003/ against the websockets client"
java -jar "$jar" fuzzingserver --port 9003 --out "$out/clients" ${extra[@]+"${extra[@]}"} & pids+=($!)
if wait_port 9003; then
  "$python" "$here/third-party/websockets_client.py" ws://127.0.0.1:9003 websockets-client || status=$?
  grep -q '"FAILED"' "$out/clients/websockets_client/index.json" && status=1
else
  echo "fuzzingserver did not start on port 9003" >&2; status=2
fi
exit $status
