package bench.nexmark;

import dev.eddy.api.common.functions.OpenContext;
import dev.eddy.api.common.state.ListState;
import dev.eddy.api.common.state.ListStateDescriptor;
import dev.eddy.api.common.state.ValueState;
import dev.eddy.api.common.state.ValueStateDescriptor;
import dev.eddy.api.java.tuple.Tuple2;
import dev.eddy.streaming.api.functions.co.KeyedCoProcessFunction;
import dev.eddy.util.Collector;

/**
 * The stateful joins of queries 3 and 4, as keyed co-process functions. Each instance runs on one
 * task thread (the operator's); state is keyed, so it works on both state backends and is part of
 * every checkpoint.
 */
final class AuctionJoins {
    private AuctionJoins() {}

    /**
     * Query 3's incremental join, keyed by person id: input 1 = persons (already filtered by
     * state), input 2 = auctions (already filtered by category), keyed by seller. Emits
     * {@code name,city,state,auctionId} once per matching pair, whichever side arrives first: an
     * auction that arrives before its seller waits in list state. Never expires state (as the
     * unbounded join in Nexmark's query 3).
     */
    static final class IncrementalJoin extends KeyedCoProcessFunction<Long, Event, Event, String> {
        private static final long serialVersionUID = 1L;
        private transient ValueState<String> person;
        private transient ListState<Long> waitingAuctions;

        @Override
        public void open(OpenContext openContext) {
            person = getRuntimeContext().getState(new ValueStateDescriptor<>("person", String.class));
            waitingAuctions = getRuntimeContext().getListState(new ListStateDescriptor<>("waiting-auctions", Long.class));
        }

        @Override
        public void processElement1(Event p, Context ctx, Collector<String> out) throws Exception {
            String prefix = p.name + "," + p.city + "," + p.state + ",";
            person.update(prefix);
            for (Long auction : waitingAuctions.get()) {
                out.collect(prefix + auction);
            }
            waitingAuctions.clear();
        }

        @Override
        public void processElement2(Event a, Context ctx, Collector<String> out) throws Exception {
            String prefix = person.value();
            if (prefix != null) {
                out.collect(prefix + a.id);
            } else {
                waitingAuctions.add(a.id);
            }
        }
    }

    /**
     * Query 4's winning bid, keyed by auction id: input 1 = auctions, input 2 = bids. The winning
     * bid is the highest bid with {@code auction.dateTime <= dateTime < auction.expires} and
     * {@code price >= reserve}. When the watermark passes {@code expires}, emits
     * {@code (category, winning price)} with timestamp {@code expires} (nothing if no bid won) and
     * clears the auction's state.
     *
     * <p>A bid that arrives before its auction waits in list state; since an auction's timestamp
     * is below {@code bid.dateTime + disorderMs} for every bid on it, a cleanup timer at that time
     * finding no auction means the auction has already closed, and the waiting bids are dropped.
     */
    static final class WinningBid extends KeyedCoProcessFunction<Long, Event, Event, Tuple2<Long, Long>> {
        private static final long serialVersionUID = 1L;
        private final long disorderMs;
        private transient ValueState<Event> auction;
        private transient ValueState<Long> best;
        private transient ListState<Event> waitingBids;

        WinningBid(long disorderMs) {
            this.disorderMs = disorderMs;
        }

        @Override
        public void open(OpenContext openContext) {
            auction = getRuntimeContext().getState(new ValueStateDescriptor<>("auction", Event.class));
            best = getRuntimeContext().getState(new ValueStateDescriptor<>("best-price", Long.class));
            waitingBids = getRuntimeContext().getListState(new ListStateDescriptor<>("waiting-bids", Event.class));
        }

        @Override
        public void processElement1(Event a, Context ctx, Collector<Tuple2<Long, Long>> out) throws Exception {
            auction.update(a);
            ctx.timerService().registerEventTimeTimer(a.expires);
            for (Event bid : waitingBids.get()) {
                offer(a, bid);
            }
            waitingBids.clear();
        }

        @Override
        public void processElement2(Event bid, Context ctx, Collector<Tuple2<Long, Long>> out) throws Exception {
            Event a = auction.value();
            if (a != null) {
                offer(a, bid);
            } else {
                waitingBids.add(bid);
                ctx.timerService().registerEventTimeTimer(bid.dateTime + disorderMs);
            }
        }

        private void offer(Event a, Event bid) throws Exception {
            if (bid.dateTime >= a.dateTime && bid.dateTime < a.expires && bid.price >= a.reserve) {
                Long current = best.value();
                if (current == null || bid.price > current) {
                    best.update(bid.price);
                }
            }
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<Tuple2<Long, Long>> out) throws Exception {
            Event a = auction.value();
            if (a == null) {
                waitingBids.clear();
            } else if (timestamp == a.expires) {
                Long price = best.value();
                if (price != null) {
                    out.collect(Tuple2.of(a.category, price));
                }
                auction.clear();
                best.clear();
                waitingBids.clear();
            }
        }
    }
}
