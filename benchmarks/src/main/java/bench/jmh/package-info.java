/**
 * JMH micro-benchmarks of Eddy's hot paths: serializers and the record wire format
 * ({@link bench.jmh.SerializerBenchmark}, {@link bench.jmh.StreamRecordBenchmark}), the network
 * buffer path in memory and over Netty ({@link bench.jmh.NetworkBenchmark}), heap and RocksDB keyed
 * state ({@link bench.jmh.KeyedStateBenchmark}) and the task mailbox
 * ({@link bench.jmh.MailboxBenchmark}).
 *
 * <p>Run them with {@code benchmarks/run-jmh.sh [regex] [JMH options]}; the normal build only
 * compiles them (and unit tests check that each benchmark's setup and body do what they claim).
 * Run forks with a pre-touched heap ({@code -XX:+AlwaysPreTouch}, the script's default): a short run
 * never collects, so without it every allocation lands on a page touched for the first time, and
 * the page faults, not the code, set the score of anything that allocates (10-30x slower on the
 * 2-core machines).
 * This package is not turned into a Flink twin by {@code run.sh}: except for
 * {@link bench.jmh.SerializerBenchmark} the benchmarks drive Eddy runtime internals.
 */
package bench.jmh;
