package dev.cinderemulator.support;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;

/**
 * The fuzz suites' source of randomness: a seeded generator, so that a run is the same run every
 * time (CI is deterministic) and any failure can be replayed from the seed it prints.
 *
 * <ul>
 * <li>{@code -Dfuzz.seed=N} (decimal or {@code 0x} hex) picks another seed; the default is fixed.</li>
 * <li>{@code -Dfuzz.requests=N} sends N requests per surface (Cinder, Keystone, control API) instead of
 * the default 20 000; each suite shares them out among its families of requests in fixed parts.</li>
 * </ul>
 *
 * Every dynamic test runs one batch of requests and names the seed in its display name; every
 * assertion message names it again, with the request and the answer.
 */
public final class FuzzRandom {

    /** The seed of the default run (the day the generator replaced jqwik). */
    public static final long DEFAULT_SEED = 20261203L;
    public static final int DEFAULT_REQUESTS_PER_SURFACE = 20_000;
    private static final int BATCH = 500;
    private static final int SHOWN = 10;

    private final SplittableRandom random;

    public FuzzRandom(long seed) {
        this.random = new SplittableRandom(seed);
    }

    public static long seed() {
        return Long.decode(System.getProperty("fuzz.seed", String.valueOf(DEFAULT_SEED)).trim());
    }

    /** How many requests each surface gets in this run. */
    public static int requestsPerSurface() {
        return Integer.parseInt(System.getProperty("fuzz.requests", String.valueOf(DEFAULT_REQUESTS_PER_SURFACE))
                .trim());
    }

    /** {@code parts} out of every 100 of the surface's requests, at least one. */
    public static int share(int parts) {
        return Math.max(1, (int) ((long) requestsPerSurface() * parts / 100));
    }

    /** What to add to a message so that a failure can be run again. */
    public static String replay() {
        return "replay: -Dfuzz.seed=" + seed() + " -Dfuzz.requests=" + requestsPerSurface();
    }

    /**
     * {@code count} requests of one family as dynamic tests of {@value #BATCH} requests each, drawn
     * from one generator seeded with the run's seed and the family's name, in order. A batch goes on
     * after a failed request and fails at its end with every distinct failure it met (the first
     * {@value #SHOWN} in full), so that one run shows all that is wrong.
     */
    public static Stream<DynamicTest> batches(String family, int count, FuzzCase fuzzCase) {
        long seed = seed();
        FuzzRandom random = new FuzzRandom(seed ^ family.hashCode());
        int batches = (count + BATCH - 1) / BATCH;
        return IntStream.range(0, batches).mapToObj(batch -> {
            int first = batch * BATCH;
            int last = Math.min(count, first + BATCH);
            return DynamicTest.dynamicTest(family + " " + (first + 1) + "-" + last + " of " + count + " (fuzz.seed="
                    + seed + ")", () -> {
                        List<String> failures = new ArrayList<>();
                        for (int i = first; i < last; i++) {
                            try {
                                fuzzCase.run(random, i);
                            } catch (AssertionError failure) {
                                failures.add("request " + (i + 1) + ": " + failure.getMessage().strip());
                            }
                        }
                        if (!failures.isEmpty()) {
                            throw new AssertionError(failures.size() + " of " + (last - first) + " requests failed ("
                                    + family + ", " + replay() + "):\n" + String.join("\n", failures.subList(0,
                                            Math.min(SHOWN, failures.size()))));
                        }
                    });
        });
    }

    /** One generated request, sent and checked. */
    @FunctionalInterface
    public interface FuzzCase {
        void run(FuzzRandom random, int index) throws Exception;
    }

    // ---- drawing values

    /** A whole number from {@code min} to {@code max}, both included; the ends come up more often. */
    public int between(int min, int max) {
        int edge = random.nextInt(10);
        if (edge == 0) {
            return min;
        }
        if (edge == 1) {
            return max;
        }
        return (int) random.nextLong(min, (long) max + 1);
    }

    /** True {@code percent} times in a hundred. */
    public boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    public boolean bool() {
        return random.nextBoolean();
    }

    @SafeVarargs
    public final <T> T pick(T... values) {
        return values[random.nextInt(values.length)];
    }

    public <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** An index into {@code weights}, drawn by weight: {@code choose(6, 2, 2)} is 0 six times in ten. */
    public int choose(int... weights) {
        int draw = random.nextInt(IntStream.of(weights).sum());
        for (int i = 0; i < weights.length; i++) {
            draw -= weights[i];
            if (draw < 0) {
                return i;
            }
        }
        throw new IllegalStateException("unreachable");
    }

    public <T> List<T> listOf(int maxSize, Supplier<T> element) {
        int size = between(0, maxSize);
        List<T> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            list.add(element.get());
        }
        return list;
    }

    /** Some of {@code values}, each at most once, in a random order. */
    public <T> List<T> subset(List<T> values, int maxSize) {
        List<T> shuffled = new ArrayList<>(values);
        Collections.shuffle(shuffled, new java.util.Random(random.nextLong()));
        return shuffled.subList(0, between(0, Math.min(maxSize, shuffled.size())));
    }

    /**
     * Text of any UTF-16 char: ASCII most often, then Latin-1, controls, any BMP char (lone
     * surrogates included) and astral pairs, as jqwik's default strings did.
     */
    public String string(int maxLength) {
        int length = between(0, maxLength);
        StringBuilder text = new StringBuilder(length);
        while (text.length() < length) {
            switch (random.nextInt(10)) {
            case 0 -> text.append((char) random.nextInt(0x20));
            case 1 -> text.append((char) random.nextInt(0x80, 0x100));
            case 2 -> text.append((char) random.nextInt(0x100, 0x10000));
            case 3 -> text.appendCodePoint(random.nextInt(0x10000, 0x110000));
            default -> text.append((char) random.nextInt(0x20, 0x7F));
            }
        }
        return text.toString();
    }

    /** Text of the printable ASCII chars from {@code first} to {@code last}. */
    public String ascii(char first, char last, int maxLength) {
        int length = between(0, maxLength);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) random.nextInt(first, last + 1));
        }
        return text.toString();
    }

    public byte[] bytes(int maxLength) {
        byte[] bytes = new byte[between(0, maxLength)];
        random.nextBytes(bytes);
        return bytes;
    }

    /** A UUID from this generator, so that a replay sends the same ids. */
    public UUID uuid() {
        return new UUID((random.nextLong() & ~0xF000L) | 0x4000L,
                (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L);
    }

    /** A Keystone-style id: 32 lower-case hex characters. */
    public String hexId() {
        return uuid().toString().replace("-", "");
    }
}
