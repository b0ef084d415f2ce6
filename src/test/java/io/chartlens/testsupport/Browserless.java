package io.chartlens.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A minimal browser for integration tests: it keeps cookies by name (ignoring Secure, since the tests speak plain
 * HTTP to localhost, as a browser may), never follows redirects by itself, and records each hop so tests can inspect
 * the OAuth redirects on the way.
 */
public final class Browserless {

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();
    // Synchronized: the benchmark shares one client between threads.
    private final Map<String, String> cookies = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
    private final List<HttpResponse<String>> hops = java.util.Collections.synchronizedList(new ArrayList<>());

    public HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    public HttpResponse<String> postForm(String url, Map<String, String> form) {
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&")
                .append(java.net.URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                .append(java.net.URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    /** GETs {@code url} and follows redirects (at most 10), returning the final response. */
    public HttpResponse<String> follow(String url) {
        HttpResponse<String> response = get(url);
        for (int i = 0; i < 10 && isRedirect(response); i++) {
            response = get(response.uri().resolve(location(response)).toString());
        }
        return response;
    }

    /** Follows the redirects of a response already received. */
    public HttpResponse<String> followFrom(HttpResponse<String> response) {
        HttpResponse<String> current = response;
        for (int i = 0; i < 10 && isRedirect(current); i++) {
            current = get(current.uri().resolve(location(current)).toString());
        }
        return current;
    }

    public List<HttpResponse<String>> hops() {
        synchronized (hops) {
            return List.copyOf(hops);
        }
    }

    public Optional<String> cookie(String name) {
        return Optional.ofNullable(cookies.get(name));
    }

    public void clearCookies() {
        cookies.clear();
    }

    public static boolean isRedirect(HttpResponse<?> response) {
        return response.statusCode() >= 300 && response.statusCode() < 400;
    }

    public static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElseThrow(() ->
                new AssertionError("No Location header on HTTP " + response.statusCode() + " " + response.uri()));
    }

    /** The query parameters of a URL, decoded. */
    public static Map<String, String> query(String url) {
        Map<String, String> params = new LinkedHashMap<>();
        String query = URI.create(url).getRawQuery();
        if (query == null) {
            return params;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(key, value);
        }
        return params;
    }

    /** The value of attribute {@code attr} of the first element with {@code id}, HTML-unescaped. */
    public static String attributeOf(String html, String id, String attr) {
        Matcher m = Pattern.compile("<[^>]*id=\"" + Pattern.quote(id) + "\"[^>]*>", Pattern.DOTALL).matcher(html);
        if (!m.find()) {
            throw new AssertionError("No element with id " + id);
        }
        Matcher a = Pattern.compile("\\s" + Pattern.quote(attr) + "=\"([^\"]*)\"").matcher(m.group());
        if (!a.find()) {
            throw new AssertionError("Element " + id + " has no " + attr);
        }
        return unescape(a.group(1));
    }

    public static String unescape(String s) {
        return s.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'");
    }

    private HttpResponse<String> send(HttpRequest.Builder builder) {
        synchronized (cookies) {
            if (!cookies.isEmpty()) {
                StringBuilder header = new StringBuilder();
                cookies.forEach((k, v) -> header.append(header.isEmpty() ? "" : "; ").append(k).append('=').append(v));
                builder.header("Cookie", header.toString());
            }
        }
        builder.timeout(Duration.ofSeconds(60));
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            for (String setCookie : response.headers().allValues("Set-Cookie")) {
                String pair = setCookie.split(";", 2)[0];
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    cookies.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
                }
            }
            hops.add(response);
            return response;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
