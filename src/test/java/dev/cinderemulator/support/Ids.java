package dev.cinderemulator.support;

import java.util.UUID;

public final class Ids {

    private Ids() {
    }

    /** A Keystone-style project id: 32 lower-case hex characters. */
    public static String project() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
