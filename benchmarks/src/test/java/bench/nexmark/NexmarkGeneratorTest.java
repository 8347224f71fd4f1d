package bench.nexmark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NexmarkGeneratorTest {
    private final NexmarkGenerator generator = new NexmarkGenerator(42, 10_000, 200);

    @Test
    void sameIndexGivesTheSameEventAndProportionsAreOneThreeFortySix() {
        int[] types = new int[3];
        for (long i = 0; i < 5_000; i++) {
            Event e = generator.event(i);
            assertThat(e.toString()).isEqualTo(generator.event(i).toString());
            types[e.type]++;
        }
        assertThat(types).containsExactly(100, 300, 4_600);
    }

    @Test
    void bidsReferOnlyToAlreadyGeneratedAuctionsAndPersons() {
        long auctions = 0;
        long persons = 0;
        for (long i = 0; i < 20_000; i++) {
            Event e = generator.event(i);
            if (e.type == Event.PERSON) {
                persons++;
            } else if (e.type == Event.AUCTION) {
                auctions++;
                assertThat(e.seller).isBetween(NexmarkGenerator.FIRST_ID, NexmarkGenerator.FIRST_ID + persons - 1);
                assertThat(e.expires).isGreaterThan(e.dateTime);
            } else {
                assertThat(e.auction).isBetween(NexmarkGenerator.FIRST_ID, NexmarkGenerator.FIRST_ID + auctions - 1);
                assertThat(e.bidder).isBetween(NexmarkGenerator.FIRST_ID, NexmarkGenerator.FIRST_ID + persons - 1);
            }
        }
    }

    @Test
    void eventTimeAdvancesAtTheRateWithBoundedDisorder() {
        for (long i = 0; i < 20_000; i++) {
            long due = NexmarkGenerator.BASE_TIME + i / 10;
            assertThat(generator.event(i).dateTime).isBetween(due, due + 199);
        }
    }

    /** An oracle for the smoke test: query 3's expected output computed straight from the generator. */
    @Test
    void smokeTestExpectationForQ3MatchesADirectComputation() throws Exception {
        NexmarkRunner.Settings s = NexmarkSmokeTest.SMALL;
        NexmarkGenerator g = new NexmarkGenerator(s.seed(), s.eventsPerSecond(), s.disorderMs());
        java.util.Map<Long, String> west = new java.util.HashMap<>();
        java.util.List<Event> auctions = new java.util.ArrayList<>();
        for (long i = 0; i < s.events(); i++) {
            Event e = g.event(i);
            if (e.type == Event.PERSON && java.util.Set.of("OR", "ID", "CA").contains(e.state)) {
                west.put(e.id, e.name + "," + e.city + "," + e.state + ",");
            } else if (e.type == Event.AUCTION && e.category == 10) {
                auctions.add(e);
            }
        }
        long checksum = 0;
        java.util.List<String> lines = new java.util.ArrayList<>();
        for (Event a : auctions) {
            String person = west.get(a.seller);
            if (person != null) {
                lines.add(person + a.id);
                checksum += ChecksumSink.hash(person + a.id);
            }
        }
        java.util.Collections.sort(lines); // the lines are ASCII: UTF-16 order is byte order
        java.security.MessageDigest sha256 = java.security.MessageDigest.getInstance("SHA-256");
        for (String line : lines) {
            sha256.update((line + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        NexmarkSmokeTest.Expected q3 = NexmarkSmokeTest.FLINK.get("q3");
        assertThat(lines).allMatch(line -> line.chars().allMatch(c -> c < 128));
        assertThat(new NexmarkSmokeTest.Expected(lines.size(), checksum, java.util.HexFormat.of().formatHex(sha256.digest())))
                .isEqualTo(q3);
    }

    @Test
    void lineHashIsOrderIndependentWhenSummed() {
        long ab = ChecksumSink.hash("a") + ChecksumSink.hash("b");
        long ba = ChecksumSink.hash("b") + ChecksumSink.hash("a");
        assertThat(ab).isEqualTo(ba);
        assertThat(ChecksumSink.hash("a")).isNotEqualTo(ChecksumSink.hash("b"));
    }
}
