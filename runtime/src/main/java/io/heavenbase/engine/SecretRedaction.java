package io.heavenbase.engine;

import java.util.regex.Pattern;

/** Removes credentials from text that may quote a URL or a driver message. */
public final class SecretRedaction {

    private static final Pattern URL_USER_INFO = Pattern.compile("(?i)(://)([^/@\\s:]+):([^/@\\s]+)@");
    private static final Pattern KEY_VALUE = Pattern.compile(
            "(?i)(password|passwd|pwd|token|api[-_]?key|secret)(=|:\\s*|\\s+)([^&;\\s,]+)");

    private SecretRedaction() {
    }

    public static String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = URL_USER_INFO.matcher(text).replaceAll("$1$2:***@");
        return KEY_VALUE.matcher(out).replaceAll("$1$2***");
    }
}
