package io.heavenbase.it;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import io.heavenbase.Filter;
import io.heavenbase.Query;
import io.heavenbase.Workspace;

/**
 * Notes over the injected workspace: create, read, search by text and tag, rank by relevance, find similar,
 * hybrid search, delete.
 */
@Path("/notes")
public class NoteResource {

    @Inject
    Workspace workspace;

    /** Largest {@code k} of {@code similar} and {@code limit} of {@code search}. */
    static final int MAX_RESULTS = 1000;

    /** Creates a note; {@code title} and {@code body} are required, {@code tags} optional. */
    @POST
    public Response create(NoteInput note) {
        if (note == null) {
            throw ValidationErrors.invalid("body", "required", "the request needs a JSON note: {\"title\": ..., "
                    + "\"body\": ..., \"tags\": [...]}");
        }
        required("title", note.title());
        required("body", note.body());
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("object_id", UUID.randomUUID().toString());
        row.put("title", note.title());
        row.put("body", note.body());
        row.put("tags", note.tags() == null ? List.of() : note.tags());
        row.put("embedding", TextVectors.embed(note.title() + " " + note.body()));
        String id = workspace.upsert(Note.class, row);
        return Response.created(URI.create("/notes/" + id)).entity(read(id)).build();
    }

    @GET
    @Path("{id}")
    public NoteView read(@PathParam("id") String id) {
        return workspace.get(Note.class, id).map(NoteView::of)
                .orElseThrow(() -> new NotFoundException("no note " + id));
    }

    /** Notes whose title or body matches {@code q} and whose tags contain {@code tag}; both optional. */
    @GET
    @Path("search")
    public List<NoteView> search(@QueryParam("q") String text, @QueryParam("tag") String tag,
            @QueryParam("limit") @DefaultValue("10") int limit) {
        within("limit", limit, 0);
        Query query = workspace.query(Note.class).orderBy("title").limit(limit);
        if (text != null && !text.isBlank()) {
            query = query.where(Filter.or(Filter.match("title", text), Filter.match("body", text)));
        }
        if (tag != null && !tag.isBlank()) {
            query = query.where(Filter.arrayContains("tags", tag));
        }
        return views(query);
    }

    /** The {@code k} notes closest to {@code text}, closest first. */
    @GET
    @Path("similar")
    public List<NoteView> similar(@QueryParam("text") String text, @QueryParam("k") @DefaultValue("3") int k) {
        required("text", text);
        within("k", k, 1);
        return views(workspace.query(Note.class).near("embedding", TextVectors.embed(text), k)
                .select("title", "body", "tags", "score"));
    }

    /** The {@code k} notes whose body is most relevant to {@code q} by BM25, best first. */
    @GET
    @Path("ranked")
    public List<NoteView> ranked(@QueryParam("q") String text, @QueryParam("k") @DefaultValue("10") int k) {
        required("q", text);
        within("k", k, 1);
        return views(workspace.query(Note.class).search("body", text, k).select("title", "body", "tags", "score"));
    }

    /**
     * One ranking of the notes for {@code q}, fused by Reciprocal Rank Fusion from the {@code k} most relevant
     * bodies (BM25) and the {@code k} closest embeddings; {@code score} is the fused score.
     */
    @GET
    @Path("hybrid")
    public List<NoteView> hybrid(@QueryParam("q") String text, @QueryParam("k") @DefaultValue("10") int k) {
        required("q", text);
        within("k", k, 1);
        return views(workspace.query(Note.class).search("body", text, k).near("embedding", TextVectors.embed(text), k)
                .select("title", "body", "tags", "score"));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        return workspace.delete(Note.class, id) ? Response.noContent().build()
                : Response.status(Response.Status.NOT_FOUND).build();
    }

    private static void required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ValidationErrors.invalid(field, "required", "'" + field + "' is required and must not be blank");
        }
    }

    private static void within(String parameter, int value, int min) {
        if (value < min || value > MAX_RESULTS) {
            throw ValidationErrors.invalid(parameter, "range", "'" + parameter + "' must be between " + min + " and "
                    + MAX_RESULTS + ", got " + value);
        }
    }

    private static List<NoteView> views(Query query) {
        List<NoteView> views = new ArrayList<>();
        query.execute().rows().forEach(row -> views.add(NoteView.of(row)));
        return views;
    }
}
