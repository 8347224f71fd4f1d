package bench.nexmark;

/**
 * One Nexmark event: a person, an auction or a bid, told apart by {@link #type}. A single flat POJO
 * (public fields, no nesting, no null strings) so both engines serialize it with their POJO
 * serializer and no event needs a union type. Fields that do not belong to the event's type hold
 * 0 or the empty string.
 *
 * <p>Not thread-safe; an instance belongs to whichever task currently holds it.
 */
public class Event {
    public static final int PERSON = 0;
    public static final int AUCTION = 1;
    public static final int BID = 2;

    /** {@link #PERSON}, {@link #AUCTION} or {@link #BID}. */
    public int type;
    /** Event time in epoch milliseconds. */
    public long dateTime;
    /** Person id (person) or auction id (auction); 0 for a bid. */
    public long id;
    /** Person name (person) or item name (auction). */
    public String name = "";
    public String city = "";
    public String state = "";
    /** Auction: the person selling it. */
    public long seller;
    /** Auction: category, 10..14. */
    public long category;
    public long initialBid;
    public long reserve;
    /** Auction: end of bidding, exclusive, epoch milliseconds. */
    public long expires;
    /** Bid: the auction bid on. */
    public long auction;
    /** Bid: the person bidding. */
    public long bidder;
    /** Bid: the price, in cents. */
    public long price;

    public Event() {}

    @Override
    public String toString() {
        switch (type) {
            case PERSON:
                return "person," + id + "," + name + "," + city + "," + state + "," + dateTime;
            case AUCTION:
                return "auction," + id + "," + name + "," + seller + "," + category + "," + initialBid + "," + reserve
                        + "," + dateTime + "," + expires;
            default:
                return "bid," + auction + "," + bidder + "," + price + "," + dateTime;
        }
    }
}
