package io.chartlens.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.IRestfulClientFactory;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import io.chartlens.launch.LaunchSession;
import io.chartlens.system.telemetry.Telemetry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Makes HAPI clients for a launch. One {@link FhirContext} for the application (it is expensive and thread-safe);
 * no {@code /metadata} fetch per client; connect and socket timeouts so that a slow EHR cannot hang a page. Every
 * request of a launch's client is traced ({@link FhirClientSpans}).
 */
@ApplicationScoped
public class FhirClients {

    private final FhirContext context;
    private final FhirClientSpans spans;

    @Inject
    public FhirClients(@ConfigProperty(name = "chartlens.fhir.connect-timeout-ms", defaultValue = "5000") int connectMs,
                       @ConfigProperty(name = "chartlens.fhir.read-timeout-ms", defaultValue = "20000") int readMs,
                       Telemetry telemetry) {
        spans = new FhirClientSpans(Telemetry.tracer(telemetry));
        context = FhirContext.forR4();
        IRestfulClientFactory factory = context.getRestfulClientFactory();
        factory.setServerValidationMode(ServerValidationModeEnum.NEVER);
        factory.setConnectTimeout(connectMs);
        factory.setConnectionRequestTimeout(connectMs);
        factory.setSocketTimeout(readMs);
        factory.setPoolMaxPerRoute(20);
        factory.setPoolMaxTotal(100);
    }

    /** For CDI proxies only. */
    protected FhirClients() {
        context = null;
        spans = null;
    }

    public FhirContext context() {
        return context;
    }

    /** A client for the launch's FHIR server with its current bearer token. */
    public IGenericClient forLaunch(LaunchSession launch) {
        IGenericClient client = context.newRestfulGenericClient(launch.fhirBase());
        client.registerInterceptor(new BearerTokenAuthInterceptor(launch.accessToken()));
        client.registerInterceptor(spans);
        return client;
    }
}
