package io.chartlens.launch;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * At start, installs the keys that seal launch state and refuses to start when sessions are shared (Redis or a
 * database) but no valid key is configured: tokens must never rest in a shared store in the clear, and instances
 * with different random keys could not read each other's sessions.
 */
@WebListener
public class SessionStoreCheck implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(SessionStoreCheck.class.getName());

    @Override
    public void contextInitialized(ServletContextEvent event) {
        Config config = ConfigProvider.getConfig();
        SessionStore store = SessionStore.parse(config.getOptionalValue("chartlens.session.store", String.class)
                .orElse("memory"));
        install(store, config.getOptionalValue("chartlens.session.key", String.class),
                config.getOptionalValue("chartlens.session.previous-keys", String.class));
    }

    /** The decision, apart from the container: throws with the reason when the configuration cannot work. */
    static SessionKeys install(SessionStore store, Optional<String> key, Optional<String> previousKeys) {
        Optional<String> present = key.filter(k -> !k.isBlank());
        if (present.isEmpty()) {
            if (store.shared()) {
                throw new IllegalStateException("Sessions are kept in " + store.name().toLowerCase()
                        + " (CHARTLENS_SESSION_STORE), so CHARTLENS_SESSION_KEY is required: the base64 of 32 random "
                        + "bytes shared by every instance (openssl rand -base64 32). ChartLens will not start.");
            }
            SessionKeys keys = SessionKeys.ephemeral();
            SessionKeys.install(keys);
            LOG.info("Sessions are kept in memory on this instance only (CHARTLENS_SESSION_STORE=memory).");
            return keys;
        }
        SessionKeys keys = SessionKeys.parse(present.get(), previousKeys);
        SessionKeys.install(keys);
        LOG.info("Sessions are kept in " + store.name().toLowerCase() + "; launch state is sealed with AES-256-GCM ("
                + keys.size() + " key(s) accepted).");
        return keys;
    }
}
