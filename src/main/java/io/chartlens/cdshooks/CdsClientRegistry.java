package io.chartlens.cdshooks;

import com.nimbusds.oauth2.sdk.ParseException;
import io.chartlens.launch.EhrRegistration;
import io.chartlens.launch.EhrRegistry;
import io.chartlens.sandbox.SandboxSettings;
import io.chartlens.system.ConfigFiles;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The allow-list of CDS clients, loaded once from {@code smart-config/cds-clients/*.json}, like the EHR registry:
 * development-only registrations (the sandbox client) only when the sandbox is enabled, and a registration that
 * fails to load (or names an EHR that is not registered) is reported by the readiness check, never silently
 * ignored.
 */
@ApplicationScoped
public class CdsClientRegistry {

    private static final Logger LOG = Logger.getLogger(CdsClientRegistry.class.getName());

    @Inject
    ConfigFiles configFiles;
    @Inject
    SandboxSettings sandbox;
    @Inject
    EhrRegistry ehrs;

    private final Map<String, CdsClientRegistration> byIss = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();

    @PostConstruct
    void load() {
        for (String file : configFiles.list("cds-clients", ".json")) {
            try {
                CdsClientRegistration client = CdsClientRegistration.parse(configFiles.readExpanded(file));
                if (client.developmentOnly() && !sandbox.enabled()) {
                    continue;
                }
                if (ehrs.byId(client.ehr()).isEmpty()) {
                    problems.add(file + ": ehr " + client.ehr() + " is not a registered EHR");
                } else if (byIss.containsKey(client.iss())
                        || byIss.values().stream().anyMatch(c -> c.id().equals(client.id()))) {
                    problems.add(file + ": duplicate iss or id");
                } else {
                    byIss.put(client.iss(), client);
                }
            } catch (ParseException | RuntimeException e) {
                problems.add(file + ": " + e.getMessage());
                LOG.severe("CDS client registration " + file + " was not loaded: " + e.getMessage());
            }
        }
        LOG.info("CDS client registrations loaded: " + byIss.values().stream().map(CdsClientRegistration::id).toList());
    }

    /** The client whose {@code iss} equals the given one (after normalisation), if any. */
    public Optional<CdsClientRegistration> byIss(String iss) {
        return iss == null ? Optional.empty() : Optional.ofNullable(byIss.get(EhrRegistration.normalizeIss(iss)));
    }

    public Collection<CdsClientRegistration> all() {
        return List.copyOf(byIss.values());
    }

    /** Files that could not be loaded, with the reason. Empty when all is well. */
    public List<String> problems() {
        return List.copyOf(problems);
    }
}
