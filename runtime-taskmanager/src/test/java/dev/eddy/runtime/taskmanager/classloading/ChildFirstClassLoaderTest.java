package dev.eddy.runtime.taskmanager.classloading;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.runtime.taskmanager.testutil.JarBuilder;
import dev.eddy.runtime.util.ChildFirstClassLoader;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildFirstClassLoaderTest {
    @TempDir
    Path tmp;

    private static String greeter(String pkg, String text) {
        return "package " + pkg + "; public class Greeter { public String toString() { return \"" + text + "\"; } }";
    }

    @Test
    void jobClassesWinOverTheParentsButEddyClassesComeFromTheParent() throws Exception {
        Path parentClasses = JarBuilder.compile(Map.of("demo.Greeter", greeter("demo", "parent"),
                "dev.eddy.fake.Greeter", greeter("dev.eddy.fake", "parent")), Files.createDirectory(tmp.resolve("parent")));
        Path jar = JarBuilder.jar(Map.of("demo.Greeter", greeter("demo", "child"),
                "dev.eddy.fake.Greeter", greeter("dev.eddy.fake", "child"),
                "demo.OnlyInJob", "package demo; public class OnlyInJob {}"), tmp.resolve("job.jar"));
        try (URLClassLoader parent = new URLClassLoader(new URL[] {parentClasses.toUri().toURL()}, getClass().getClassLoader());
                ChildFirstClassLoader child = new ChildFirstClassLoader(new URL[] {jar.toUri().toURL()}, parent)) {
            Class<?> greeter = child.loadClass("demo.Greeter");
            assertThat(greeter.getClassLoader()).isSameAs(child);
            assertThat(greeter.getDeclaredConstructor().newInstance().toString()).isEqualTo("child");

            Class<?> eddy = child.loadClass("dev.eddy.fake.Greeter");
            assertThat(eddy.getClassLoader()).isSameAs(parent);
            assertThat(eddy.getDeclaredConstructor().newInstance().toString()).isEqualTo("parent");

            assertThat(child.loadClass("demo.OnlyInJob").getClassLoader()).isSameAs(child);
            assertThat(child.loadClass("java.lang.String")).isSameAs(String.class);
            assertThat(child.loadClass(Test.class.getName())).isSameAs(Test.class);
            assertThat(child.getResource("demo/Greeter.class").toString()).startsWith("jar:");
        }
    }

    @Test
    void parentFirstPrefixes() {
        assertThat(ChildFirstClassLoader.isParentFirst("dev.eddy.api.Foo")).isTrue();
        assertThat(ChildFirstClassLoader.isParentFirst("org.slf4j.Logger")).isTrue();
        assertThat(ChildFirstClassLoader.isParentFirst("ch.qos.logback.classic.Logger")).isTrue();
        assertThat(ChildFirstClassLoader.isParentFirst("javax.net.ssl.SSLContext")).isTrue();
        assertThat(ChildFirstClassLoader.isParentFirst("com.google.common.collect.Lists")).isFalse();
        assertThat(ChildFirstClassLoader.isParentFirst("org.apache.commons.Foo")).isFalse();
    }
}
