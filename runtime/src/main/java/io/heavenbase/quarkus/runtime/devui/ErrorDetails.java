package io.heavenbase.quarkus.runtime.devui;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;

import io.heavenbase.engine.SecretRedaction;

/**
 * An error as the Dev UI shows it: a one-line summary and the whole text (every cause and the stack trace), never
 * cut, with credentials removed.
 */
public final class ErrorDetails {

    private ErrorDetails() {
    }

    /**
     * The error as a map: {@code type} (simple class name), {@code message} (the full message, or the type when it has
     * none) and {@code details} (the full stack trace with every cause).
     */
    public static Map<String, Object> of(Throwable error) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", error.getClass().getSimpleName());
        String message = error.getMessage() == null ? error.getClass().getName() : error.getMessage();
        out.put("message", SecretRedaction.redact(message));
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        out.put("details", SecretRedaction.redact(trace.toString()));
        return out;
    }
}
