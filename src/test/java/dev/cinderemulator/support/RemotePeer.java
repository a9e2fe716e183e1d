package dev.cinderemulator.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A caller that is not on loopback, from this same machine: requests leave from one of its own
 * non-loopback addresses, so the emulator's peer is that address. A machine with none (only
 * loopback) skips the tests; {@code e2e/remote-caller.sh} covers the same ground from a network
 * namespace in CI.
 */
public final class RemotePeer {

    private final InetAddress address;

    private RemotePeer(InetAddress address) {
        this.address = address;
    }

    /** Any non-loopback address of this machine. */
    public static RemotePeer any() {
        return find(address -> true, "no non-loopback address on this machine");
    }

    /**
     * An address Tomcat's {@code RemoteIpValve} trusts as an internal proxy by default (10/8,
     * 172.16/12, 192.168/16, fc00::/7): what a pod network gives a caller in Kubernetes.
     */
    public static RemotePeer privateNetwork() {
        return find(address -> address.isSiteLocalAddress()
                || address instanceof Inet6Address && (address.getAddress()[0] & 0xFE) == 0xFC,
                "no private-network address on this machine");
    }

    private static RemotePeer find(Predicate<InetAddress> wanted, String missing) {
        Optional<InetAddress> found = addresses().stream().filter(wanted).findFirst();
        assumeTrue(found.isPresent(), missing);
        return new RemotePeer(found.get());
    }

    private static List<InetAddress> addresses() {
        try {
            return Collections.list(NetworkInterface.getNetworkInterfaces()).stream().filter(RemotePeer::isUp)
                    .flatMap(NetworkInterface::inetAddresses)
                    .filter(address -> !address.isLoopbackAddress() && !address.isLinkLocalAddress()
                            && !address.isAnyLocalAddress())
                    .toList();
        } catch (SocketException unreadable) {
            return List.of();
        }
    }

    private static boolean isUp(NetworkInterface network) {
        try {
            return network.isUp() && !network.isLoopback();
        } catch (SocketException unreadable) {
            return false;
        }
    }

    public InetAddress address() {
        return address;
    }

    /** One request, as written: {@code head} is the request line and headers without the blank line. */
    public RawHttp.Answer send(int port, String head, String body) throws IOException {
        byte[] bytes = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
        String withLength = bytes == null ? head : head + "\r\nContent-Length: " + bytes.length;
        return RawHttp.send(address, port, withLength.getBytes(StandardCharsets.UTF_8), out -> {
            if (bytes != null) {
                out.write(bytes);
            }
        });
    }

    @Override
    public String toString() {
        return address.getHostAddress();
    }
}
