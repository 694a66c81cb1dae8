package io.heavenbase.bench.rows;

/**
 * {@link NearLangchain4j} within one of 20 categories: {@code where(eq category).near(...)} on
 * HeavenBase's pgvector backend vs LangChain4j's search with a metadata filter on the category.
 */
public class FilteredNearLangchain4j extends NearLangchain4j {

    public FilteredNearLangchain4j() {
        super(true);
    }
}
