package dev.retort.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@link UpgradeProbe} in a fresh JVM, followed by what the process used: peak resident set
 * (Linux's {@code VmHWM}), peak heap, and classes loaded, printed as one {@code MEMORY} line
 * after the probe's {@code RESULT}.
 *
 * <p>Arguments: those of {@link UpgradeProbe} (mode, JDBC URL, revision count, Flyway script directory).
 */
public final class RegistryProbe {

    private RegistryProbe() {
    }

    public static void main(String[] args) throws Exception {
        UpgradeProbe.main(args);
        long heapPeak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                heapPeak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf(Locale.ROOT, "MEMORY rss_peak_kb=%d heap_peak_kb=%d classes_loaded=%d%n",
                peakRssKb(), heapPeak / 1024, ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount());
    }

    /** The process's peak resident set in KB, or -1 where {@code /proc} does not say. */
    private static long peakRssKb() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(l -> l.startsWith("VmHWM:"))
                    .map(l -> l.replaceAll("[^0-9]", ""))
                    .mapToLong(Long::parseLong)
                    .findFirst().orElse(-1);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
