#!/usr/bin/env bash
# Side-by-side keyed-shuffle benchmark, Eddy and Apache Flink 2.3.0, interleaved in one session.
# Usage: benchmarks/run-shuffle.sh [rounds] [records per source subtask] [latency rate per subtask]
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-3}
RECORDS=${2:-10000000}
RATE=${3:-200000}
JAVA_OPTS=${JAVA_OPTS:--Xms2g -Xmx2g -XX:+UseParallelGC}

MVN_FLAGS=${MVN_FLAGS:-}  # e.g. -o to build offline

# Package the reactor with the Flink twins (root pom profile `flink`); classpaths from it, not from ~/.m2.
mvn $MVN_FLAGS -q -B -DskipTests -Pflink -pl benchmarks,benchmarks/flink -am package dependency:build-classpath -Dmdep.outputFile=target/cp.txt >/dev/null
EDDY_CP="benchmarks/target/classes:$(cat benchmarks/target/cp.txt)"
FLINK_CP="benchmarks/flink/target/classes:$(cat benchmarks/flink/target/cp.txt)"

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1)"
for round in $(seq 1 "$ROUNDS"); do
  for engine in eddy flink; do
    if [ "$engine" = eddy ]; then CP=$EDDY_CP; else CP=$FLINK_CP; fi
    # throughput: unthrottled; latency: fixed rate at the default buffer timeout
    java $JAVA_OPTS -cp "$CP" bench.ShuffleBenchmark "$engine" "$RECORDS" 0 | grep RESULT
    java $JAVA_OPTS -cp "$CP" bench.ShuffleBenchmark "$engine" $((RATE * 20)) "$RATE" | grep RESULT
  done
done
