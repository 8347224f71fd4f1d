#!/usr/bin/env bash
# Nexmark suite on Eddy, and side by side with Apache Flink 2.3.0 (--vs-flink), interleaved per query.
# Usage: benchmarks/run.sh [--vs-flink] [q0,q1,...|all] [--events N] [--backend hashmap|rocksdb]
#        [--parallelism P] [--checkpoint-interval MS] [--rate EVENTS_PER_S] [--seed S] [--disorder MS]
# Prints each RESULT line, then a table: throughput over execute() (cluster start-up included) and
# over the processing span (first event emitted to last sink closed), the Eddy/Flink ratio of the
# latter per query and its geometric mean, CPU efficiency, peak RSS, and with --vs-flink whether
# each query's output (line count and SHA-256 of the sorted lines) is the same on both engines.
# Writes benchmarks/results/<backend>-<events>.tsv (replacing it) and, with the lead's plotter
# bench.plot.SvgPlot, benchmarks/results/{throughput,peak-rss}-<backend>.svg.
# Exits 1 if any query's output differs between the engines.
# The Flink twin is built by the root pom's profile `flink` (module benchmarks/flink).
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

# Package the reactor (with the Flink twin under -Pflink) and take the classpaths from it, not from ~/.m2.
MODULES=benchmarks PROFILE=
if [ "$VS_FLINK" = 1 ]; then MODULES=benchmarks,benchmarks/flink PROFILE=-Pflink; fi
mvn $MVN_FLAGS -q -B -DskipTests $PROFILE -pl "$MODULES" -am package dependency:build-classpath -Dmdep.outputFile=target/cp.txt >/dev/null
EDDY_CP="benchmarks/target/classes:$(cat benchmarks/target/cp.txt)"
if [ "$VS_FLINK" = 1 ]; then FLINK_CP="benchmarks/flink/target/classes:$(cat benchmarks/flink/target/cp.txt)"; fi

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1); options: ${OPTS[*]:-defaults}"
RESULTS=$(mktemp)
PLOT_DIR=$(mktemp -d)
trap 'rm -rf "$RESULTS" "$PLOT_DIR"' EXIT
for q in ${QUERIES//,/ }; do
  java $JAVA_OPTS -cp "$EDDY_CP" bench.nexmark.NexmarkRunner eddy "$q" "${OPTS[@]}" | grep '^RESULT' | tee -a "$RESULTS"
  if [ "$VS_FLINK" = 1 ]; then
    java $JAVA_OPTS -cp "$FLINK_CP" bench.nexmark.NexmarkRunner flink "$q" "${OPTS[@]}" 2> >(grep -v '^SLF4J' >&2) | grep '^RESULT' | tee -a "$RESULTS"
  fi
done

# RESULT lines → one key=value record per line, fields in a fixed order for the TSV.
field() { sed -n "1s/.* $1=\([^ ]*\).*/\1/p" "$RESULTS"; }
BACKEND=$(field backend)
EVENTS=$(field events)
PARALLELISM=$(field parallelism)
mkdir -p benchmarks/results
TSV="benchmarks/results/$BACKEND-$EVENTS.tsv"
awk -v OFS='\t' '
  BEGIN { print "query", "engine", "eventsPerSecond", "processingEventsPerSecond", "eventsPerCoreSecond", "peakRssMB", "checkpoints", "lines", "sha256" }
  { delete v; for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
    print v["query"], v["engine"], v["eventsPerSecond"], v["processingEventsPerSecond"], v["eventsPerCoreSecond"], v["peakRssMB"], v["checkpoints"], v["lines"], v["sha256"] }' "$RESULTS" > "$TSV"

echo
STATUS=0
awk -F '\t' -v vs="$VS_FLINK" '
  NR == 1 { next }
  { q = $1; e = $2; if (!(q in order)) { order[q] = ++n; names[n] = q }
    eps[q, e] = $3; peps[q, e] = $4; epc[q, e] = $5; rss[q, e] = $6; out[q, e] = $8 " lines, sha256 " substr($9, 1, 16) }
  function v(x) { return x == "" ? "-" : x }
  END {
    fmt = "%-6s %11s %11s %11s %11s %6s %11s %11s %7s %7s  %s\n"
    printf fmt, "query", "eddy ev/s", "flink ev/s", "eddy proc", "flink proc", "ratio", "eddy ev/cs", "flink ev/cs", "eddy MB", "flnk MB", "output"
    for (i = 1; i <= n; i++) { q = names[i]; ratio = "-"
      if (vs) {
        if (peps[q, "flink"] > 0) { r = peps[q, "eddy"] / peps[q, "flink"]; ratio = sprintf("%.2f", r); logsum += log(r); m++ }
        if (eps[q, "flink"] > 0) { elog += log(eps[q, "eddy"] / eps[q, "flink"]); em++ }
        if (rss[q, "flink"] > 0) { rlog += log(rss[q, "eddy"] / rss[q, "flink"]); rm++ }
        if (out[q, "eddy"] == out[q, "flink"]) same = "same on both (" out[q, "eddy"] "...)"
        else { same = "DIFFERENT: eddy " out[q, "eddy"] "..., flink " out[q, "flink"] "..."; differs = 1 }
      } else same = out[q, "eddy"] "..."
      printf fmt, q, eps[q, "eddy"], v(eps[q, "flink"]), peps[q, "eddy"], v(peps[q, "flink"]), ratio, epc[q, "eddy"], v(epc[q, "flink"]), rss[q, "eddy"], v(rss[q, "flink"]), same }
    if (m > 0) printf fmt, "geomean", "", "", "", "", sprintf("%.2f", exp(logsum / m)), "", "", "", "",
        sprintf("Eddy/Flink: processing ev/s above; execute() ev/s %.2f; peak RSS %.2f", exp(elog / em), exp(rlog / rm))
    exit differs }' "$TSV" || STATUS=1
echo "results: $TSV"

# Bar charts, one category per query and one series per engine.
if [ -f benchmarks/target/classes/bench/plot/SvgPlot.class ]; then
  ENGINES=eddy; if [ "$VS_FLINK" = 1 ]; then ENGINES=eddy,flink; fi
  chart() { # column name, file stem, title, y label
    awk -F '\t' -v col="$1" -v engines="$ENGINES" '
      NR == 1 { for (i = 1; i <= NF; i++) if ($i == col) c = i; next }
      { if (!($1 in seen)) { seen[$1] = 1; qs[++n] = $1 } val[$1, $2] = $c }
      END { k = split(engines, es, ","); printf "category"; for (j = 1; j <= k; j++) printf "\t%s", es[j]; print ""
        for (i = 1; i <= n; i++) { printf "%s", qs[i]; for (j = 1; j <= k; j++) printf "\t%s", val[qs[i], es[j]]; print "" } }' "$TSV" > "$PLOT_DIR/$2.tsv"
    java -cp "$EDDY_CP" bench.plot.SvgPlot bars "$PLOT_DIR/$2.tsv" "benchmarks/results/$2-$BACKEND.svg" "$3" "$4"
    echo "chart: benchmarks/results/$2-$BACKEND.svg"
  }
  SETUP="$BACKEND, $EVENTS events, parallelism $PARALLELISM"
  chart processingEventsPerSecond throughput "Nexmark processing throughput ($SETUP)" "events/s"
  chart peakRssMB peak-rss "Nexmark peak RSS ($SETUP)" "MB"
else
  echo "no charts: bench.plot.SvgPlot is not on this branch yet" >&2
fi
exit $STATUS
