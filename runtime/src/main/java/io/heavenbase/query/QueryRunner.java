package io.heavenbase.query;

import io.heavenbase.Plan;
import io.heavenbase.ResultFrame;

/** Runs query descriptions for one entity of one workspace. */
public interface QueryRunner {

    ResultFrame execute(QuerySpec spec);

    long count(QuerySpec spec);

    Plan explain(QuerySpec spec);
}
