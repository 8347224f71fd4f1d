package dev.eddy.api.connector.source.lib;

import dev.eddy.api.common.typeinfo.TypeInformation;
import dev.eddy.api.common.typeinfo.Types;
import dev.eddy.api.connector.source.Boundedness;
import dev.eddy.api.connector.source.Source;
import dev.eddy.api.connector.source.SourceOutput;
import dev.eddy.api.connector.source.SourceReader;
import dev.eddy.api.connector.source.SourceReaderContext;
import dev.eddy.api.connector.source.SourceSplit;
import dev.eddy.api.connector.source.SplitEnumerator;
import dev.eddy.api.connector.source.SplitEnumeratorContext;
import dev.eddy.api.connector.source.util.SplitQueueSourceReader;
import dev.eddy.api.connector.source.util.SplitRecordIterator;
import dev.eddy.api.connector.source.util.StaticSplitEnumerator;
import dev.eddy.api.java.typeutils.ResultTypeQueryable;
import dev.eddy.core.io.SimpleVersionedSerializer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A bounded source of the numbers {@code from} to {@code to}, both inclusive, in ascending order
 * within each split. When the job starts, the enumerator cuts the range into one split per
 * parallel reader; each split request gets the next split not handed out yet (so normally one per
 * reader), then "no more splits".
 */
