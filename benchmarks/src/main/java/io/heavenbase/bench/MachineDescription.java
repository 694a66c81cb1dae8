package io.heavenbase.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What the numbers were measured on: CPUs, memory, JVM, operating system and date. */
record MachineDescription(String cpus, String memory, String java, String os, String date, String load) {

    static MachineDescription current() {
        int processors = Runtime.getRuntime().availableProcessors();
        String model = procLine("/proc/cpuinfo", "model name").map(line -> line.substring(line.indexOf(':') + 1).trim())
                .orElse("unknown model");
        String memory = procLine("/proc/meminfo", "MemTotal").map(line -> {
            long kilobytes = Long.parseLong(line.replaceAll("[^0-9]", ""));
            return String.format(Locale.ROOT, "%.1f GiB", kilobytes / 1024.0 / 1024.0);
        }).orElse("unknown");
        String java = System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " ("
                + System.getProperty("java.vm.vendor") + ")";
        String distribution = procLine("/etc/os-release", "PRETTY_NAME")
                .map(line -> line.substring(line.indexOf('=') + 1).replace("\"", ""))
                .orElse(System.getProperty("os.name"));
        String os = distribution + ", kernel " + System.getProperty("os.version") + " " + System.getProperty("os.arch");
        String date = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
        String load = procLine("/proc/loadavg", "")
                .map(line -> String.join(" / ", Arrays.asList(line.split(" ")).subList(0, 3))).orElse("unknown");
        return new MachineDescription(processors + " × " + model, memory, java, os, date, load);
    }

    String markdown() {
        return "- CPUs (nproc): " + cpus + "\n- memory: " + memory + "\n- JVM: " + java + "\n- OS: " + os
                + "\n- date: " + date + "\n- load average (1 / 5 / 15 min) when the run ended: " + load
                + " (the machine is shared: other processes compete for the same cores)\n";
    }

    private static Optional<String> procLine(String file, String key) {
        try {
            List<String> lines = Files.readAllLines(Path.of(file));
            return lines.stream().filter(line -> line.startsWith(key)).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
