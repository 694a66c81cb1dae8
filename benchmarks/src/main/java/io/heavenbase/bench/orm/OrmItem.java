package io.heavenbase.bench.orm;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** The item table HeavenBase's postgres backend created under the prefix {@value #PREFIX}, mapped by JPA. */
@Entity
@Table(name = OrmItem.PREFIX + "item")
public class OrmItem extends ItemColumns {

    public static final String PREFIX = "hb_bench_orm_";
}
