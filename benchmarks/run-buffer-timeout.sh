#!/usr/bin/env bash
# Throughput and latency of the keyed shuffle over the buffer timeout, Eddy and Flink interleaved.
# Usage: benchmarks/run-buffer-timeout.sh [records per subtask, unthrottled] [rate per subtask]
# Run benchmarks/run-shuffle.sh (or run.sh --vs-flink) once first: it builds both classpaths.
set -euo pipefail
cd "$(dirname "$0")/.."
RECORDS=${1:-5000000}
RATE=${2:-100000}
JAVA_OPTS=${JAVA_OPTS:--Xms2g -Xmx2g -XX:+UseParallelGC}
EDDY_CP="benchmarks/target/classes:$(cat benchmarks/target/cp.txt)"
FLINK_CP="benchmarks/flink/target/classes:$(cat benchmarks/flink/target/cp.txt)"
for timeout in 0 1 5 20 100; do
  for engine in eddy flink; do
    if [ "$engine" = eddy ]; then CP=$EDDY_CP; else CP=$FLINK_CP; fi
    java $JAVA_OPTS -cp "$CP" bench.ShuffleBenchmark "$engine" "$RECORDS" 0 "$timeout" 2>/dev/null | grep RESULT
    java $JAVA_OPTS -cp "$CP" bench.ShuffleBenchmark "$engine" $((RATE * 10)) "$RATE" "$timeout" 2>/dev/null | grep RESULT
  done
done
