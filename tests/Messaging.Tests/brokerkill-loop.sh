#!/usr/bin/env bash
# Runs BrokerKillTests (kill -9 of RabbitMQ during a 5,000-event burst) N times in a row while a CPU hog keeps both
# cores busy, and prints how many runs passed. Each run's output goes to $OUT/run-<n>.log.
#   tests/Messaging.Tests/brokerkill-loop.sh [runs=50]
#   LOAD=0 ...         no CPU hog
#   OUT=dir ...        where the logs go (default /tmp/brokerkill-loop)
# Environment variables reach the test host too, e.g. BROKERKILL_DUMP=dir (a dump of a failed run, with dotnet-dump
# from `dotnet tool install -g dotnet-dump`) or Messaging__StallAfter=00:00:30.
set -uo pipefail
export PATH="$PATH:$HOME/.dotnet/tools"
cd "$(dirname "$0")/../.."
runs=${1:-50}
out=${OUT:-/tmp/brokerkill-loop}
mkdir -p "$out"

dotnet build tests/Messaging.Tests -nologo -v quiet -clp:ErrorsOnly || exit 1

hog=""
if [ "${LOAD:-1}" = 1 ]; then
  # One process, one busy loop per core; killed by its own pid on exit.
  perl -e 'for (1..`nproc`-1) { last unless fork } 1 while 1' &
  hog=$!
  trap 'pkill -P "$hog" 2>/dev/null; kill "$hog" 2>/dev/null' EXIT
fi

passed=0 failed=0
for run in $(seq 1 "$runs"); do
  started=$(date +%s)
  if dotnet test tests/Messaging.Tests --no-build -nologo --filter "FullyQualifiedName~BrokerKillTests" \
       --logger "console;verbosity=detailed" >"$out/run-$run.log" 2>&1; then
    passed=$((passed + 1)); verdict=passed
  else
    failed=$((failed + 1)); verdict=FAILED
  fi
  given_up=$(grep -o 'given up after the stop timeout: [0-9]*' "$out/run-$run.log" | grep -o '[0-9]*$' || true)
  echo "run $run: $verdict in $(( $(date +%s) - started )) s (load $(cut -d' ' -f1 /proc/loadavg)${given_up:+, consumer stops given up $given_up})"
done
echo "brokerkill loop: $passed passed, $failed failed (of $runs, load ${LOAD:-1})"
[ "$failed" -eq 0 ]
