package dev.eddy.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.client.cli.testjobs.NoExecuteJob;
import dev.eddy.client.cli.testjobs.SequenceJob;
import dev.eddy.client.cli.testjobs.ThrowingJob;
import dev.eddy.client.deployment.GrpcDispatcherConnector;
import dev.eddy.proto.JobGraphProto;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `eddy run` end to end against a real gRPC endpoint with a hand-written dispatcher behind it. */
class RunJobTest {
    @TempDir
    Path dir;
    private FakeJobManager jobManager;

    @BeforeEach
    void start() throws Exception {
        jobManager = new FakeJobManager(Files.createDirectories(dir.resolve("blobs")));
    }

    @AfterEach
    void stop() {
        jobManager.close();
    }

    private Path jar(Class<?> mainClass) throws Exception {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass.getName());
        Path jar = dir.resolve(mainClass.getSimpleName() + ".jar");
        String entry = mainClass.getName().replace('.', '/') + ".class";
        try (OutputStream os = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(os, manifest)) {
            out.putNextEntry(new JarEntry(entry));
            out.write(mainClass.getClassLoader().getResourceAsStream(entry).readAllBytes());
            out.closeEntry();
        }
        return jar;
    }

    private CliRun run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = EddyCli.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of(), null, new GrpcDispatcherConnector());
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void attachedRunUploadsTheJarSubmitsAndReportsTheRuntime() throws Exception {
        Path jar = jar(SequenceJob.class);
        CliRun r = run("run", "-m", jobManager.address(), "-p", "3", jar.toString(), "my-sequence");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(jobManager.submitted).hasSize(1);
        JobGraphProto graph = jobManager.submitted.get(0);
        String id = graph.getJobId();
        assertThat(r.out()).contains("Job has been submitted with JobID " + id)
                .contains("Job with JobID " + id + " has finished.")
                .contains("Job Runtime: 250 ms");
        assertThat(graph.getJobName()).isEqualTo("my-sequence");
        assertThat(graph.getJarSha256()).isEqualTo(FakeJobManager.sha256(jar));
        assertThat(jobManager.storedJars).containsExactly(graph.getJarSha256());
        assertThat(graph.getJobConfigurationMap()).containsEntry("parallelism.default", "3");
    }

    @Test
    void fromSavepointGoesIntoTheJobGraph() throws Exception {
        CliRun r = run("run", "-m", jobManager.address(), "-s", "/sp/savepoint-1", "--allowNonRestoredState",
                jar(SequenceJob.class).toString());

        assertThat(r.exitCode()).as(r.toString()).isZero();
        JobGraphProto graph = jobManager.submitted.get(0);
        assertThat(graph.getSavepointPath()).isEqualTo("/sp/savepoint-1");
        assertThat(graph.getAllowNonRestoredState()).isTrue();
        CliRun plain = run("run", "-m", jobManager.address(), jar(SequenceJob.class).toString());
        assertThat(plain.exitCode()).isZero();
        assertThat(jobManager.submitted.get(1).getSavepointPath()).isEmpty();
        assertThat(jobManager.submitted.get(1).getAllowNonRestoredState()).isFalse();
    }

    @Test
    void failedJobExitsWithOneAndShowsTheRemoteFailure() throws Exception {
        jobManager.finalState = "FAILED";
        jobManager.failure = "java.lang.IllegalStateException: Record 42 is poison\n\tat FailingMapJob$PoisonCheck.map(X.java:1)";
        CliRun r = run("run", "-m", jobManager.address(), jar(SequenceJob.class).toString());

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("Job has been submitted with JobID ").doesNotContain("has finished");
        assertThat(r.err()).contains("The program's main method threw an exception:")
                .contains("Record 42 is poison").contains("FailingMapJob$PoisonCheck.map");
    }

    @Test
    void detachedRunReturnsAfterSubmission() throws Exception {
        jobManager.finalState = "RUNNING";
        CliRun r = run("run", "-d", "-m", jobManager.address(), jar(SequenceJob.class).toString());

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("Job has been submitted with JobID " + jobManager.submitted.get(0).getJobId())
                .doesNotContain("has finished");
    }

    @Test
    void mainThatThrows() throws Exception {
        CliRun r = run("run", "-m", jobManager.address(), jar(ThrowingJob.class).toString());

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("The program's main method threw an exception:")
                .contains("java.lang.IllegalArgumentException: This main refuses to run: missing --magic");
        assertThat(jobManager.submitted).isEmpty();
    }

    @Test
    void mainWithoutExecute() throws Exception {
        CliRun r = run("run", "-m", jobManager.address(), jar(NoExecuteJob.class).toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("didn't submit a job");
    }

    @Test
    void unreachableJobManager() throws Exception {
        String address = jobManager.address();
        jobManager.close();
        CliRun r = run("run", "-m", address, jar(SequenceJob.class).toString());

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).startsWith("Could not connect to the JobManager at " + address + ": ")
                .contains("The program's main method threw an exception:");
    }
}
