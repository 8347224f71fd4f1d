package dev.eddy.client.program;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * A job jar ready to run: validated, its main class resolved and loaded through a class loader
 * over the jar whose parent is the CLI's class loader (parent first, so the job sees the CLI's
 * Eddy classes and its context environment). Used by one thread; {@link #close()} releases the jar.
 */
public final class PackagedProgram implements AutoCloseable {
    private final Path jar;
    private final URLClassLoader classLoader;
    private final Method mainMethod;
    private final List<String> arguments;

    private PackagedProgram(Path jar, URLClassLoader classLoader, Method mainMethod, List<String> arguments) {
        this.jar = jar;
        this.classLoader = classLoader;
        this.mainMethod = mainMethod;
        this.arguments = List.copyOf(arguments);
    }

    /**
     * @param entryPointClass the class given with -c, or null to read Main-Class from the manifest
     * @throws ProgramInvocationException with a user-facing message when the jar cannot be run
     */
    public static PackagedProgram create(Path jarFile, String entryPointClass, List<String> arguments, ClassLoader parent)
            throws ProgramInvocationException {
        Path jar = jarFile.toAbsolutePath().normalize();
        if (!Files.exists(jar)) {
            throw new ProgramInvocationException("Job jar " + jar + " does not exist");
        }
        String mainClassName = resolveMainClass(jar, entryPointClass);
        URLClassLoader loader = new URLClassLoader(new URL[] {toUrl(jar)}, parent);
        try {
            Method main = findMain(loader, mainClassName, jar);
            return new PackagedProgram(jar, loader, main, arguments);
        } catch (ProgramInvocationException | RuntimeException | Error e) {
            closeQuietly(loader);
            throw e;
        }
    }

    public Path getJar() {
        return jar;
    }

    public String getMainClassName() {
        return mainMethod.getDeclaringClass().getName();
    }

    public ClassLoader getUserCodeClassLoader() {
        return classLoader;
    }

    /**
     * Calls {@code main(args)} on the calling thread. The caller sets the thread's context class
     * loader and the context environment first.
     *
     * @throws ProgramMainException wrapping whatever main threw
     */
    public void invokeMain() throws ProgramMainException, ProgramInvocationException {
        try {
            mainMethod.invoke(null, (Object) arguments.toArray(new String[0]));
        } catch (InvocationTargetException e) {
            throw new ProgramMainException(getMainClassName(), e.getCause());
        } catch (IllegalAccessException e) {
            throw new ProgramInvocationException("Cannot call the main method of " + getMainClassName() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        closeQuietly(classLoader);
    }

    private static String resolveMainClass(Path jar, String entryPointClass) throws ProgramInvocationException {
        Manifest manifest;
        try (JarFile jarFile = new JarFile(jar.toFile())) {
            manifest = jarFile.getManifest();
        } catch (IOException e) {
            throw new ProgramInvocationException(jar + " is not a jar file: " + e.getMessage(), e);
        }
        if (entryPointClass != null && !entryPointClass.isBlank()) {
            return entryPointClass.trim();
        }
        String fromManifest = manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.MAIN_CLASS);
        if (fromManifest == null || fromManifest.isBlank()) {
            throw new ProgramInvocationException("No main class: the jar's manifest has no Main-Class entry and -c was not given");
        }
        return fromManifest.trim();
    }

    private static Method findMain(ClassLoader loader, String className, Path jar) throws ProgramInvocationException {
        Class<?> mainClass;
        try {
            mainClass = Class.forName(className, false, loader);
        } catch (ClassNotFoundException | NoClassDefFoundError e) {
            throw new ProgramInvocationException("Main class " + className + " was not found in job jar " + jar
                    + ". Check -c or the manifest's Main-Class entry.", e);
        }
        Method main;
        try {
            main = mainClass.getMethod("main", String[].class);
        } catch (NoSuchMethodException e) {
            throw new ProgramInvocationException("Class " + className + " in job jar " + jar
                    + " has no public static void main(String[] args) method", e);
        }
        if (!Modifier.isStatic(main.getModifiers())) {
            throw new ProgramInvocationException("The main method of " + className + " is not static");
        }
        return main;
    }

    private static URL toUrl(Path jar) throws ProgramInvocationException {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new ProgramInvocationException("Cannot use " + jar + " as a class path entry: " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(URLClassLoader loader) {
        try {
            loader.close();
        } catch (IOException ignored) {
            // nothing left to release
        }
    }
}
