package io.chartlens.aisummary;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import io.chartlens.system.ConfigFiles;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import net.minidev.json.JSONObject;

/**
 * The model routes of {@value #FILE}: per task, which OpenAI-compatible models to try in order, resolved against
 * the environment once, when parsed. The file names environment variables, never values, so no URL, model or key
 * lives in the repository:
 *
 * <pre>{@code
 * {
 *   "routes": {"patient-summary": {"chain": ["primary", "fallback"], "timeoutMs": 8000}},
 *   "models": {
 *     "primary": {"baseUrlEnv": "CHARTLENS_LLM_BASE_URL", "modelEnv": "CHARTLENS_LLM_MODEL",
 *                 "apiKeyEnv": "CHARTLENS_LLM_API_KEY"},
 *     "local":   {"baseUrlEnv": "LOCAL_LLM_URL", "modelEnv": "LOCAL_LLM_MODEL", "allowPlainHttp": true}
 *   }
 * }
 * }</pre>
 *
 * <p>A model is configured when every variable it names is set and not blank; otherwise it is left out of every
 * chain (and the route says which variables were unset). With no model configured a route is empty and the page
 * shows the deterministic summary. {@code apiKeyEnv} may be omitted for a server that needs no key.
 * {@code timeoutMs} (default {@value #DEFAULT_TIMEOUT_MS}) applies to each model of the chain. A base URL must be
 * https, except on loopback or with {@code "allowPlainHttp": true}: the key and the facts would otherwise cross the
 * network in clear.
 */
public final class SummaryRoutes {

