package io.heavenbase.it;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import io.heavenbase.ValidationException;

/**
 * Invalid input, whether caught by the resource or by HeavenBase, answers 400 with a JSON body naming the field:
 * {@code {"error": "validation", "entity": "note", "field": "k", "rule": "min", "message": "..."}}. The extension
 * answers a {@code ValidationException} with the same members as a problem response
 * ({@code heavenbase.rest.problem-responses}); this application mapper takes precedence and keeps the demo's
 * {@code application/json} body with {@code message}.
 */
@Provider
public class ValidationErrors implements ExceptionMapper<ValidationException> {

    @Override
    public Response toResponse(ValidationException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", "validation");
        if (e.entity() != null) {
            body.put("entity", e.entity());
        }
        body.put("field", e.field());
        body.put("rule", e.rule());
        body.put("message", e.getMessage());
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON).entity(body).build();
    }

    /** A 400 for request input the resource itself checks. */
    static ValidationException invalid(String field, String rule, String message) {
        return new ValidationException(Note.ENTITY, field, rule, message);
    }
}
