package dev.eddy.client.deployment;

/** The JobManager was reached but the job could not be uploaded, translated or accepted. */
public class JobSubmissionException extends Exception {
    private static final long serialVersionUID = 1L;

    public JobSubmissionException(String message, Throwable cause) {
        super(message, cause);
    }
}
