package dev.cinderemulator;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Runs {@code java -jar cinder-backups-emulator.jar} from its jars unpacked beside it. Loading
 * eleven thousand classes out of jars nested in the jar was half of the start-up's CPU samples; the
 * same classes from plain jars on disk cost a fraction. This is the layout Spring Boot recommends
 * for fast starts ({@code -Djarmode=tools extract}), made once, on the first start of a given jar,
 * into {@code .<jar name>/<size>-<modified>/} next to it (or the temporary folder when that is not
 * writable). Where neither can be written the emulator starts from the nested jars as before.
 */
final class ExtractedJar {

    private static final String CLASSES = "BOOT-INF/classes/";
    private static final String LIBRARIES = "BOOT-INF/lib/";
    private static final String INDEX = "BOOT-INF/classpath.idx";
    /**
     * Spring Boot's repackaging keeps the application's {@code META-INF} (its {@code spring.factories},
     * with the emulator's environment post-processors and failure analyzer) at the root of the jar,
     * beside the launcher's own manifest and file-system provider; unpacked, it goes with the classes.
     */
    private static final String ROOT_META_INF = "META-INF/";
    private static final List<String> LAUNCHER_FILES = List.of("META-INF/MANIFEST.MF",
            "META-INF/services/java.nio.file.spi.FileSystemProvider");
    private static final String COMPLETE = "complete";

    private ExtractedJar() {
    }

    /**
     * Started by Spring Boot's launcher from the executable jar: runs {@code mainClass} again from
     * the unpacked jars and returns true when it has (the call returns when that main returns).
     */
    static boolean relaunch(Class<?> mainClass, String[] args) throws Throwable {
        Path jar = executableJar(mainClass);
        if (jar == null) {
            return false;
        }
        Path unpacked = unpack(jar);
        if (unpacked == null) {
            return false;
        }
        URLClassLoader loader = new URLClassLoader(classPath(unpacked), ClassLoader.getPlatformClassLoader());
        Thread.currentThread().setContextClassLoader(loader);
        try {
            loader.loadClass(mainClass.getName()).getMethod("main", String[].class).invoke(null, (Object) args);
        } catch (InvocationTargetException failure) {
            throw failure.getCause();
        }
        return true;
    }

    /** The jar this class was loaded from by Spring Boot's nested-jar launcher, or null. */
    private static Path executableJar(Class<?> mainClass) {
        URL location = mainClass.getProtectionDomain().getCodeSource() == null ? null
                : mainClass.getProtectionDomain().getCodeSource().getLocation();
        // jar:nested:/path/cinder-backups-emulator.jar/!BOOT-INF/classes/!/ (Spring Boot's nested jar URL).
        if (location == null || !location.toString().replaceFirst("^jar:", "").startsWith("nested:")) {
            return null;
        }
        String classPath = System.getProperty("java.class.path", "");
        if (classPath.isEmpty() || classPath.contains(File.pathSeparator) || !classPath.endsWith(".jar")) {
            return null;
        }
        Path jar = Path.of(classPath).toAbsolutePath();
        return Files.isRegularFile(jar) ? jar : null;
    }

    /** The unpacked copy of {@code jar}, made now if there is none yet; null if it can't be made. */
    static Path unpack(Path jar) {
        String version;
        try {
            version = Files.size(jar) + "-" + Files.getLastModifiedTime(jar).toMillis();
        } catch (IOException unreadable) {
            return null;
        }
        String name = jar.getFileName().toString().replaceFirst("\\.jar$", "");
        List<Path> homes = new ArrayList<>();
        if (jar.getParent() != null) {
            homes.add(jar.getParent().resolve("." + name));
        }
        homes.add(Path.of(System.getProperty("java.io.tmpdir"), name + "-" + Integer.toHexString(jar.hashCode())));
        for (Path home : homes) {
            Path target = home.resolve(version);
            if (Files.isRegularFile(target.resolve(COMPLETE))) {
                return target;
            }
            try {
                return unpackInto(jar, home, target);
            } catch (IOException | UncheckedIOException notWritable) {
                // Try the next place; with none left, the nested jars serve.
            }
        }
        return null;
    }

    /**
     * Unpacks into a folder of its own, then moves it into place in one step: two emulators started
     * at once from a new jar each unpack it, and the first to finish is the one both use.
     */
    private static Path unpackInto(Path jar, Path home, Path target) throws IOException {
        Files.createDirectories(home);
        Path work = Files.createTempDirectory(home, "unpacking-");
        try {
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                Enumeration<? extends ZipEntry> entries = zip.entries();
                while (entries.hasMoreElements()) {
                    ZipEntry entry = entries.nextElement();
                    String entryName = entry.getName();
                    boolean applicationMetaInf = entryName.startsWith(ROOT_META_INF)
                            && !LAUNCHER_FILES.contains(entryName);
                    if (entry.isDirectory() || !(entryName.startsWith(CLASSES) || entryName.startsWith(LIBRARIES)
                            || entryName.equals(INDEX) || applicationMetaInf)) {
                        continue;
                    }
                    Path file = work.resolve(applicationMetaInf ? CLASSES + entryName : entryName).normalize();
                    if (!file.startsWith(work) || Files.exists(file)) {
                        continue;
                    }
                    Files.createDirectories(file.getParent());
                    try (InputStream in = zip.getInputStream(entry)) {
                        Files.copy(in, file);
                    }
                }
            }
            Files.writeString(work.resolve(COMPLETE), jar.toString(), StandardCharsets.UTF_8);
            try {
                Files.move(work, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException lost) {
                // Another start moved its copy into place first (or the move failed for a reason of its own).
                if (!Files.isRegularFile(target.resolve(COMPLETE))) {
                    throw lost;
                }
            }
            return target;
        } finally {
            deleteQuietly(work);
        }
    }

    /** The application's classes, then its libraries in the order the jar's class path index gives. */
    static URL[] classPath(Path unpacked) throws IOException {
        List<URL> urls = new ArrayList<>();
        urls.add(url(unpacked.resolve(CLASSES)));
        Path index = unpacked.resolve(INDEX);
        List<String> libraries = Files.isRegularFile(index)
                ? Files.readAllLines(index, StandardCharsets.UTF_8).stream()
                        .map(line -> line.replaceFirst("^- \"", "").replaceFirst("\"$", "")).filter(line -> !line.isBlank())
                        .toList()
                : List.of();
        for (String library : libraries) {
            urls.add(url(unpacked.resolve(library)));
        }
        try (Stream<Path> jars = Files.list(unpacked.resolve(LIBRARIES))) {
            for (Path library : jars.sorted().toList()) {
                if (!libraries.contains(LIBRARIES + library.getFileName())) {
                    urls.add(url(library));
                }
            }
        }
        return urls.toArray(URL[]::new);
    }

    private static URL url(Path path) {
        try {
            return path.toUri().toURL();
        } catch (MalformedURLException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static void deleteQuietly(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // A leftover folder of a failed unpack is harmless.
        }
    }
}
