package io.heavenbase.backend.chroma;

import io.heavenbase.ConfigurationException;
import io.heavenbase.spi.EntityLayout;
import java.util.regex.Pattern;

/**
 * The Chroma collection of an entity part: {@code prefix + entity id ('-' as '_')}, as every
 * backend names its structures. Chroma accepts 3 to 63 characters of {@code [a-zA-Z0-9._-]} that
 * start and end with a letter or digit. Entity ids always end with a letter or digit and contain no
 * {@code "__"}, so a name that is too short gets the suffix {@code "__hb"} without colliding with
 * another entity's name; a prefix that starts with {@code '_'} or a name that is too long cannot be
 * mapped and is rejected naming the prefix property.
 */
final class ChromaCollectionName {

    static final int MIN_LENGTH = 3;
    static final int MAX_LENGTH = 63;
    private static final String SHORT_SUFFIX = "__hb";
    private static final Pattern VALID = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9._-]*[a-zA-Z0-9]");

    private ChromaCollectionName() {
    }

    /** The collection name, or a {@link ConfigurationException} naming the prefix property. */
    static String of(EntityLayout layout, String prefix, String prefixProperty) {
        String name = layout.physicalName(prefix);
        if (name.length() < MIN_LENGTH) {
            name = name + SHORT_SUFFIX;
        }
        if (name.length() > MAX_LENGTH || !VALID.matcher(name).matches()) {
            throw new ConfigurationException(prefixProperty, "entity '" + layout.entityId() + "' with "
                    + prefixProperty + " '" + prefix + "' gives the Chroma collection name '" + name
                    + "', but Chroma needs " + MIN_LENGTH + " to " + MAX_LENGTH
                    + " characters of [a-zA-Z0-9._-] starting and ending with a letter or digit");
        }
        return name;
    }
}
