package dev.cinderemulator.volume;

/** {@code os-attach}'s fields: an instance or a host, a mount point and a mode ({@code rw} by default). */
record VolumeAttachmentRequest(String instanceUuid, String hostName, String mountpoint, String mode) {
}
