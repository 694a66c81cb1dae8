package io.heavenbase.backend.sql;

import java.sql.Connection;
import java.sql.SQLException;

/** Opens a new, fully initialised physical connection. */
@FunctionalInterface
public interface ConnectionFactory {

    Connection open() throws SQLException;
}
