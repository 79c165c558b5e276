package dev.nn4j.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** The files shipped with the examples (next to their classes), as paths, whether run from classes or from a jar. */
final class ExampleResources {
    private ExampleResources() {}

    static Path path(String name) {
        URL url = ExampleResources.class.getResource(name);
        if (url == null) throw new IllegalStateException("example resource " + name + " is missing from the classpath");
        try {
            if (url.getProtocol().equals("file")) return Path.of(url.toURI());
            // inside a jar: copy it out, as the readers take paths
            Path tmp = Files.createTempFile("nn4j-example-", "-" + name);
            tmp.toFile().deleteOnExit();
            try (InputStream in = url.openStream()) {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            }
            return tmp;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static String text(String name) {
        try {
            return Files.readString(path(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
