package dev.eddy.api.common.typeutils.base;

import dev.eddy.core.memory.DataInputView;
import dev.eddy.core.memory.DataOutputView;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/** Null-safe LocalDateTime serializer: the LocalDate then the LocalTime format; 13 bytes. */
public final class LocalDateTimeSerializer extends TypeSerializerSingleton<LocalDateTime> {
    private static final long serialVersionUID = 1L;
    public static final LocalDateTimeSerializer INSTANCE = new LocalDateTimeSerializer();

    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public LocalDateTime createInstance() {
        return LocalDateTime.of(LocalDate.EPOCH, LocalTime.MIDNIGHT);
    }

    @Override
    public LocalDateTime copy(LocalDateTime from) {
        return from;
    }

    @Override
    public int getLength() {
        return 13;
    }

    @Override
    public void serialize(LocalDateTime record, DataOutputView target) throws IOException {
        LocalDateSerializer.write(record == null ? null : record.toLocalDate(), target);
        LocalTimeSerializer.write(record == null ? null : record.toLocalTime(), target);
    }

    @Override
    public LocalDateTime deserialize(DataInputView source) throws IOException {
        LocalDate date = LocalDateSerializer.read(source);
        LocalTime time = LocalTimeSerializer.read(source);
        return date == null ? null : LocalDateTime.of(date, time);
    }
}
