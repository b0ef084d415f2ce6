package io.chartlens.review;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLFeatureNotSupportedException;
import javax.sql.DataSource;

/** Data sources for the seeder, which runs outside the server (no pool, drivers on the class path). */
final class SeedConnections {

    private SeedConnections() {
    }

    /** A data source over {@link DriverManager} (the driver is loaded by name first, for class loaders like exec:java's). */
    static DataSource driverManager(String url, String user, String password) {
        String driver = url.startsWith("jdbc:h2:") ? "org.h2.Driver"
                : url.startsWith("jdbc:postgresql:") ? "org.postgresql.Driver" : null;
        if (driver != null) {
            try {
                Class.forName(driver);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("JDBC driver " + driver + " is not on the class path (with Maven, "
                        + "run with -Dexec.classpathScope=test: the drivers are test dependencies)", e);
            }
        }
        return dataSource((method, args) -> DriverManager.getConnection(url, user, password));
    }

    /**
     * A data source that hands out one open connection again and again, its {@code close()} doing nothing (the
     * caller closes the real one): thousands of appends then cost no connection set-up each.
     */
    static DataSource single(Connection connection) {
        Connection kept = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> method.getName().equals("close") ? null
                        : invoke(method, connection, args));
        return dataSource((method, args) -> kept);
    }

    private interface Opener {
        Connection open(Method method, Object[] args) throws Exception;
    }

    private static DataSource dataSource(Opener opener) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getConnection" -> opener.open(method, args);
                    case "toString" -> "seed data source";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new SQLFeatureNotSupportedException(method.getName());
                });
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
