package io.heavenbase.bench.rows;

import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import java.util.concurrent.TimeUnit;

/**
 * {@link NearLangchain4j} within one of 20 categories: {@code where(eq category).near(...)} on
 * HeavenBase's pgvector backend vs LangChain4j's search with a metadata filter on the category.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class FilteredNearLangchain4j extends NearLangchain4j {

    public FilteredNearLangchain4j() {
        super(true);
    }
}
