package dev.eddy.streaming.api.functions.sink.legacy;

/** Drops every record. */
public class DiscardingSink<T> implements SinkFunction<T> {
    private static final long serialVersionUID = 1L;

    @Override
    public void invoke(T value, Context context) {}
}
