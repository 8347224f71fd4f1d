package dev.eddy.client.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/** One programmatic run of the CLI with captured output. */
record CliRun(int exitCode, String out, String err) {
    static CliRun of(ScriptedDispatcher dispatcher, Path confDir, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Map<String, String> env = confDir == null ? Map.of() : Map.of("EDDY_CONF_DIR", confDir.toString());
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = EddyCli.execute(args, o, e, env, null, dispatcher);
        }
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
