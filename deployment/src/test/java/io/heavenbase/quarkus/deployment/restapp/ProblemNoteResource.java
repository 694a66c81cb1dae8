package io.heavenbase.quarkus.deployment.restapp;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import io.heavenbase.BackendException;
import io.heavenbase.Field;
import io.heavenbase.HeavenEntity;
import io.heavenbase.Workspace;

/** Endpoints whose HeavenBase exceptions reach the REST layer unhandled. */
@Path("/problem-notes")
public class ProblemNoteResource {

    @HeavenEntity("problem-note")
    public static class ProblemNote {
        @Field("ShortText")
        public String title;
    }

    @Inject
    Workspace workspace;

    /** Writes the body's fields as they are: an unknown field is a {@code ValidationException}. */
    @POST
    @Path("/{id}")
    public String upsert(@PathParam("id") String id, Map<String, Object> body) {
        Map<String, Object> row = new java.util.LinkedHashMap<>(body);
        row.put("object_id", id);
        return workspace.upsert(ProblemNote.class, row);
    }

    /** Fails the way a write to a stopped server does. */
    @POST
    @Path("/down")
    public String down() {
        throw new BackendException("main", "upsert of entity 'problem-note'", "connection refused", null);
    }
}
