package dev.eddy.api.common.typeutils.base;

import dev.eddy.core.memory.DataInputView;
import dev.eddy.core.memory.DataOutputView;
import java.io.IOException;
import java.time.LocalTime;

/** Null-safe LocalTime serializer: byte hour (-1 = null), byte minute, byte second, int nano; 7 bytes. */
public final class LocalTimeSerializer extends TypeSerializerSingleton<LocalTime> {
    private static final long serialVersionUID = 1L;
    public static final LocalTimeSerializer INSTANCE = new LocalTimeSerializer();

    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public LocalTime createInstance() {
        return LocalTime.MIDNIGHT;
    }

    @Override
    public LocalTime copy(LocalTime from) {
        return from;
    }

    @Override
    public int getLength() {
        return 7;
    }

    @Override
    public void serialize(LocalTime record, DataOutputView target) throws IOException {
        write(record, target);
    }

    @Override
    public LocalTime deserialize(DataInputView source) throws IOException {
        return read(source);
    }

    static void write(LocalTime time, DataOutputView target) throws IOException {
        if (time == null) {
            target.writeByte(-1);
            target.writeShort(0);
            target.writeInt(0);
        } else {
            target.writeByte(time.getHour());
            target.writeByte(time.getMinute());
            target.writeByte(time.getSecond());
            target.writeInt(time.getNano());
        }
    }

    static LocalTime read(DataInputView source) throws IOException {
        int hour = source.readByte();
        int minute = source.readByte();
        int second = source.readByte();
        int nano = source.readInt();
        return hour < 0 ? null : LocalTime.of(hour, minute, second, nano);
    }
}
