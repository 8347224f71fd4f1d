package bench.nexmark;

import dev.eddy.api.common.eventtime.WatermarkStrategy;
import dev.eddy.api.common.functions.AggregateFunction;
import dev.eddy.api.common.functions.CoGroupFunction;
import dev.eddy.api.common.functions.FilterFunction;
import dev.eddy.api.java.functions.KeySelector;
import dev.eddy.api.common.functions.MapFunction;
import dev.eddy.api.common.functions.ReduceFunction;
import dev.eddy.api.java.tuple.Tuple2;
import dev.eddy.api.java.tuple.Tuple3;
import dev.eddy.streaming.api.datastream.DataStream;
import dev.eddy.streaming.api.environment.StreamExecutionEnvironment;
import dev.eddy.streaming.api.functions.windowing.ProcessAllWindowFunction;
import dev.eddy.streaming.api.functions.windowing.ProcessWindowFunction;
import dev.eddy.streaming.api.windowing.assigners.SlidingEventTimeWindows;
import dev.eddy.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import dev.eddy.streaming.api.windowing.windows.TimeWindow;
import dev.eddy.util.Collector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The Nexmark queries as DataStream jobs. Each builds on the event stream of
 * {@link #events(StreamExecutionEnvironment, NexmarkGenerator, long)} and returns its output as
 * text lines (the sink checksums them), so that the same query on either engine must produce the
 * same multiset of lines. Every result is independent of arrival order: windows and timers fire on
 * event time and no event is ever late (see {@link NexmarkGenerator}).
 *
 * <p>Written only against API that Eddy and Apache Flink 2.3.0 share; the Flink twin is this
 * file with {@code dev.eddy.} replaced by {@code org.apache.flink.} in the imports.
 */
public final class Queries {
    /** The queries {@link #build} knows, in suite order. */
    public static final List<String> ALL = List.of("q0", "q1", "q2", "q3", "q4", "q5", "q7", "q8", "count");

    private Queries() {}

    /** Parallel generated events with timestamps and bounded-out-of-orderness watermarks. */
    public static DataStream<Event> events(StreamExecutionEnvironment env, NexmarkGenerator generator, long events) {
        return events(env, generator, events, null);
    }

    /** As {@link #events(StreamExecutionEnvironment, NexmarkGenerator, long)}, throttled by {@code pacing} unless null. */
    public static DataStream<Event> events(StreamExecutionEnvironment env, NexmarkGenerator generator, long events, Pacing pacing) {
        return env.addSource(new NexmarkSource(generator, events, pacing)).name("nexmark-source")
                .assignTimestampsAndWatermarks(WatermarkStrategy
                        .<Event>forBoundedOutOfOrderness(Duration.ofMillis(generator.disorderMs()))
                        .withTimestampAssigner((e, previous) -> e.dateTime));
    }

    /**
     * Builds query {@code name} (one of {@link #ALL}, or {@code q1k}) on the given events.
     * {@code q1k} is q1 followed by a keyed exchange on the auction id into the sink (for latency
     * through the network: with 2 TaskManagers half of its records cross between them); its output
     * lines are q1's.
     */
    public static DataStream<String> build(String name, DataStream<Event> events, NexmarkGenerator generator) {
        DataStream<Event> bids = events.filter(new OfType(Event.BID)).name("bids");
        switch (name) {
            case "q0":
                return bids.map(new Format()).name("q0-passthrough");
            case "q1":
                return bids.map(new Convert()).name("q1-currency");
            case "q1k":
                return bids.map(new Convert()).name("q1-currency").keyBy(new LeadingId());
            case "q2":
                return bids.filter(new AuctionModulo(123)).map(new AuctionPrice()).name("q2-selection");
            case "q3":
                return q3(events);
            case "q4":
                return q4(events, bids, generator);
            case "q5":
                return q5(bids);
            case "q7":
                return bids.windowAll(TumblingEventTimeWindows.of(Duration.ofSeconds(10)))
                        .reduce(new HigherBid(), new HighestBidLine()).name("q7-highest-bid");
            case "q8":
                return q8(events);
            case "count":
                return bids.map(new AuctionOne()).keyBy(t -> t.f0).reduce(new SumCounts()).map(new CountLine()).name("count");
            default:
                throw new IllegalArgumentException("Unknown Nexmark query '" + name + "'; known: " + ALL);
        }
    }

    /** Q3: persons in OR, ID or CA joined with their category-10 auctions, incrementally. */
    static DataStream<String> q3(DataStream<Event> events) {
        DataStream<Event> persons = events.filter(new OfType(Event.PERSON)).filter(new WestState());
        DataStream<Event> auctions = events.filter(new OfType(Event.AUCTION)).filter(new Category(10));
        return persons.connect(auctions).keyBy(p -> p.id, a -> a.seller)
                .process(new AuctionJoins.IncrementalJoin()).name("q3-incremental-join");
    }

    /** Q4: average winning price per category, per 10 s tumbling window of auction close time. */
    static DataStream<String> q4(DataStream<Event> events, DataStream<Event> bids, NexmarkGenerator generator) {
        DataStream<Event> auctions = events.filter(new OfType(Event.AUCTION));
        return auctions.connect(bids).keyBy(a -> a.id, b -> b.auction)
                .process(new AuctionJoins.WinningBid(generator.disorderMs())).name("q4-winning-bids")
                .keyBy(t -> t.f0)
                .window(TumblingEventTimeWindows.of(Duration.ofSeconds(10)))
                .process(new AveragePrice()).name("q4-average");
    }

    /** Q5: per 10 s window sliding by 2 s, the auction(s) with the most bids. */
    static DataStream<String> q5(DataStream<Event> bids) {
        return bids.keyBy(b -> b.auction)
                .window(SlidingEventTimeWindows.of(Duration.ofSeconds(10), Duration.ofSeconds(2)))
                .aggregate(new CountBids(), new WithWindowEnd()).name("q5-counts")
                .keyBy(t -> t.f2)
                .window(TumblingEventTimeWindows.of(Duration.ofSeconds(2)))
                .process(new MostBids()).name("q5-hot-items");
    }

    /** Q8: persons who created an auction within the 10 s tumbling window they joined in. */
    static DataStream<String> q8(DataStream<Event> events) {
        DataStream<Event> persons = events.filter(new OfType(Event.PERSON));
        DataStream<Event> auctions = events.filter(new OfType(Event.AUCTION));
        return persons.coGroup(auctions).where(p -> p.id).equalTo(a -> a.seller)
                .window(TumblingEventTimeWindows.of(Duration.ofSeconds(10)))
                .apply(new NewUsers()).name("q8-new-users");
    }

    static final class OfType implements FilterFunction<Event> {
        private final int type;

        OfType(int type) {
            this.type = type;
        }

        @Override
        public boolean filter(Event e) {
            return e.type == type;
        }
    }

    static final class WestState implements FilterFunction<Event> {
        @Override
        public boolean filter(Event p) {
            return p.state.equals("OR") || p.state.equals("ID") || p.state.equals("CA");
        }
    }

    static final class Category implements FilterFunction<Event> {
        private final long category;

        Category(long category) {
            this.category = category;
        }

        @Override
        public boolean filter(Event a) {
            return a.category == category;
        }
    }

    static final class AuctionModulo implements FilterFunction<Event> {
        private final long modulus;

        AuctionModulo(long modulus) {
            this.modulus = modulus;
        }

        @Override
        public boolean filter(Event b) {
            return b.auction % modulus == 0;
        }
    }

    static final class Format implements MapFunction<Event, String> {
        @Override
        public String map(Event e) {
            return e.toString();
        }
    }

    /** Q1: the price in another currency, 0.908 per dollar; printed exactly (integer arithmetic). */
    static final class Convert implements MapFunction<Event, String> {
        @Override
        public String map(Event b) {
            return b.auction + "," + b.bidder + "," + (b.price * 908 / 1000) + "," + b.dateTime;
        }
    }

    /** The number before the first comma of a line (q1's auction id). */
    static final class LeadingId implements KeySelector<String, Long> {
        @Override
        public Long getKey(String line) {
            return Long.parseLong(line, 0, line.indexOf(','), 10);
        }
    }

    static final class AuctionPrice implements MapFunction<Event, String> {
        @Override
        public String map(Event b) {
            return b.auction + "," + b.price;
        }
    }

    static final class AuctionOne implements MapFunction<Event, Tuple2<Long, Long>> {
        @Override
        public Tuple2<Long, Long> map(Event b) {
            return Tuple2.of(b.auction, 1L);
        }
    }

    static final class SumCounts implements ReduceFunction<Tuple2<Long, Long>> {
        @Override
        public Tuple2<Long, Long> reduce(Tuple2<Long, Long> a, Tuple2<Long, Long> b) {
            return Tuple2.of(a.f0, a.f1 + b.f1);
        }
    }

    static final class CountLine implements MapFunction<Tuple2<Long, Long>, String> {
        @Override
        public String map(Tuple2<Long, Long> t) {
            return t.f0 + "," + t.f1;
        }
    }

    /** The higher-priced bid; ties go to the earlier, then lower auction, then lower bidder. */
    static final class HigherBid implements ReduceFunction<Event> {
        @Override
        public Event reduce(Event a, Event b) {
            if (a.price != b.price) {
                return a.price > b.price ? a : b;
            }
            if (a.dateTime != b.dateTime) {
                return a.dateTime < b.dateTime ? a : b;
            }
            if (a.auction != b.auction) {
                return a.auction < b.auction ? a : b;
            }
            return a.bidder <= b.bidder ? a : b;
        }
    }

    static final class HighestBidLine extends ProcessAllWindowFunction<Event, String, TimeWindow> {
        @Override
        public void process(Context ctx, Iterable<Event> highest, Collector<String> out) {
            for (Event b : highest) {
                out.collect(ctx.window().getEnd() + "," + b);
            }
        }
    }

    static final class AveragePrice extends ProcessWindowFunction<Tuple2<Long, Long>, String, Long, TimeWindow> {
        @Override
        public void process(Long category, Context ctx, Iterable<Tuple2<Long, Long>> prices, Collector<String> out) {
            long n = 0;
            long sum = 0;
            for (Tuple2<Long, Long> p : prices) {
                n++;
                sum += p.f1;
            }
            out.collect(category + "," + ctx.window().getEnd() + "," + n + "," + (sum / n));
        }
    }

    static final class CountBids implements AggregateFunction<Event, Long, Long> {
        @Override
        public Long createAccumulator() {
            return 0L;
        }

        @Override
        public Long add(Event value, Long acc) {
            return acc + 1;
        }

        @Override
        public Long getResult(Long acc) {
            return acc;
        }

        @Override
        public Long merge(Long a, Long b) {
            return a + b;
        }
    }

    /** (auction, count, window end). */
    static final class WithWindowEnd extends ProcessWindowFunction<Long, Tuple3<Long, Long, Long>, Long, TimeWindow> {
        @Override
        public void process(Long auction, Context ctx, Iterable<Long> counts, Collector<Tuple3<Long, Long, Long>> out) {
            for (Long c : counts) {
                out.collect(Tuple3.of(auction, c, ctx.window().getEnd()));
            }
        }
    }

    /** All auctions tied at the highest count of one sliding window, as {@code end,auction,count}. */
    static final class MostBids extends ProcessWindowFunction<Tuple3<Long, Long, Long>, String, Long, TimeWindow> {
        @Override
        public void process(Long end, Context ctx, Iterable<Tuple3<Long, Long, Long>> counts, Collector<String> out) {
            long max = 0;
            List<Long> top = new ArrayList<>();
            for (Tuple3<Long, Long, Long> t : counts) {
                if (t.f1 > max) {
                    max = t.f1;
                    top.clear();
                }
                if (t.f1 == max) {
                    top.add(t.f0);
                }
            }
            for (Long auction : top) {
                out.collect(end + "," + auction + "," + max);
            }
        }
    }

    /** {@code personId,name,windowStart} for a person with at least one auction in the window. */
    static final class NewUsers implements CoGroupFunction<Event, Event, String> {
        @Override
        public void coGroup(Iterable<Event> persons, Iterable<Event> auctions, Collector<String> out) {
            if (!auctions.iterator().hasNext()) {
                return;
            }
            for (Event p : persons) {
                out.collect(p.id + "," + p.name + "," + (p.dateTime - p.dateTime % 10_000));
            }
        }
    }
}