    /** Where the routes live, relative to {@code smart-config/}. */
    public static final String FILE = "ai/routes.json";
    public static final int DEFAULT_TIMEOUT_MS = 8000;
    static final int MAX_TIMEOUT_MS = 120_000;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.\\-]{0,63}");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");

    private final Map<String, SummaryRoute> routes;

    private SummaryRoutes(Map<String, SummaryRoute> routes) {
        this.routes = Map.copyOf(routes);
    }

    /**
     * Reads {@value #FILE} from the configuration tree and resolves it against the process environment.
     *
     * @throws IllegalStateException if the file is missing or invalid, with the reason
     */
    public static SummaryRoutes fromConfig(ConfigFiles files) {
        try {
            return parse(files.read(FILE), System::getenv);
        } catch (SummaryRoutesException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /**
     * Parses the file's JSON.
     *
     * @param json the file's text
     * @param env  the environment: variable name to value, null when unset (production: {@code System::getenv})
     * @throws SummaryRoutesException naming the file and the first problem found
     */
    public static SummaryRoutes parse(String json, Function<String, String> env) throws SummaryRoutesException {
        Objects.requireNonNull(env, "env");
        try {
            JSONObject root = JSONObjectUtils.parse(json == null ? "" : json);
            Map<String, Resolved> models = models(JSONObjectUtils.getJSONObject(root, "models"), env);
            JSONObject routeObjects = JSONObjectUtils.getJSONObject(root, "routes");
            Map<String, SummaryRoute> routes = new LinkedHashMap<>();
            for (String task : routeObjects.keySet()) {
                routes.put(checkedName("route", task), route(task,
                        JSONObjectUtils.getJSONObject(routeObjects, task), models));
            }
            return new SummaryRoutes(routes);
        } catch (ParseException | IllegalArgumentException e) {
            throw new SummaryRoutesException("smart-config/" + FILE + " is invalid: " + e.getMessage(), e);
        }
    }

    /**
     * The route of one task. A task the file does not name gets an empty route (the deterministic summary), saying
     * so in {@link SummaryRoute#notConfigured()}.
     */
    public SummaryRoute route(String task) {
        SummaryRoute route = routes.get(task);
        return route != null ? route : SummaryRoute.deterministicOnly(task,
                Duration.ofMillis(DEFAULT_TIMEOUT_MS), "no route for task " + task + " in smart-config/" + FILE);
    }

    /** The tasks the file names. */
    public List<String> tasks() {
        return routes.keySet().stream().sorted().toList();
    }

    private static SummaryRoute route(String task, JSONObject o, Map<String, Resolved> models) throws ParseException {
        long timeoutMs = JSONObjectUtils.getLong(o, "timeoutMs", DEFAULT_TIMEOUT_MS);
        if (timeoutMs < 1 || timeoutMs > MAX_TIMEOUT_MS) {
            throw new ParseException("route " + task + ": timeoutMs must be 1 to " + MAX_TIMEOUT_MS
                    + " (was " + timeoutMs + ")");
        }
        List<String> names = JSONObjectUtils.getStringList(o, "chain");
        List<SummaryRoute.Model> chain = new ArrayList<>();
        List<String> notConfigured = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            Resolved model = models.get(name);
            if (model == null) {
                throw new ParseException("route " + task + " names model " + name + ", which \"models\" does not "
                        + "define");
            }
            if (!seen.add(name)) {
                throw new ParseException("route " + task + " names model " + name + " twice");
            }
            if (model.model() != null) {
                chain.add(model.model());
            } else {
                notConfigured.add(model.why());
            }
        }
        return new SummaryRoute(task, chain, Duration.ofMillis(timeoutMs), notConfigured);
    }

    private static Map<String, Resolved> models(JSONObject o, Function<String, String> env) throws ParseException {
        Map<String, Resolved> models = new LinkedHashMap<>();
        for (String name : o.keySet()) {
            models.put(checkedName("model", name), model(name, JSONObjectUtils.getJSONObject(o, name), env));
        }
        return models;
    }

    private static Resolved model(String name, JSONObject o, Function<String, String> env) throws ParseException {
        String baseUrlEnv = envName(name, "baseUrlEnv", JSONObjectUtils.getString(o, "baseUrlEnv"));
        String modelEnv = envName(name, "modelEnv", JSONObjectUtils.getString(o, "modelEnv"));
        String apiKeyEnv = o.containsKey("apiKeyEnv")
                ? envName(name, "apiKeyEnv", JSONObjectUtils.getString(o, "apiKeyEnv")) : null;
        boolean allowPlainHttp = JSONObjectUtils.getBoolean(o, "allowPlainHttp", false);

        List<String> unset = new ArrayList<>();
        String baseUrl = lookUp(env, baseUrlEnv, unset);
        String modelName = lookUp(env, modelEnv, unset);
        String apiKey = apiKeyEnv == null ? null : lookUp(env, apiKeyEnv, unset);
        if (!unset.isEmpty()) {
            return new Resolved(null, name + ": " + String.join(", ", unset) + " unset");
        }
        SummaryRoute.Model model = new SummaryRoute.Model(name, checkedUrl(name, baseUrlEnv, baseUrl), modelName,
                apiKey);
        if (model.baseUrl().startsWith("http://") && !allowPlainHttp && !model.isLoopback()) {
            throw new ParseException("model " + name + ": " + baseUrlEnv + " must be an https URL (or set "
                    + "\"allowPlainHttp\": true for a server on a trusted network)");
        }
        return new Resolved(model, null);
    }

    private static String lookUp(Function<String, String> env, String variable, List<String> unset) {
        String value = env.apply(variable);
        if (value == null || value.isBlank()) {
            unset.add(variable);
            return null;
        }
        return value.strip();
    }

    private static String checkedUrl(String model, String variable, String value) throws ParseException {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme();
            if (uri.getHost() == null || !("https".equals(scheme) || "http".equals(scheme))
                    || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
                throw new ParseException("model " + model + ": " + variable + " must be an http(s) URL without "
                        + "query, fragment or user info");
            }
            return value;
        } catch (URISyntaxException e) {
            throw new ParseException("model " + model + ": " + variable + " is not a URL", e);
        }
    }

    private static String envName(String model, String field, String value) throws ParseException {
        if (value == null || !ENV_NAME.matcher(value).matches()) {
            throw new ParseException("model " + model + ": " + field + " must name an environment variable "
                    + "(letters, digits, underscores)");
        }
        return value;
    }

    private static String checkedName(String what, String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("bad " + what + " name \"" + name + "\" (letters, digits, '_', '.', "
                    + "'-'; at most 64)");
        }
        return name;
    }

    /** A model of the file: configured ({@code model} set) or not ({@code why} set). */
    private record Resolved(SummaryRoute.Model model, String why) {
    }
}
