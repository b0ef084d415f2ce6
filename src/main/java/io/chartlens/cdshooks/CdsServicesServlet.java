package io.chartlens.cdshooks;

import io.chartlens.system.AppSettings;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;
import net.minidev.json.JSONObject;

/**
 * The CDS Hooks 2.0 endpoints at the paths the spec fixes under the service base (ChartLens's base URL):
 * <ul>
 * <li>{@code GET /cds-services}: discovery;</li>
 * <li>{@code POST /cds-services/chartlens-patient-view}: the {@code patient-view} hook;</li>
 * <li>{@code POST /cds-services/chartlens-patient-view/feedback}: feedback.</li>
 * </ul>
 * Every call, discovery included, must carry a client JWT whose {@code aud} is the URL called (Trusting CDS
 * Clients); the URL is built from {@code chartlens.base-url}, never from the request's Host header. No HTTP session is
 * created on these paths. CORS preflights ({@code OPTIONS}) are answered without authentication.
 */
@WebServlet("/cds-services/*")
public class CdsServicesServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(CdsServicesServlet.class.getName());
    private static final String SERVICE = "/" + CdsDiscovery.SERVICE_ID;
    private static final String FEEDBACK = SERVICE + "/feedback";

    @Inject
    CdsClientAuthentication authentication;
    @Inject
    PatientViewService patientView;
    @Inject
    CdsFeedback feedback;
    @Inject
    CdsHooksSettings cdsSettings;
    @Inject
    AppSettings settings;

    @Override
    protected void doOptions(HttpServletRequest request, HttpServletResponse response) {
        CdsResponses.cors(response);
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        CdsResponses.cors(response);
        String path = path(request);
        try {
            if (!path.isEmpty()) {
                throw new CdsHooksException(path.equals(SERVICE) || path.equals(FEEDBACK)
                        ? CdsFailure.METHOD_NOT_ALLOWED : CdsFailure.NOT_FOUND, null);
            }
            authenticate(request, path);
            CdsResponses.json(response, HttpServletResponse.SC_OK, CdsDiscovery.document());
        } catch (CdsHooksException e) {
            CdsResponses.failure(request, response, e);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        CdsResponses.cors(response);
        String path = path(request);
        try {
            if (!path.equals(SERVICE) && !path.equals(FEEDBACK)) {
                throw new CdsHooksException(path.isEmpty() ? CdsFailure.METHOD_NOT_ALLOWED : CdsFailure.NOT_FOUND,
                        null);
            }
            long t0 = System.nanoTime();
            AuthenticatedCdsClient client = authenticate(request, path);
            long t1 = System.nanoTime();
            String body = CdsResponses.body(request, cdsSettings.maxRequestBytes());
            if (path.equals(SERVICE)) {
                long t2 = System.nanoTime();
                HookRequest hook = HookRequest.parse(body);
                long t3 = System.nanoTime();
                PatientViewService.Response cards = patientView.handle(client, hook);
                response.setHeader("Server-Timing", "auth;dur=" + ms(t0, t1) + ", body;dur=" + ms(t1, t2)
                        + ", request;dur=" + ms(t2, t3) + ", " + cards.serverTiming());
                LOG.fine(() -> "patient-view for client " + client.registration().id() + ": " + cards.cards()
                        + " card(s); " + cards.serverTiming());
                CdsResponses.json(response, HttpServletResponse.SC_OK, cards.body());
            } else {
                int recorded = feedback.record(client, FeedbackRequest.parse(body));
                JSONObject ok = new JSONObject();
                ok.put("recorded", recorded);
                CdsResponses.json(response, HttpServletResponse.SC_OK, ok);
            }
        } catch (CdsHooksException e) {
            CdsResponses.failure(request, response, e);
        } catch (RuntimeException e) {
            // never a stack trace with patient data in it: the type only
            LOG.log(Level.SEVERE, "CDS Hooks request failed: {0}", e.getClass().getName());
            CdsResponses.failure(request, response, new CdsHooksException(CdsFailure.INTERNAL_ERROR, null));
        }
    }

    private AuthenticatedCdsClient authenticate(HttpServletRequest request, String path) throws CdsHooksException {
        return authentication.authenticate(request.getHeader("Authorization"),
                settings.baseUrl() + "/cds-services" + path);
    }

    /** The path after {@code /cds-services}, without a trailing slash: "" for discovery. */
    private static String path(HttpServletRequest request) {
        String info = request.getPathInfo();
        if (info == null) {
            return "";
        }
        return info.endsWith("/") ? info.substring(0, info.length() - 1) : info;
    }

    private static long ms(long from, long to) {
        return (to - from) / 1_000_000;
    }
}
