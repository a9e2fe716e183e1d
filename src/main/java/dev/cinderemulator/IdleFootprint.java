package dev.cinderemulator;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;

/**
 * An emulator waits for requests most of its life, often beside the tests that drive it, so it
 * gives back the heap its start-up and its bursts of load used. The JVM's defaults are sized for a
 * server that keeps its memory: here the heap is returned when at most a fifth of it would stay
 * free, an idle emulator collects every thirty seconds (G1's periodic collection, which uncommits),
 * and the start-up's garbage is collected once the emulator is ready. Only flags the user left at
 * their defaults are changed; these are the JVM's manageable flags, settable while it runs. They
 * are the whole JVM's, so only {@code main}, where the emulator owns its JVM, adds this listener:
 * an emulator started inside someone's test run ({@code @CinderEmulatorTest}) leaves their JVM as
 * it found it.
 */
class IdleFootprint implements ApplicationListener<ApplicationReadyEvent> {

    private static final Log LOG = LogFactory.getLog(IdleFootprint.class);
    /** In the order they can be set: the minimum free ratio may never exceed the maximum. */
    private static final List<Map.Entry<String, String>> FLAGS = List.of(Map.entry("MinHeapFreeRatio", "10"),
            Map.entry("MaxHeapFreeRatio", "20"), Map.entry("G1PeriodicGCInterval", "30000"));

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        if (hotSpot == null) {
            return;
        }
        for (Map.Entry<String, String> flag : FLAGS) {
            try {
                VMOption option = hotSpot.getVMOption(flag.getKey());
                if (option.getOrigin() == VMOption.Origin.DEFAULT || option.getOrigin() == VMOption.Origin.ERGONOMIC) {
                    hotSpot.setVMOption(flag.getKey(), flag.getValue());
                }
            } catch (IllegalArgumentException | SecurityException notHere) {
                LOG.debug("JVM flag " + flag.getKey() + " left as it is", notHere);
            }
        }
        System.gc();
    }
}