public class NumberSequenceSource implements Source<Long, NumberSequenceSource.NumberSequenceSplit,
        Collection<NumberSequenceSource.NumberSequenceSplit>>, ResultTypeQueryable<Long> {
    private static final long serialVersionUID = 1L;
    private final long from;
    private final long to;

    public NumberSequenceSource(long from, long to) {
        if (from > to) {
            throw new IllegalArgumentException("NumberSequenceSource: start " + from + " must not be greater than end " + to);
        }
        this.from = from;
        this.to = to;
    }

    public long getFrom() {
        return from;
    }

    public long getTo() {
        return to;
    }

    /** The type of the produced records: {@code Long}. */
    @Override
    public TypeInformation<Long> getProducedType() {
        return Types.LONG;
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.BOUNDED;
    }

    @Override
    public SourceReader<Long, NumberSequenceSplit> createReader(SourceReaderContext readerContext) {
        return new SplitQueueSourceReader<>(readerContext) {
            @Override
            protected SplitRecordIterator<Long, NumberSequenceSplit> openSplit(NumberSequenceSplit split) {
                return new RangeIterator(split);
            }
        };
    }

    @Override
    public SplitEnumerator<NumberSequenceSplit, Collection<NumberSequenceSplit>> createEnumerator(
            SplitEnumeratorContext<NumberSequenceSplit> enumContext) {
        return new StaticSplitEnumerator<>(enumContext, splitRange(enumContext.currentParallelism()));
    }

    @Override
    public SplitEnumerator<NumberSequenceSplit, Collection<NumberSequenceSplit>> restoreEnumerator(
            SplitEnumeratorContext<NumberSequenceSplit> enumContext, Collection<NumberSequenceSplit> checkpoint) {
        return new StaticSplitEnumerator<>(enumContext, checkpoint);
    }

    /** Cuts the range into {@code count} contiguous splits of (nearly) equal size, skipping empty ones. */
    List<NumberSequenceSplit> splitRange(int count) {
        List<NumberSequenceSplit> splits = new ArrayList<>(count);
        // BigInteger: to - from + 1 may exceed Long.MAX_VALUE.
        BigInteger total = BigInteger.valueOf(to).subtract(BigInteger.valueOf(from)).add(BigInteger.ONE);
        BigInteger[] quotientAndRemainder = total.divideAndRemainder(BigInteger.valueOf(count));
        BigInteger start = BigInteger.valueOf(from);
        for (int i = 0; i < count; i++) {
            BigInteger size = quotientAndRemainder[0];
            if (BigInteger.valueOf(i).compareTo(quotientAndRemainder[1]) < 0) {
                size = size.add(BigInteger.ONE);
            }
            if (size.signum() == 0) {
                continue;
            }
            BigInteger end = start.add(size).subtract(BigInteger.ONE);
            splits.add(new NumberSequenceSplit(String.valueOf(i), start.longValueExact(), end.longValueExact()));
            start = end.add(BigInteger.ONE);
        }
        return splits;
    }

    @Override
    public SimpleVersionedSerializer<NumberSequenceSplit> getSplitSerializer() {
        return new SplitSerializer();
    }

    @Override
    public SimpleVersionedSerializer<Collection<NumberSequenceSplit>> getEnumeratorCheckpointSerializer() {
        return new CheckpointSerializer();
    }

    @Override
    public String toString() {
        return "NumberSequenceSource[" + from + ".." + to + "]";
    }

    /** A contiguous range of the sequence, both ends inclusive. Immutable. */
    public static final class NumberSequenceSplit implements SourceSplit {
        private final String splitId;
        private final long from;
        private final long to;

        public NumberSequenceSplit(String splitId, long from, long to) {
            this.splitId = splitId;
            this.from = from;
            this.to = to;
        }

        @Override
        public String splitId() {
            return splitId;
        }

        public long from() {
            return from;
        }

        public long to() {
            return to;
        }

        @Override
        public String toString() {
            return "NumberSequenceSplit{" + splitId + ": " + from + ".." + to + "}";
        }
    }

    /** Emits the numbers of one split; remembers where it is. */
    private static final class RangeIterator implements SplitRecordIterator<Long, NumberSequenceSplit> {
        private final NumberSequenceSplit split;
        private long next;
        private boolean done;

        RangeIterator(NumberSequenceSplit split) {
            this.split = split;
            this.next = split.from();
        }

        @Override
        public boolean emitNext(SourceOutput<Long> output) {
            if (done) {
                return false;
            }
            output.collect(next);
            if (next == split.to()) {
                done = true;
            } else {
                next++;
            }
            return true;
        }

        @Override
        public NumberSequenceSplit remainingSplit() {
            return new NumberSequenceSplit(split.splitId(), next, split.to());
        }

        @Override
        public void close() {}
    }

    private static final class SplitSerializer implements SimpleVersionedSerializer<NumberSequenceSplit> {
        @Override
        public int getVersion() {
            return 1;
        }

        @Override
        public byte[] serialize(NumberSequenceSplit split) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                write(split, out);
            }
            return bytes.toByteArray();
        }

        @Override
        public NumberSequenceSplit deserialize(int version, byte[] serialized) throws IOException {
            checkVersion(version);
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
                return read(in);
            }
        }
    }

    private static final class CheckpointSerializer implements SimpleVersionedSerializer<Collection<NumberSequenceSplit>> {
        @Override
        public int getVersion() {
            return 1;
        }

        @Override
        public byte[] serialize(Collection<NumberSequenceSplit> splits) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeInt(splits.size());
                for (NumberSequenceSplit split : splits) {
                    write(split, out);
                }
            }
            return bytes.toByteArray();
        }

        @Override
        public Collection<NumberSequenceSplit> deserialize(int version, byte[] serialized) throws IOException {
            checkVersion(version);
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
                int n = in.readInt();
                List<NumberSequenceSplit> splits = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    splits.add(read(in));
                }
                return splits;
            }
        }
    }

    private static void write(NumberSequenceSplit split, DataOutputStream out) throws IOException {
        out.writeUTF(split.splitId());
        out.writeLong(split.from());
        out.writeLong(split.to());
    }

    private static NumberSequenceSplit read(DataInputStream in) throws IOException {
        return new NumberSequenceSplit(in.readUTF(), in.readLong(), in.readLong());
    }

    private static void checkVersion(int version) throws IOException {
        if (version != 1) {
            throw new IOException("Unknown NumberSequenceSplit serialization version " + version
                    + " (this Eddy version reads version 1)");
        }
    }
}
