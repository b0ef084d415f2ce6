package io.chartlens.system.telemetry;

import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * Maps {@link QueryRedactionFilter} behind the runtime's HTTP tracing filter. Liberty's MicroProfile Telemetry adds
 * that filter from a ServletContainerInitializer, mapped after the declared filters; initializers run before
 * listeners, so a filter mapped here, also after the declared ones, comes after it and sees its span as current.
 * (An annotated {@code @WebFilter} would run before it, when there is no span yet.)
 */
@WebListener
public class TelemetryFilters implements ServletContextListener {

    static final String FILTER_NAME = "chartlens-span-query-redaction";

    @Override
    public void contextInitialized(ServletContextEvent event) {
        FilterRegistration.Dynamic filter = event.getServletContext().addFilter(FILTER_NAME, new QueryRedactionFilter());
        if (filter != null) {
            filter.setAsyncSupported(true);
            filter.addMappingForUrlPatterns(null, true, "/*");
        }
    }
}
