/**
 * JMH micro-benchmarks of Eddy's hot paths: serializers and the record wire format
 * ({@link bench.jmh.SerializerBenchmark}, {@link bench.jmh.StreamRecordBenchmark}), the network
 * buffer path in memory and over Netty ({@link bench.jmh.NetworkBenchmark}), heap and RocksDB keyed
 * state ({@link bench.jmh.KeyedStateBenchmark}) and the task mailbox
 * ({@link bench.jmh.MailboxBenchmark}).
 *
 * <p>Run them with {@code benchmarks/run-jmh.sh [regex] [JMH options]}; the normal build only
 * compiles them (and unit tests check that each benchmark's setup and body do what they claim).
 * This package is not turned into a Flink twin by {@code run.sh}: except for
 * {@link bench.jmh.SerializerBenchmark} the benchmarks drive Eddy runtime internals.
 */
package bench.jmh;
