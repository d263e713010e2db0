package org.onboarding.settings;

import java.nio.file.Path;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

/**
 * Resolves every path setting ({@code onboard.home}, the feeds, reports and inbox folders) against
 * the working directory, as an absolute path. Spring binds a {@code Path} setting through the
 * context's resource loader, which by default reads a relative path as a class-path resource, and in
 * {@code serve} as one under the embedded web server's temporary document base: a {@code "."} default
 * would then watch a folder in the system's temp directory. Class-path and URL locations
 * ({@code classpath:}, {@code file:}) are read as before.
 */
public class WorkingDirectoryPaths implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (context instanceof GenericApplicationContext generic) {
            generic.setResourceLoader(new Loader(context.getClassLoader()));
        }
    }

    /** Plain paths are files of the working directory; everything else as Spring's default loader reads it. */
    private static final class Loader extends DefaultResourceLoader {

        Loader(ClassLoader classLoader) {
            super(classLoader);
        }

        @Override
        protected Resource getResourceByPath(String path) {
            return new FileSystemResource(Path.of(path).toAbsolutePath().normalize());
        }
    }
}
