package dev.cinderemulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The executable jar unpacked once beside itself, as {@code java -jar} then runs it. */
class ExtractedJarTests {

    @TempDir
    Path folder;

    @Test
    void unpacksClassesAndLibrariesBesideTheJarInTheIndexOrder() throws IOException {
        Path jar = executableJar(folder.resolve("emulator.jar"));

        Path unpacked = ExtractedJar.unpack(jar);

        assertThat(unpacked.getParent()).isEqualTo(folder.resolve(".emulator"));
        assertThat(unpacked.resolve("BOOT-INF/classes/application.yml")).hasContent("server: {}");
        assertThat(unpacked.resolve("META-INF/MANIFEST.MF")).doesNotExist();
        assertThat(unpacked.resolve("BOOT-INF/classes/META-INF/MANIFEST.MF")).doesNotExist();
        assertThat(unpacked.resolve("BOOT-INF/classes/META-INF/spring.factories")).hasContent("a=b");
        assertThat(ExtractedJar.classPath(unpacked)).extracting(URL::getPath).containsExactly(
                unpacked.resolve("BOOT-INF/classes").toUri().getPath(),
                unpacked.resolve("BOOT-INF/lib/second.jar").toUri().getPath(),
                unpacked.resolve("BOOT-INF/lib/first.jar").toUri().getPath());
    }

    @Test
    void theSameJarIsUnpackedOnceAndARebuiltOneAgain() throws IOException {
        Path jar = executableJar(folder.resolve("emulator.jar"));
        Path first = ExtractedJar.unpack(jar);
        Files.writeString(first.resolve("BOOT-INF/classes/marker"), "kept");

        assertThat(ExtractedJar.unpack(jar)).isEqualTo(first);
        assertThat(first.resolve("BOOT-INF/classes/marker")).exists();

        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 1000));
        Path rebuilt = ExtractedJar.unpack(jar);
        assertThat(rebuilt).isNotEqualTo(first);
        assertThat(rebuilt.resolve("BOOT-INF/classes/marker")).doesNotExist();
    }

    @Test
    void startsRacingOnANewJarAllGetTheSameCompleteCopy() throws Exception {
        Path jar = executableJar(folder.resolve("emulator.jar"));
        ExecutorService starts = Executors.newFixedThreadPool(4);
        try {
            List<Future<Path>> unpacked = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                unpacked.add(starts.submit((Callable<Path>) () -> ExtractedJar.unpack(jar)));
            }
            Path expected = unpacked.get(0).get();
            for (Future<Path> each : unpacked) {
                assertThat(each.get()).isEqualTo(expected);
            }
            assertThat(expected.resolve("BOOT-INF/lib/first.jar")).exists();
            try (var left = Files.list(folder.resolve(".emulator"))) {
                assertThat(left.map(path -> path.getFileName().toString())).containsExactly(expected.getFileName()
                        .toString());
            }
        } finally {
            starts.shutdownNow();
        }
    }

    private static Path executableJar(Path jar) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(file)) {
            entry(zip, "META-INF/MANIFEST.MF", "Main-Class: org.springframework.boot.loader.launch.JarLauncher\n");
            entry(zip, "META-INF/spring.factories", "a=b");
            entry(zip, "BOOT-INF/classes/application.yml", "server: {}");
            entry(zip, "BOOT-INF/lib/first.jar", "not really a jar");
            entry(zip, "BOOT-INF/lib/second.jar", "nor this");
            entry(zip, "BOOT-INF/classpath.idx", "- \"BOOT-INF/lib/second.jar\"\n- \"BOOT-INF/lib/first.jar\"\n");
        }
        return jar;
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
