#!/usr/bin/env bash
# Side-by-side keyed-shuffle benchmark, Eddy and Apache Flink 2.3.0, interleaved in one session.
# Usage: benchmarks/run-shuffle.sh [rounds] [records per source subtask] [latency rate per subtask]
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-3}
RECORDS=${2:-10000000}
RATE=${3:-200000}
JAVA_OPTS=${JAVA_OPTS:--Xms2g -Xmx2g -XX:+UseParallelGC}

mvn -q -B -DskipTests -pl benchmarks -am package
mvn -q -B -f benchmarks/pom.xml dependency:build-classpath -Dmdep.outputFile=target/cp.txt >/dev/null
EDDY_CP="benchmarks/target/classes:$(cat benchmarks/target/cp.txt)"

GEN=benchmarks/flink/target/generated-sources/flink/bench
mkdir -p "$GEN"
sed 's/import dev\.eddy\./import org.apache.flink./' benchmarks/src/main/java/bench/ShuffleBenchmark.java > "$GEN/ShuffleBenchmark.java"
mvn -q -B -f benchmarks/flink/pom.xml -DskipTests package
mvn -q -B -f benchmarks/flink/pom.xml dependency:build-classpath -Dmdep.outputFile=target/cp.txt >/dev/null
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
