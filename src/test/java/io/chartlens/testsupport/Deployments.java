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

    /** The base URL of the server under test, e.g. http://localhost:9080 (no trailing slash). */
    public static String baseUrl() {
        return "http://localhost:" + System.getProperty("it.http.port", "9080");
    }
}
