package io.heavenbase.backend.dialects;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds a JDK newer than the one running the tests, for servers that need it (Trino 476 needs Java 24+):
 * {@code HEAVENBASE_TEST_TRINO_JAVA_HOME} when set, otherwise the newest JDK under {@code /usr/lib/jvm}
 * or {@code /opt/java} whose {@code release} file names a version at least as high.
 */
final class JavaHomes {

    private static final Pattern VERSION = Pattern.compile("JAVA_VERSION=\"(\\d+)");

    private JavaHomes() {
    }

    /** The {@code java} executable of a JDK of at least {@code major}, or {@code null} when there is none. */
    static Path atLeast(int major) throws IOException {
        List<Path> homes = new ArrayList<>();
        String configured = System.getenv("HEAVENBASE_TEST_TRINO_JAVA_HOME");
        if (configured != null && !configured.isBlank()) {
            homes.add(Path.of(configured));
        }
        for (String root : List.of("/usr/lib/jvm", "/opt/java")) {
            if (Files.isDirectory(Path.of(root))) {
                try (Stream<Path> children = Files.list(Path.of(root))) {
                    children.sorted(Comparator.comparing((Path home) -> majorVersion(home)).reversed()).forEach(homes::add);
                }
            }
        }
        for (Path home : homes) {
            Path java = home.resolve("bin").resolve("java");
            if (majorVersion(home) >= major && Files.isExecutable(java)) {
                return java;
            }
        }
        return null;
    }

    private static int majorVersion(Path home) {
        try {
            Matcher matcher = VERSION.matcher(Files.readString(home.resolve("release")));
            return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
        } catch (IOException e) {
            return 0;
        }
    }
}
