package io.heavenbase.quarkus.deployment.devuiapp;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

import io.heavenbase.Field;
import io.heavenbase.HeavenEntity;
import io.heavenbase.Store;

/**
 * The entity of the Dev UI tests (in its own package: other tests add the whole support package to their
 * applications): one field on the sqlite backend {@code main}, one on the inmem backend {@code vec}.
 */
@HeavenEntity("note")
public class DevUiNote {

    @Field("ShortText")
    @Store(to = "main", strategy = "InlineColumn")
    public String title;

    @Field("Vector[3]")
    @Store(to = "vec", strategy = "VectorIndex")
    public List<Float> embedding;

    /** The HTTP port of the Dev UI test applications (fixed: the Dev UI test helpers cannot learn a random one). */
    public static final int HTTP_PORT = 18741;

    /** The application.properties of the Dev UI test applications. */
    public static final String CONFIG = """
            heavenbase.backends.main.type=sqlite
            heavenbase.backends.main.database=:memory:
            heavenbase.backends.vec.type=inmem
            quarkus.http.port=%d
            """.formatted(HTTP_PORT);

    /** The address a Dev UI test helper built from the default port, moved to {@link #HTTP_PORT}. */
    public static URI onApplicationPort(URI helperAddress) {
        try {
            return new URI(helperAddress.getScheme(), helperAddress.getUserInfo(), helperAddress.getHost(), HTTP_PORT,
                    helperAddress.getPath(), helperAddress.getQuery(), null);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot move " + helperAddress + " to port " + HTTP_PORT, e);
        }
    }
}
