package dev.eddy.api.common.functions;

/** A rich {@link FlatMapFunction}: has open/close and a runtime context. */
public abstract class RichFlatMapFunction<IN, OUT> extends AbstractRichFunction implements FlatMapFunction<IN, OUT> {
    private static final long serialVersionUID = 1L;

    @Override
    public abstract void flatMap(IN value, dev.eddy.util.Collector<OUT> out) throws Exception;
}
