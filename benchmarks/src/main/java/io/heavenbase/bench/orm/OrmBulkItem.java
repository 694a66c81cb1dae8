package io.heavenbase.bench.orm;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** The table Hibernate bulk-inserts into (created by the benchmark, prefix {@value #PREFIX}). */
@Entity
@Table(name = OrmBulkItem.PREFIX + "item")
public class OrmBulkItem extends ItemColumns {

    public static final String PREFIX = "hb_bench_ormbulk_jpa_";
}
