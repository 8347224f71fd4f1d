package dev.eddy.api.common.typeutils.base;

import dev.eddy.core.memory.DataInputView;
import dev.eddy.core.memory.DataOutputView;
import java.io.IOException;
import java.time.LocalDate;

/** Null-safe LocalDate serializer: int year (Integer.MIN_VALUE = null), byte month, byte day; 6 bytes. */
public final class LocalDateSerializer extends TypeSerializerSingleton<LocalDate> {
    private static final long serialVersionUID = 1L;
    public static final LocalDateSerializer INSTANCE = new LocalDateSerializer();

    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public LocalDate createInstance() {
        return LocalDate.EPOCH;
    }

    @Override
    public LocalDate copy(LocalDate from) {
        return from;
    }

    @Override
    public int getLength() {
        return 6;
    }

    @Override
    public void serialize(LocalDate record, DataOutputView target) throws IOException {
        write(record, target);
    }

    @Override
    public LocalDate deserialize(DataInputView source) throws IOException {
        return read(source);
    }

    static void write(LocalDate date, DataOutputView target) throws IOException {
        if (date == null) {
            target.writeInt(Integer.MIN_VALUE);
            target.writeShort(0);
        } else {
            target.writeInt(date.getYear());
            target.writeByte(date.getMonthValue());
            target.writeByte(date.getDayOfMonth());
        }
    }

    static LocalDate read(DataInputView source) throws IOException {
        int year = source.readInt();
        int month = source.readByte();
        int day = source.readByte();
        return year == Integer.MIN_VALUE ? null : LocalDate.of(year, month, day);
    }
}
