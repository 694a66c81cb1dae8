package io.heavenbase;

/**
 * A backend that can serve a dtype and operation: {@code type} is the backend key ({@code inmem});
 * {@code name} the workspace backend name (equal to the type in the global view); the strategy
 * and whether the operation runs natively or in the engine.
 */
public record BackendOption(String name, String type, String strategy, ExecutionMode mode) {
}
