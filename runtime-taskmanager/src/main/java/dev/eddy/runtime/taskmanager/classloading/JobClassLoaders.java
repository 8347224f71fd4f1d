package dev.eddy.runtime.taskmanager.classloading;

import dev.eddy.runtime.taskmanager.blob.BlobCache;
import dev.eddy.runtime.util.ChildFirstClassLoader;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One user class loader per job on this TaskManager, shared by the job's tasks and released
 * (closed) when the job's last task has ended. A job without a jar uses the TaskManager's own
 * class loader. Not thread-safe: owned by the TaskExecutor's single-threaded executor.
 */
public final class JobClassLoaders {
    private static final Logger LOG = LoggerFactory.getLogger(JobClassLoaders.class);

    private final BlobCache blobCache;
    private final ClassLoader parent;
    private final Map<String, Lease> leases = new HashMap<>();

    public JobClassLoaders(BlobCache blobCache, ClassLoader parent) {
        this.blobCache = blobCache;
        this.parent = parent;
    }

    /** Registers one more task of the job; completes with the job's class loader. */
    public CompletableFuture<ClassLoader> acquire(String jobId, String jarSha256) {
        Lease lease = leases.get(jobId);
        if (lease == null) {
            lease = new Lease(load(jobId, jarSha256));
            leases.put(jobId, lease);
        }
        lease.references++;
        return lease.classLoader;
    }

    /** One task of the job has ended; closes the loader after the last one. */
    public void release(String jobId) {
        Lease lease = leases.get(jobId);
        if (lease == null) {
            return;
        }
        if (--lease.references == 0) {
            leases.remove(jobId);
            lease.classLoader.thenAccept(cl -> {
                if (cl instanceof URLClassLoader && cl != parent) {
                    try {
                        ((URLClassLoader) cl).close();
                        LOG.info("Released the class loader of job {}", jobId);
                    } catch (IOException e) {
                        LOG.warn("Could not close the class loader of job {}", jobId, e);
                    }
                }
            });
        }
    }

    /** Whether a class loader of the job is held. */
    public boolean isHeld(String jobId) {
        return leases.containsKey(jobId);
    }

    private CompletableFuture<ClassLoader> load(String jobId, String jarSha256) {
        if (jarSha256 == null || jarSha256.isEmpty()) {
            return CompletableFuture.completedFuture(parent);
        }
        return blobCache.getJar(jarSha256).thenApply(jar -> newLoader(jar));
    }

    private ClassLoader newLoader(Path jar) {
        try {
            return new ChildFirstClassLoader(new URL[] {jar.toUri().toURL()}, parent);
        } catch (MalformedURLException e) {
            throw new IllegalStateException("Bad jar path " + jar, e);
        }
    }

    private static final class Lease {
        final CompletableFuture<ClassLoader> classLoader;
        int references;

        Lease(CompletableFuture<ClassLoader> classLoader) {
            this.classLoader = classLoader;
        }
    }
}
