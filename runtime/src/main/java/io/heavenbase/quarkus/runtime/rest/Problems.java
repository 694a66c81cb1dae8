package io.heavenbase.quarkus.runtime.rest;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.core.Response;

/**
 * Problem responses (RFC 9457, {@code application/problem+json}) for HeavenBase exceptions. Besides the standard
 * members {@code title}, {@code status} and {@code detail}, a response carries {@code error} (a short kind such as
 * {@code validation}) and the members that locate the cause ({@code entity}, {@code field}, {@code rule},
 * {@code backend}), left out when unknown.
 */
final class Problems {

    /** The media type of problem responses. */
    static final String MEDIA_TYPE = "application/problem+json";

    private Problems() {
    }

    /** A problem response; null values among {@code members} are left out. */
    static Response response(Response.Status status, String error, String detail, Map<String, String> members) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", status.getReasonPhrase());
        body.put("status", status.getStatusCode());
        body.put("detail", detail);
        body.put("error", error);
        members.forEach((name, value) -> {
            if (value != null) {
                body.put(name, value);
            }
        });
        return Response.status(status).type(MEDIA_TYPE).entity(body).build();
    }
}
