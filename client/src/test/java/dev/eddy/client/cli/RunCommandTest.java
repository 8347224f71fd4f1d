package dev.eddy.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {
    @TempDir
    Path dir;
    private final ScriptedDispatcher dispatcher = new ScriptedDispatcher();

    private Path jar(String mainClass) throws Exception {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (mainClass != null) {
            manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass);
        }
        Path jar = dir.resolve("job.jar");
        try (OutputStream os = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(os, manifest)) {
            out.putNextEntry(new JarEntry("readme.txt"));
            out.write("not a class".getBytes());
            out.closeEntry();
        }
        return jar;
    }

    @Test
    void missingJar() {
        Path missing = dir.resolve("x.jar");
        CliRun run = CliRun.of(dispatcher, null, "run", missing.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("Job jar " + missing + " does not exist");
    }

    @Test
    void fileThatIsNotAJar() throws Exception {
        Path text = Files.writeString(dir.resolve("x"), "plain text");
        CliRun run = CliRun.of(dispatcher, null, "run", text.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains(text + " is not a jar file: ");
    }

    @Test
    void jarWithoutMainClass() throws Exception {
        CliRun run = CliRun.of(dispatcher, null, "run", jar(null).toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("No main class: the jar's manifest has no Main-Class entry and -c was not given");
    }

    @Test
    void mainClassNotInTheJar() throws Exception {
        Path jar = jar("com.example.Missing");
        CliRun run = CliRun.of(dispatcher, null, "run", jar.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("Main class com.example.Missing was not found in job jar " + jar);

        CliRun withC = CliRun.of(dispatcher, null, "run", "-c", "com.example.Other", jar(null).toString());
        assertThat(withC.err()).contains("Main class com.example.Other was not found");
    }

    @Test
    void invalidOptionValuesAreExplained() throws Exception {
        Path jar = jar("com.example.Missing");
        assertThat(CliRun.of(dispatcher, null, "run", "-t", "yarn", jar.toString()).err()).contains("Unknown target 'yarn'");
        assertThat(CliRun.of(dispatcher, null, "run", "-p", "0", jar.toString()).err()).contains("Invalid parallelism 0");
        CliRun badAddress = CliRun.of(dispatcher, null, "run", "-m", "nohostport", jar.toString());
        assertThat(badAddress.exitCode()).isEqualTo(1);
        assertThat(badAddress.err()).contains("Invalid JobManager address 'nohostport'");
        CliRun noJar = CliRun.of(dispatcher, null, "run");
        assertThat(noJar.exitCode()).isEqualTo(1);
        assertThat(noJar.err()).contains("Missing required parameter").contains("eddy run --help");
    }

    @Test
    void malformedConfigIsReported() throws Exception {
        Files.writeString(dir.resolve("config.yaml"), "a: [\n");
        CliRun run = CliRun.of(dispatcher, dir, "run", jar("x.Y").toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("Malformed YAML in " + dir.resolve("config.yaml"));
    }

    @Test
    void helpAndVersion() {
        CliRun help = CliRun.of(dispatcher, null, "run", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("--parallelism").contains("--detached").contains("--target").contains("-D");
        CliRun version = CliRun.of(dispatcher, null, "--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).matches("(?s)Eddy version \\d+\\.\\d+\\.\\d+.*");
        CliRun top = CliRun.of(dispatcher, null, "--help");
        assertThat(top.out()).contains("run").contains("list").contains("status").contains("cancel")
                .contains("jobmanager").contains("taskmanager");
    }
}
