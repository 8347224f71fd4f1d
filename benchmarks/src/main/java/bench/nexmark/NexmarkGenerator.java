package bench.nexmark;

import java.io.Serializable;

/**
 * Deterministic Nexmark event generator: event {@code i} is a pure function of the seed and
 * {@code i}, so parallel source subtasks that own disjoint index ranges together produce exactly
 * the same events on every run and on every engine.
 *
 * <p>Of every 50 consecutive indexes, the first is a person, the next three are auctions and the
 * remaining 46 are bids (Nexmark's 1:3:46). Ids are dense and start at {@link #FIRST_ID}: the
 * person of block {@code e = i / 50} has id {@code FIRST_ID + e}, its auctions
 * {@code FIRST_ID + 3e .. FIRST_ID + 3e + 2}. An auction's seller and a bid's bidder are the newest
 * person or a recent one; a bid's auction is a recent auction; half of the bids go to a "hot"
 * auction (the newest id that is a multiple of {@link #HOT_AUCTION_STRIDE}) and a quarter of the
 * bidders, a tenth of the sellers are hot persons likewise. Bids only refer to ids already
 * generated (lower indexes).
 *
 * <p>Event time: index {@code i} is due at {@code BASE_TIME + i * 1000 / eventsPerSecond} ms plus a
 * jitter in {@code [0, disorderMs)}, so a watermark lagging the maximum timestamp seen by
 * {@code disorderMs} never makes an event late as long as each source subtask emits its indexes in
 * ascending order (see {@link NexmarkSource}). Auctions last 2 to 20 s of event time.
 *
 * <p>Immutable and thread-safe.
 */
public final class NexmarkGenerator implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final long BASE_TIME = 1_700_000_000_000L;
    public static final long FIRST_ID = 1_000;
    public static final int HOT_AUCTION_STRIDE = 100;
    public static final int HOT_PERSON_STRIDE = 10;
    static final int RECENT_AUCTIONS = 1_000;
    static final int RECENT_PERSONS = 1_000;

    private static final String[] FIRST = {"Peter", "Paul", "Luke", "John", "Saul", "Vicky", "Kate", "Julie", "Sarah", "Deiter", "Walter"};
    private static final String[] LAST = {"Shultz", "Abrams", "Spencer", "White", "Bartels", "Walton", "Smith", "Jones", "Noris"};
    private static final String[] CITIES = {"Phoenix", "Los Angeles", "San Francisco", "Boise", "Portland", "Bend", "Redmond", "Seattle",
        "Kent", "Cheyenne"};
    private static final String[] STATES = {"AZ", "CA", "ID", "OR", "WA", "WY"};

    private final long seed;
    private final long eventsPerSecond;
    private final long disorderMs;

    /**
     * @param seed            makes a different but equally deterministic event sequence
     * @param eventsPerSecond events per second of event time (Nexmark's default: 10,000)
     * @param disorderMs      the maximum lateness of an event behind its due time, ≥ 1
     */
    public NexmarkGenerator(long seed, long eventsPerSecond, long disorderMs) {
        if (eventsPerSecond <= 0 || disorderMs <= 0) {
            throw new IllegalArgumentException("eventsPerSecond and disorderMs must be positive, got "
                    + eventsPerSecond + " and " + disorderMs);
        }
        this.seed = seed;
        this.eventsPerSecond = eventsPerSecond;
        this.disorderMs = disorderMs;
    }

    public long disorderMs() {
        return disorderMs;
    }

    /** The event at index {@code i} (≥ 0), a fresh object. */
    public Event event(long i) {
        long block = i / 50;
        int slot = (int) (i % 50);
        long r = mix(i);
        Event e = new Event();
        e.dateTime = BASE_TIME + i * 1000 / eventsPerSecond + Long.remainderUnsigned(r, disorderMs);
        long r2 = mix(r);
        long newestPerson = FIRST_ID + block;
        if (slot == 0) {
            e.type = Event.PERSON;
            e.id = newestPerson;
            e.name = FIRST[pick(r2, 0, FIRST.length)] + " " + LAST[pick(r2, 8, LAST.length)];
            e.city = CITIES[pick(r2, 16, CITIES.length)];
            e.state = STATES[pick(r2, 24, STATES.length)];
        } else if (slot <= 3) {
            e.type = Event.AUCTION;
            e.id = FIRST_ID + block * 3 + (slot - 1);
            e.name = "item-" + e.id;
            e.seller = pick(r2, 0, 10) == 0 ? hot(newestPerson, HOT_PERSON_STRIDE) : recent(newestPerson, block + 1, RECENT_PERSONS, r2 >>> 8);
            e.category = 10 + pick(r2, 20, 5);
            e.initialBid = 100 + pick(r2, 24, 10_000);
            e.reserve = e.initialBid + pick(r2, 40, 5_000);
            e.expires = e.dateTime + 2_000 + Long.remainderUnsigned(mix(r2), 18_000);
        } else {
            e.type = Event.BID;
            long newestAuction = FIRST_ID + block * 3 + 2;
            e.auction = (r2 & 1) == 0 ? hot(newestAuction, HOT_AUCTION_STRIDE)
                    : recent(newestAuction, block * 3 + 3, RECENT_AUCTIONS, r2 >>> 1);
            long r3 = mix(r2);
            e.bidder = (r3 & 3) == 0 ? hot(newestPerson, HOT_PERSON_STRIDE) : recent(newestPerson, block + 1, RECENT_PERSONS, r3 >>> 2);
            long r4 = mix(r3);
            long price = 100 + Long.remainderUnsigned(r4, 100_000);
            if ((r4 >>> 60) == 0) {
                price += Long.remainderUnsigned(r4 >>> 20, 10_000_000); // a long tail of expensive bids
            }
            e.price = price;
        }
        return e;
    }

    /** The newest id at or below {@code newest} that is a multiple of {@code stride}, or the first id. */
    private static long hot(long newest, int stride) {
        return Math.max(FIRST_ID, newest / stride * stride);
    }

    /** One of the {@code window} newest ids at or below {@code newest} ({@code available} exist). */
    private static long recent(long newest, long available, int window, long random) {
        return newest - Long.remainderUnsigned(random, Math.min(window, available));
    }

    private static int pick(long random, int shift, int bound) {
        return (int) Long.remainderUnsigned(random >>> shift, bound);
    }

    private long mix(long x) {
        long z = x * 0x9E3779B97F4A7C15L + seed;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
