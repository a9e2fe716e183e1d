package dev.cinderemulator.journal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import dev.cinderemulator.config.EmulatorProperties;
import dev.cinderemulator.engine.Resettable;

/**
 * The last N requests in a ring buffer (N = {@code emulator.journal.size}, 0 = off), so memory
 * stays bounded however long the emulator runs: the oldest entry goes when a new one comes.
 */
@Component
public class RequestJournal implements Resettable {

    /** A bound far above what a test needs, so a runaway setting cannot exhaust the heap. */
    public static final int MAX_CAPACITY = 100_000;
    private static final Pattern STATUS = Pattern.compile("[1-5](\\d\\d|xx|XX)");

    private final int configuredCapacity;
    private final ArrayDeque<JournalEntry> entries = new ArrayDeque<>();
    private int capacity;
    private long sequence;

    RequestJournal(EmulatorProperties properties) {
        this.configuredCapacity = checkCapacity(properties.journal().size());
        this.capacity = configuredCapacity;
    }

    public synchronized boolean isOn() {
        return capacity > 0;
    }

    synchronized long nextId() {
        return ++sequence;
    }

    synchronized void record(JournalEntry entry) {
        if (capacity == 0) {
            return;
        }
        while (entries.size() >= capacity) {
            entries.removeFirst();
        }
        entries.addLast(entry);
    }

    /** Newest first. */
    public synchronized List<JournalEntry> find(String path, String method, String status, int limit) {
        checkStatus(status);
        List<JournalEntry> found = new ArrayList<>();
        Iterator<JournalEntry> newestFirst = entries.descendingIterator();
        while (newestFirst.hasNext() && found.size() < limit) {
            JournalEntry entry = newestFirst.next();
            if (entry.matches(path, method, status)) {
                found.add(entry);
            }
        }
        return found;
    }

    public synchronized int count(String path, String method, String status) {
        checkStatus(status);
        return (int) entries.stream().filter(entry -> entry.matches(path, method, status)).count();
    }

    public synchronized void clear() {
        entries.clear();
    }

    public synchronized int capacity() {
        return capacity;
    }

    public synchronized int size() {
        return entries.size();
    }

    /** A smaller bound drops the oldest entries at once; 0 turns the journal off. */
    public synchronized void resize(int newCapacity) {
        capacity = checkCapacity(newCapacity);
        while (entries.size() > capacity) {
            entries.removeFirst();
        }
    }

    /** Empty, and back to the configured bound. */
    @Override
    public synchronized Map<String, Integer> resetAll() {
        entries.clear();
        capacity = configuredCapacity;
        return Map.of();
    }

    private static int checkCapacity(int capacity) {
        if (capacity < 0 || capacity > MAX_CAPACITY) {
            throw new IllegalArgumentException("size: must be between 0 and " + MAX_CAPACITY + ", got " + capacity);
        }
        return capacity;
    }

    private static void checkStatus(String status) {
        if (status != null && !STATUS.matcher(status).matches()) {
            throw new IllegalArgumentException("status: must be an HTTP status such as 404 or a class such as 4xx, got '"
                    + status + "'");
        }
    }
}
