package dev.eddy.core.io;

/** What an input (for example a {@code SourceReader}) reports after one poll. */
public enum InputStatus {
    /** More data is available right away; poll again. */
    MORE_AVAILABLE,
    /** Nothing is available now; wait on the input's availability future before polling again. */
    NOTHING_AVAILABLE,
    /** The input has ended for good; no more data will come. */
    END_OF_INPUT
}
