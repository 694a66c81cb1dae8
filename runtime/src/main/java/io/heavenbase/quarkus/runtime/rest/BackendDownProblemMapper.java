package io.heavenbase.quarkus.runtime.rest;

import java.util.Map;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import io.heavenbase.BackendException;

/**
 * A backend that failed its part of an operation (unreachable, down, failing) answers {@code 503} naming it:
 * {@code {"title": "Service Unavailable", "status": 503, "detail": "backend 'main' failed during ...",
 * "error": "backend", "backend": "main"}}. The message never carries passwords or tokens.
 */
public class BackendDownProblemMapper implements ExceptionMapper<BackendException> {

    @Override
    public Response toResponse(BackendException e) {
        return Problems.response(Response.Status.SERVICE_UNAVAILABLE, "backend", e.getMessage(),
                Map.of("backend", e.backend()));
    }
}
