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
 * {@code {"error": "validation", "field": "k", "rule": "min", "message": "..."}}.
 */
@Provider
public class ValidationErrors implements ExceptionMapper<ValidationException> {

    @Override
    public Response toResponse(ValidationException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", "validation");
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
