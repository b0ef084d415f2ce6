package io.chartlens.system;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.WebApplicationTemplateResolver;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * Renders server-side pages with Thymeleaf. Templates live in {@code webapp/WEB-INF/templates/<feature>/<page>.html}
 * and get view records only (never tokens or raw FHIR resources). Thymeleaf's {@code th:text} escapes everything.
 */
@ApplicationScoped
public class Pages {

    @Inject
    @ConfigProperty(name = "chartlens.templates.cache", defaultValue = "true")
    boolean cacheTemplates;

    private volatile TemplateEngine engine;
    private volatile JakartaServletWebApplication application;

    /** Renders {@code template} (for example {@code "summary/summary"}) as text/html with the given status. */
    public void render(HttpServletRequest request, HttpServletResponse response, int status,
                       String template, Map<String, ?> model) throws IOException {
        TemplateEngine templateEngine = engine(request.getServletContext());
        WebContext context = new WebContext(application.buildExchange(request, response), request.getLocale());
        model.forEach(context::setVariable);
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        templateEngine.process(template, context, response.getWriter());
    }

    public void render(HttpServletRequest request, HttpServletResponse response, String template,
                       Map<String, ?> model) throws IOException {
        render(request, response, HttpServletResponse.SC_OK, template, model);
    }

    private TemplateEngine engine(ServletContext servletContext) {
        TemplateEngine current = engine;
        if (current == null) {
            synchronized (this) {
                if (engine == null) {
                    application = JakartaServletWebApplication.buildApplication(servletContext);
                    WebApplicationTemplateResolver resolver = new WebApplicationTemplateResolver(application);
                    resolver.setPrefix("/WEB-INF/templates/");
                    resolver.setSuffix(".html");
                    resolver.setTemplateMode(TemplateMode.HTML);
                    resolver.setCharacterEncoding("UTF-8");
                    resolver.setCacheable(cacheTemplates);
                    TemplateEngine created = new TemplateEngine();
                    created.setTemplateResolver(resolver);
                    engine = created;
                }
                current = engine;
            }
        }
        return current;
    }
}
