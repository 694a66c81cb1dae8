package io.heavenbase.backend.milvus;

import io.milvus.v2.client.ConnectConfig;
import io.milvus.v2.client.MilvusClientV2;
import io.milvus.v2.client.RetryConfig;
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
import io.milvus.v2.service.vector.response.QueryResp;
import io.milvus.v2.service.vector.response.SearchResp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Forwards to one {@link MilvusClientV2}, connected on first use (opening a backend never blocks on
 * the network; a server that is down shows in {@code ping} and health instead). Retries are bounded
 * so that a call against an unreachable server fails within seconds rather than minutes.
 */
final class SdkMilvusGateway implements MilvusGateway {

    static final long CONNECT_TIMEOUT_MS = 5_000;
    static final long RPC_DEADLINE_MS = 60_000;
    static final int MAX_RETRIES = 3;

    private final MilvusSettings settings;
    private MilvusClientV2 client;
    private boolean closed;

    SdkMilvusGateway(MilvusSettings settings) {
        this.settings = settings;
    }

    @Override
    public boolean hasCollection(HasCollectionReq request) {
        return Boolean.TRUE.equals(client().hasCollection(request));
    }

    @Override
    public void createCollection(CreateCollectionReq request) {
        client().createCollection(request);
    }

    @Override
    public List<CreateCollectionReq.FieldSchema> describeCollection(DescribeCollectionReq request) {
        return client().describeCollection(request).getCollectionSchema().getFieldSchemaList();
    }

    @Override
    public boolean isLoaded(GetLoadStateReq request) {
        return Boolean.TRUE.equals(client().getLoadState(request));
    }

    @Override
    public void load(LoadCollectionReq request) {
        client().loadCollection(request);
    }

    @Override
    public void dropCollection(DropCollectionReq request) {
        client().dropCollection(request);
    }

    @Override
    public void upsert(UpsertReq request) {
        client().upsert(request);
    }

    @Override
    public void delete(DeleteReq request) {
        client().delete(request);
    }

    @Override
    public List<Map<String, Object>> query(QueryReq request) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (QueryResp.QueryResult result : client().query(request).getQueryResults()) {
            out.add(result.getEntity());
        }
        return out;
    }

    @Override
    public List<SearchResp.SearchResult> search(SearchReq request) {
        List<List<SearchResp.SearchResult>> results = client().search(request).getSearchResults();
        return results.isEmpty() ? List.of() : results.get(0);
    }

    @Override
    public String serverVersion() {
        return client().getServerVersion();
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (client != null) {
            client.close();
            client = null;
        }
    }

    private synchronized MilvusClientV2 client() {
        if (closed) {
            throw new IllegalStateException("the milvus backend '" + settings.backendName() + "' is closed");
        }
        if (client == null) {
            ConnectConfig.ConnectConfigBuilder config = ConnectConfig.builder().uri(settings.uri())
                    .connectTimeoutMs(CONNECT_TIMEOUT_MS).rpcDeadlineMs(RPC_DEADLINE_MS);
            if (!settings.token().isEmpty()) {
                config.token(settings.token());
            }
            if (!settings.database().isEmpty()) {
                config.dbName(settings.database());
            }
            MilvusClientV2 connected = new MilvusClientV2(config.build());
            connected.retryConfig(RetryConfig.builder().maxRetryTimes(MAX_RETRIES).build());
            client = connected;
        }
        return client;
    }
}
