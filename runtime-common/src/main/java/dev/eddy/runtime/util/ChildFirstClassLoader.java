package dev.eddy.runtime.util;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * A job's class loader: classes and resources come from the job's jar first, then from the
 * class path of the process (TaskManager or JobManager), except for packages that must be shared with the runtime (Eddy's own
 * classes, the JDK, logging), which always come from the parent. So a job may bring its own
 * version of a library the TaskManager also uses. Thread-safe (parallel capable).
 */
public final class ChildFirstClassLoader extends URLClassLoader {
    private static final String[] PARENT_FIRST = {"dev.eddy.", "java.", "javax.", "jdk.", "sun.", "com.sun.", "org.slf4j.", "ch.qos.logback."};

    static {
        ClassLoader.registerAsParallelCapable();
    }

    public ChildFirstClassLoader(URL[] urls, ClassLoader parent) {
        super(urls, parent);
    }

    public static boolean isParentFirst(String className) {
        for (String p : PARENT_FIRST) {
            if (className.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                if (isParentFirst(name)) {
                    c = super.loadClass(name, false);
                } else {
                    try {
                        c = findClass(name);
                    } catch (ClassNotFoundException e) {
                        c = super.loadClass(name, false);
                    }
                }
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }

    @Override
    public URL getResource(String name) {
        if (!isParentFirst(name.replace('/', '.'))) {
            URL url = findResource(name);
            if (url != null) {
                return url;
            }
        }
        return super.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        List<URL> urls = new ArrayList<>(Collections.list(findResources(name)));
        ClassLoader parent = getParent();
        if (parent != null) {
            for (URL u : Collections.list(parent.getResources(name))) {
                if (!urls.contains(u)) {
                    urls.add(u);
                }
            }
        }
        return Collections.enumeration(urls);
    }
}
