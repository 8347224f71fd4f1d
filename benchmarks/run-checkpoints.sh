#!/usr/bin/env bash
# Checkpoints with large keyed state, Eddy and Apache Flink 2.3.0 interleaved in one session.
# Usage: benchmarks/run-checkpoints.sh [state MB] [steady seconds] [rate per subtask for the duration runs]
# Runs, per backend and engine: (1) checkpoint duration / barrier time / bytes per checkpoint at a
# fixed rate with checkpoints every second; (2) unthrottled throughput with checkpoints every
# second and without checkpoints (smaller state).
set -euo pipefail
cd "$(dirname "$0")/.."
STATE_MB=${1:-1024}
SECONDS_STEADY=${2:-30}
RATE=${3:-20000}
VALUE_BYTES=1000
KEYS=$((STATE_MB * 1048576 / VALUE_BYTES))
JAVA_OPTS=${JAVA_OPTS:--Xms6g -Xmx6g -XX:+UseParallelGC}
WORK=${WORK:-$(mktemp -d /tmp/eddy-ckpt-bench.XXXXXX)}

MVN_FLAGS=${MVN_FLAGS:-}  # e.g. -o to build offline

# Package the reactor with the Flink twins (root pom profile `flink`); classpaths from it, not from ~/.m2.
mvn $MVN_FLAGS -q -B -DskipTests -Pflink -pl benchmarks,benchmarks/flink -am package dependency:build-classpath -Dmdep.outputFile=target/cp.txt >/dev/null
EDDY_CP="benchmarks/target/classes:$(cat benchmarks/target/cp.txt)"
FLINK_CP="benchmarks/flink/target/classes:$(cat benchmarks/flink/target/cp.txt)"

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | sed -n 1p); work dir $WORK"
run() { # engine backend keys rate seconds interval
  local cp=$EDDY_CP; [ "$1" = flink ] && cp=$FLINK_CP
  local dir="$WORK/$1-$2-$RANDOM"
  java $JAVA_OPTS -cp "$cp" bench.CheckpointBenchmark "$1" "$2" "$3" "$VALUE_BYTES" "$4" "$5" "$6" "$dir" | grep RESULT || echo "RESULT engine=$1 backend=$2 FAILED"
  rm -rf "$dir"
}
for backend in rocksdb hashmap; do
  for engine in eddy flink; do
    run "$engine" "$backend" "$KEYS" "$RATE" "$SECONDS_STEADY" 1000
  done
done
for backend in rocksdb hashmap; do
  for engine in eddy flink; do
    run "$engine" "$backend" 100000 0 20 1000
    run "$engine" "$backend" 100000 0 20 0
  done
done
