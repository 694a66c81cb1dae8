package io.heavenbase.backend.milvus;

import io.milvus.v2.service.collection.request.CreateCollectionReq;
import io.milvus.v2.service.collection.request.DescribeCollectionReq;
import io.milvus.v2.service.collection.request.DropCollectionReq;
import io.milvus.v2.service.collection.request.GetLoadStateReq;
import io.milvus.v2.service.collection.request.HasCollectionReq;
import io.milvus.v2.service.collection.request.LoadCollectionReq;
import io.milvus.v2.service.vector.request.DeleteReq;
import io.milvus.v2.service.vector.request.QueryReq;
import io.milvus.v2.service.vector.request.SearchReq;
import io.milvus.v2.service.vector.request.UpsertReq;
import io.milvus.v2.service.vector.response.SearchResp;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * A {@link MilvusGateway} without a server: records every request in order and answers queries and
 * searches with canned entities queued by the test (an empty answer once the queue is drained).
 */
final class RecordingMilvusGateway implements MilvusGateway {

    final List<Object> requests = new ArrayList<>();
    final Deque<List<Map<String, Object>>> queryAnswers = new ArrayDeque<>();
    final Deque<List<SearchResp.SearchResult>> searchAnswers = new ArrayDeque<>();
    boolean collectionExists;
    boolean loaded = true;
    List<CreateCollectionReq.FieldSchema> existingFields = List.of();
    RuntimeException failure;
    boolean closed;

    @Override
    public boolean hasCollection(HasCollectionReq request) {
        record(request);
        return collectionExists;
    }

    @Override
    public void createCollection(CreateCollectionReq request) {
        record(request);
    }

    @Override
    public List<CreateCollectionReq.FieldSchema> describeCollection(DescribeCollectionReq request) {
        record(request);
        return existingFields;
    }

    @Override
    public boolean isLoaded(GetLoadStateReq request) {
        record(request);
        return loaded;
    }

    @Override
    public void load(LoadCollectionReq request) {
        record(request);
    }

    @Override
    public void dropCollection(DropCollectionReq request) {
        record(request);
    }

    @Override
    public void upsert(UpsertReq request) {
        record(request);
    }

    @Override
    public void delete(DeleteReq request) {
        record(request);
    }

    @Override
    public List<Map<String, Object>> query(QueryReq request) {
        record(request);
        List<Map<String, Object>> answer = queryAnswers.poll();
        return answer == null ? List.of() : answer;
    }

    @Override
    public List<SearchResp.SearchResult> search(SearchReq request) {
        record(request);
        List<SearchResp.SearchResult> answer = searchAnswers.poll();
        return answer == null ? List.of() : answer;
    }

    @Override
    public String serverVersion() {
        record("serverVersion");
        return "v2.6.0";
    }

    @Override
    public void close() {
        closed = true;
    }

    /** The recorded requests of one type, in order. */
    <T> List<T> sent(Class<T> type) {
        List<T> out = new ArrayList<>();
        for (Object request : requests) {
            if (type.isInstance(request)) {
                out.add(type.cast(request));
            }
        }
        return out;
    }

    private void record(Object request) {
        if (failure != null) {
            throw failure;
        }
        requests.add(request);
    }
}
