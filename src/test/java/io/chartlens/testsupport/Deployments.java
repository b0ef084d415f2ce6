package io.chartlens.testsupport;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The real built war, deployed by Arquillian under a name that cannot clash with a server.xml application. */
public final class Deployments {

    private Deployments() {
    }

    public static WebArchive chartlens() {
        File war = new File(System.getProperty("it.war", "target/chartlens.war"));
        if (!war.isFile()) {
            throw new IllegalStateException("Build the war first (mvn verify): " + war);
        }
        return ShrinkWrap.create(ZipImporter.class, "chartlens-it.war").importFrom(war).as(WebArchive.class);
    }

    /**
     * Waits until the deployed application reports ready ({@code /health/ready} answers 200, which includes the
     * care-gap CQL translated at start), polling every half second for at most {@code maxWait}; returns the last
     * answer, ready or not, for the caller to assert on or report. A load balancer sends no traffic before this, so
     * a benchmark must not either.
     */
    public static java.net.http.HttpResponse<String> awaitReady(java.time.Duration maxWait) throws InterruptedException {
        long deadline = System.nanoTime() + maxWait.toNanos();
        java.net.http.HttpResponse<String> ready = new Browserless().get(baseUrl() + "/health/ready");
        while (ready.statusCode() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(500);
            ready = new Browserless().get(baseUrl() + "/health/ready");
        }
        return ready;
    }

    /** The base URL of the server under test, e.g. http://localhost:9080 (no trailing slash). */
    public static String baseUrl() {
        return "http://localhost:" + System.getProperty("it.http.port", "9080");
    }
}
