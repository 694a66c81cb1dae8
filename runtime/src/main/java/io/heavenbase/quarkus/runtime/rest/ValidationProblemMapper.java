package io.heavenbase.quarkus.runtime.rest;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import io.heavenbase.ValidationException;

/**
 * Invalid input answers {@code 400} with the entity, the field path (for example {@code filter.price.$lt}) and the
 * broken rule: {@code {"title": "Bad Request", "status": 400, "detail": "...", "error": "validation",
 * "entity": "note", "field": "title", "rule": "max_chars"}}.
 */
public class ValidationProblemMapper implements ExceptionMapper<ValidationException> {

    @Override
    public Response toResponse(ValidationException e) {
        Map<String, String> members = new LinkedHashMap<>();
        members.put("entity", e.entity());
        members.put("field", e.field());
        members.put("rule", e.rule());
        return Problems.response(Response.Status.BAD_REQUEST, "validation", e.getMessage(), members);
    }
}
