package io.chartlens.launch;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import io.chartlens.sandbox.SandboxSettings;
import io.chartlens.system.ConfigFiles;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import net.minidev.json.JSONObject;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The allow-list of EHRs, loaded once from {@code smart-config/ehrs/*.json}. Development-only registrations (the
 * sandbox) are loaded only when the sandbox is enabled. A registration that fails to load is reported by the
 * readiness check instead of being silently ignored.
 */
@ApplicationScoped
public class EhrRegistry {

    private static final Logger LOG = Logger.getLogger(EhrRegistry.class.getName());

    @Inject
    ConfigFiles configFiles;

    @Inject
    SandboxSettings sandbox;

    private final Map<String, EhrRegistration> byIss = new LinkedHashMap<>();
    private final Map<String, EhrRegistration> byId = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();

    @PostConstruct
    void load() {
        for (String file : configFiles.list("ehrs", ".json")) {
            try {
                EhrRegistration registration = EhrRegistration.parse(configFiles.readExpanded(file), this::credentials);
                if (registration.developmentOnly() && !sandbox.enabled()) {
                    continue;
                }
                if (byIss.containsKey(registration.iss()) || byId.containsKey(registration.id())) {
                    problems.add(file + ": duplicate iss or id");
                    continue;
                }
                byIss.put(registration.iss(), registration);
                byId.put(registration.id(), registration);
            } catch (ParseException | RuntimeException e) {
                problems.add(file + ": " + e.getMessage());
                LOG.severe("EHR registration " + file + " was not loaded: " + e.getMessage());
            }
        }
        LOG.info("EHR registrations loaded: " + byId.keySet());
    }

    /** The registration whose {@code iss} equals the given one (after normalisation), if any. */
    public Optional<EhrRegistration> byIss(String iss) {
        return Optional.ofNullable(byIss.get(EhrRegistration.normalizeIss(iss)));
    }

    public Optional<EhrRegistration> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Collection<EhrRegistration> all() {
        return List.copyOf(byId.values());
    }

    /** Files that could not be loaded, with the reason (no secrets). Empty when all is well. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /**
     * Resolves {@code clientAuthentication}. Production registrations take secrets only from the environment
     * ({@code jwkEnv}, {@code secretEnv}) or from an absolute {@code jwkFile} outside the repository; the committed,
     * well-known sandbox credentials are accepted only for development-only registrations.
     */
    private ClientCredentials credentials(JSONObject auth, boolean developmentOnly) throws ParseException {
        ClientAuthenticationMethod method;
        try {
            method = ClientAuthenticationMethod.parse(JSONObjectUtils.getString(auth, "method"));
        } catch (IllegalArgumentException e) {
            throw new ParseException(e.getMessage());
        }
        if (method == ClientAuthenticationMethod.CLIENT_SECRET_BASIC) {
            if (auth.containsKey("clientSecret")) {
                if (!developmentOnly) {
                    throw new ParseException("clientSecret may not be committed; use secretEnv");
                }
                return ClientCredentials.clientSecretBasic(new Secret(JSONObjectUtils.getString(auth, "clientSecret")));
            }
            return ClientCredentials.clientSecretBasic(new Secret(fromEnvironment(auth, "secretEnv")));
        }
        JWSAlgorithm algorithm = JWSAlgorithm.parse(JSONObjectUtils.getString(auth, "algorithm", "RS384"));
        String jwkJson;
        if (auth.containsKey("jwkEnv")) {
            jwkJson = fromEnvironment(auth, "jwkEnv");
        } else {
            String file = JSONObjectUtils.getString(auth, "jwkFile");
            if (Path.of(file).isAbsolute()) {
                jwkJson = readFile(Path.of(file));
            } else if (developmentOnly) {
                jwkJson = configFiles.read(file);
            } else {
                throw new ParseException("jwkFile must be an absolute path outside the repository: " + file);
            }
        }
        try {
            return ClientCredentials.privateKeyJwt(JWK.parse(jwkJson), algorithm);
        } catch (java.text.ParseException | IllegalArgumentException e) {
            throw new ParseException("Private JWK is not usable: " + e.getMessage());
        }
    }

    private static String fromEnvironment(JSONObject auth, String field) throws ParseException {
        String name = JSONObjectUtils.getString(auth, field);
        return ConfigProvider.getConfig().getOptionalValue(name, String.class)
                .filter(v -> !v.isBlank())
                .orElseThrow(() -> new ParseException("Environment variable " + name + " is not set"));
    }

    private static String readFile(Path path) throws ParseException {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new ParseException("Cannot read key file " + path + ": " + e.getMessage());
        }
    }
}
