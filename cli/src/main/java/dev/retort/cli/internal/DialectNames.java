package dev.retort.cli.internal;

import dev.retort.runtime.JdbcUrls;
import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.dialect.Dialects;
import java.util.Optional;

/**
 * The dialect a {@code dialect=} name or a JDBC URL stands for, with no connection: offline
 * SQL ({@code --sql}) must not touch the database. The names and URL prefixes are the
 * runtime's ({@link Dialects}); this class only words the errors for a configuration file.
 */
public final class DialectNames {

    private DialectNames() {
    }

    /**
     * The dialect {@code name} names ({@code h2}, {@code postgresql}, …, case-insensitive),
     * or the one {@code url}'s prefix implies when {@code name} is empty.
     *
     * @param name       the configured {@code dialect=}, if any
     * @param url        the configured JDBC URL, if any
     * @param configName the configuration file, for the messages
     * @throws IllegalArgumentException with a message for the user when neither gives a
     *                                  dialect Retort has
     */
    public static Dialect resolve(Optional<String> name, Optional<String> url, String configName) {
        String supported = String.join(", ", Dialects.names());
        if (name.isPresent()) {
            return Dialects.forName(name.get()).orElseThrow(() -> new IllegalArgumentException("Unknown dialect '"
                    + name.get() + "' in 'dialect=' or --dialect. Use one of " + supported + "."));
        }
        String jdbcUrl = url.orElseThrow(() -> new IllegalArgumentException("Offline SQL (--sql) needs to know the "
                + "dialect to write and reads it from 'url=' or 'dialect=', but neither is set. Set 'dialect=' ("
                + supported + ") in " + configName + ", or pass --dialect."));
        return Dialects.forUrl(jdbcUrl).orElseThrow(() -> new IllegalArgumentException("Cannot tell the SQL "
                + "dialect from the url '" + JdbcUrls.redact(jdbcUrl) + "'. Set 'dialect=' (" + supported + ") in " + configName
                + ", or pass --dialect."));
    }
}
