package dev.cinderemulator.testing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A Keystone user of the emulator with the project it logs in to. The constants are the emulator
 * contract's default identities, all in domain {@code Default}.
 */
public record EmulatorUser(String username, String password, String projectName) {

    public static final String DOMAIN = "Default";

    /** {@code admin}/{@code admin} in project {@code admin}, role admin. */
    public static final EmulatorUser ADMIN = new EmulatorUser("admin", "admin", "admin");

    /** {@code demo}/{@code demo} in project {@code demo}, role member. */
    public static final EmulatorUser DEMO = new EmulatorUser("demo", "demo", "demo");

    /** {@code alt_demo}/{@code alt_demo} in project {@code alt_demo}, role member: a second tenant. */
    public static final EmulatorUser ALT_DEMO = new EmulatorUser("alt_demo", "alt_demo", "alt_demo");

    /**
     * The project's id: the emulator derives the id of a project configured without one from its
     * name, as 32 hex characters (what Keystone's ids look like), the same at every start. Fixture
     * documents name projects by this id; noauth tokens carry it too, since the emulator takes
     * only such ids in a {@code /v3/{project_id}/...} URL.
     */
    public String projectId() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("cinder-emulator:identity:project:" + projectName).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
