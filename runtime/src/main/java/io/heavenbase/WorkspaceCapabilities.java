package io.heavenbase;

/** {@link Capabilities} answered through a workspace's configured backends, by backend name. */
public interface WorkspaceCapabilities extends Capabilities {
}
