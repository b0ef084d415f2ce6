package io.chartlens.system;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The JSON APIs live under {@code /api}. */
@ApplicationPath("/api")
public class RestApplication extends Application {
}
