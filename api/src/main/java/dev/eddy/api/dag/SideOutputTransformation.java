package dev.eddy.api.dag;

import dev.eddy.util.OutputTag;
import java.util.List;
import java.util.Objects;

/**
 * Virtual: selects the side output named by a tag of its input operator (see
 * {@code SingleOutputStreamOperator.getSideOutput}). Has no operator; the translator turns it into
 * edges that carry only the records the producer emitted with {@code Output.collect(tag, record)}.
 * The element type is the tag's. Built by the user's main thread, read by the translator.
 */
public class SideOutputTransformation<T> extends Transformation<T> {
    private final Transformation<?> input;
    private final OutputTag<T> outputTag;

    public SideOutputTransformation(Transformation<?> input, OutputTag<T> outputTag) {
        super("SideOutput(" + outputTag.getId() + ")", outputTag.getTypeInfo(), input.getParallelism());
        this.input = Objects.requireNonNull(input, "input");
        this.outputTag = outputTag;
    }

    public Transformation<?> getInput() {
        return input;
    }

    public OutputTag<T> getOutputTag() {
        return outputTag;
    }

    @Override
    public List<Transformation<?>> getInputs() {
        return List.of(input);
    }
}
