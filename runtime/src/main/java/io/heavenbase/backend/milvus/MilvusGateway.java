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
import java.util.List;
import java.util.Map;

/**
 * The Milvus calls the backend makes, one method per request type. The production implementation
 * forwards to {@code MilvusClientV2}; tests record the requests and answer with canned entities.
 */
interface MilvusGateway extends AutoCloseable {

    boolean hasCollection(HasCollectionReq request);

    void createCollection(CreateCollectionReq request);

    /** The fields of an existing collection. */
    List<CreateCollectionReq.FieldSchema> describeCollection(DescribeCollectionReq request);

    boolean isLoaded(GetLoadStateReq request);

    void load(LoadCollectionReq request);

    void dropCollection(DropCollectionReq request);

    void upsert(UpsertReq request);

    void delete(DeleteReq request);

    /** The entities found, each a map of output field to SDK value. */
    List<Map<String, Object>> query(QueryReq request);

    /** The hits of the single query vector, best first. */
    List<SearchResp.SearchResult> search(SearchReq request);

    /** The server version; throws when the server cannot be reached. */
    String serverVersion();

    @Override
    void close();
}
