package io.heavenbase;

import io.heavenbase.spi.Backend;
import java.util.List;

/** The backends of a workspace, by name, in configured order. */
public interface Backends {

    List<String> names();

    /** The backend of that name; a {@link ConfigurationException} names the unknown backend. */
    Backend get(String name);
}
