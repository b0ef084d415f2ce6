package io.chartlens.bundles;

import static io.chartlens.testsupport.Browserless.attributeOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartlens.testsupport.Browserless;
import io.chartlens.testsupport.Deployments;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The draft-order endpoint's refusals and its partial failure, over HTTP against the deployed app. */
@ExtendWith(ArquillianExtension.class)
class DraftOrderIT {

    private static final String BASE = Deployments.baseUrl();
    private static final String READMISSION = "c01a0000-0000-4000-8000-000000000001";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.chartlens();
    }

    @Test
    void refusalsWriteNothingAndAFailedItemKeepsTheSelection() {
        Browserless browser = new Browserless();
        HttpResponse<String> chart = browser.get(BASE + "/sandbox/launch?patient=" + READMISSION);
        HttpResponse<String> summary = browser.follow(BASE + attributeOf(chart.body(), "chartlens-frame", "src"));
        String ctx = Browserless.query(summary.uri().toString()).get("ctx");
        String bundles = browser.get(BASE + attributeOf(summary.body(), "bundles", "data-fragment")).body();
        assertTrue(bundles.contains("Write selected as draft orders"), "writing is offered: " + bundles);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", field(bundles, "_csrf"));
        form.put("ctx", ctx);
        form.put("patient", field(bundles, "patient"));
        form.put("bundle", "readmission");
        form.put("requestKey", "draft-it-" + System.nanoTime());

        assertEquals(400, browser.postForm(BASE + "/summary/bundles/draft", form).statusCode(), "nothing selected");
        Map<String, String> otherPatient = new LinkedHashMap<>(form);
        otherPatient.put("patient", "0".repeat(64));
        otherPatient.put("item", "discharge-education");
        assertEquals(409, browser.postForm(BASE + "/summary/bundles/draft", otherPatient).statusCode());
        Map<String, String> noCsrf = new LinkedHashMap<>(form);
        noCsrf.remove("_csrf");
        noCsrf.put("item", "discharge-education");
        assertEquals(403, browser.postForm(BASE + "/summary/bundles/draft", noCsrf).statusCode());

        // an item that is not in the bundle fails; the page says so and keeps the selection for another try
        Map<String, String> partial = new LinkedHashMap<>(form);
        partial.put("item", "not-an-item");
        HttpResponse<String> failed = browser.postForm(BASE + "/summary/bundles/draft", partial);
        assertEquals(502, failed.statusCode(), failed.body());
        assertTrue(failed.body().contains("Not every item was written"), failed.body());
        assertTrue(failed.body().contains("not part of the bundle"), failed.body());
        assertTrue(failed.body().contains("class=\"draft-form\""), "the form comes back: " + failed.body());
    }

    private static String field(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]+)\"").matcher(html);
        assertTrue(m.find(), name + " in " + html);
        return m.group(1);
    }
}
