package io.heavenbase.backend.sql;

import java.sql.Connection;
import java.sql.SQLException;

/** A unit of JDBC work run on a connection lent by a {@link ConnectionSource}. */
@FunctionalInterface
public interface SqlWork<T> {

    T run(Connection connection) throws SQLException;
}
