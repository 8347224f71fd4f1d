#!/usr/bin/env bash
# Nexmark suite on Eddy, and side by side with Apache Flink 2.3.0 (--vs-flink), interleaved per query.
# Usage: benchmarks/run.sh [--vs-flink] [q0,q1,...|all] [--events N] [--backend hashmap|rocksdb]
#        [--parallelism P] [--checkpoint-interval MS] [--rate EVENTS_PER_S] [--seed S] [--disorder MS]
# Prints each RESULT line, then a table; with --vs-flink also whether each query's output
# (line count and order-independent checksum) is the same on both engines.
set -euo pipefail
cd "$(dirname "$0")/.."
VS_FLINK=0
QUERIES=all
OPTS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --vs-flink) VS_FLINK=1; shift ;;
    --*) OPTS+=("$1" "$2"); shift 2 ;;
    *) QUERIES="$1"; shift ;;
  esac
done
if [ "$QUERIES" = all ]; then QUERIES=q0,q1,q2,q3,q4,q5,q7,q8,count; fi
JAVA_OPTS=${JAVA_OPTS:--Xms2g -Xmx2g -XX:+UseParallelGC}
MVN_FLAGS=${MVN_FLAGS:-}  # e.g. -o to build offline

# Eddy: package the reactor and take the classpath from it (not from ~/.m2).
mvn $MVN_FLAGS -q -B -DskipTests -pl benchmarks -am package dependency:build-classpath -Dmdep.outputFile=target/cp.txt >/dev/null
EDDY_CP="benchmarks/target/classes:$(cat benchmarks/target/cp.txt)"

if [ "$VS_FLINK" = 1 ]; then
  GEN=benchmarks/flink/target/generated-sources/flink/bench/nexmark
  mkdir -p "$GEN"
  for f in benchmarks/src/main/java/bench/nexmark/*.java; do
    sed 's/import dev\.eddy\./import org.apache.flink./' "$f" > "$GEN/$(basename "$f")"
  done
  mvn $MVN_FLAGS -q -B -f benchmarks/flink/pom.xml -DskipTests package
  mvn $MVN_FLAGS -q -B -f benchmarks/flink/pom.xml dependency:build-classpath -Dmdep.outputFile=target/cp.txt >/dev/null
  FLINK_CP="benchmarks/flink/target/classes:$(cat benchmarks/flink/target/cp.txt)"
fi

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1); options: ${OPTS[*]:-defaults}"
RESULTS=$(mktemp)
for q in ${QUERIES//,/ }; do
  java $JAVA_OPTS -cp "$EDDY_CP" bench.nexmark.NexmarkRunner eddy "$q" "${OPTS[@]}" | grep '^RESULT' | tee -a "$RESULTS"
  if [ "$VS_FLINK" = 1 ]; then
    java $JAVA_OPTS -cp "$FLINK_CP" bench.nexmark.NexmarkRunner flink "$q" "${OPTS[@]}" 2> >(grep -v '^SLF4J' >&2) | grep '^RESULT' | tee -a "$RESULTS"
  fi
done

echo
awk '
  { for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
    key = v["query"]; order[key] = order[key] ? order[key] : ++n; names[order[key]] = key
    e = v["engine"]; eps[key, e] = v["eventsPerSecond"]; epc[key, e] = v["eventsPerCoreSecond"]; rss[key, e] = v["peakRssMB"]
    out[key, e] = v["lines"] "/" v["checksum"]; engines[e] = 1 }
  END {
    printf "%-6s %14s %14s %14s %14s %10s %10s  %s\n", "query", "eddy ev/s", "eddy ev/core-s", "flink ev/s", "flink ev/core-s", "eddy MB", "flink MB", "output"
    for (i = 1; i <= n; i++) { q = names[i]
      same = ("flink" in engines) ? (out[q, "eddy"] == out[q, "flink"] ? "same on both (" out[q, "eddy"] ")" : "DIFFERENT: eddy " out[q, "eddy"] ", flink " out[q, "flink"]) : out[q, "eddy"]
      printf "%-6s %14s %14s %14s %14s %10s %10s  %s\n", q, eps[q, "eddy"], epc[q, "eddy"], eps[q, "flink"], epc[q, "flink"], rss[q, "eddy"], rss[q, "flink"], same }
  }' "$RESULTS"
rm -f "$RESULTS"
