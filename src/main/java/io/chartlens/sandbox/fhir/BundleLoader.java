package io.chartlens.sandbox.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.util.FhirTerser;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * Turns a transaction or batch Bundle into stored resources the way a FHIR server would process it, but keeping
 * the source's ids so that sample-data documentation (MANIFEST.md) and the app's tests can name them.
 *
 * <p>Id rule: a {@code PUT Type/id} request fixes the id (FHIR transaction semantics; this keeps inferno's numeric
 * {@code Patient/907}); otherwise the uuid of a {@code urn:uuid:} fullUrl; otherwise {@code resource.id}; otherwise
 * the id part of {@code request.url}. Every {@code urn:uuid:} reference to an entry of the same bundle becomes
 * {@code Type/id}; identifier-based conditional references are resolved through the given resolver.
 */
final class BundleLoader {

    private static final String URN_UUID = "urn:uuid:";

    /** The outcome of preparing one bundle; counts only, so it can be logged without PHI. */
    record Prepared(List<Resource> resources, Optional<String> patientId, int unresolvedReferences) {
    }

    private final FhirContext context;

    BundleLoader(FhirContext context) {
        this.context = context;
    }

    /**
     * @param bundle   the parsed bundle; its resources are modified in place and must not be used by the caller
     * @param loadedAt the instant set as meta.lastUpdated where the source has none
     * @param resolver finds the id of the single loaded resource with an identifier, or empty
     */
    Prepared prepare(Bundle bundle, Date loadedAt, Function<ConditionalReference, Optional<String>> resolver) {
        Map<String, String> fullUrls = new HashMap<>();
        List<Resource> resources = new ArrayList<>();
        Optional<String> patientId = Optional.empty();
        for (BundleEntryComponent entry : bundle.getEntry()) {
            Resource resource = entry.getResource();
            if (resource == null) {
                continue;
            }
            String type = resource.fhirType();
            String id = entryId(entry, resource)
                    .orElseThrow(() -> new IllegalArgumentException("a " + type + " entry has no usable id"));
            resource.setIdElement(new IdType(type, id));
            resource.getMeta().setVersionId("1");
            if (!resource.getMeta().hasLastUpdated()) {
                resource.getMeta().setLastUpdated(loadedAt);
            }
            if (entry.hasFullUrl()) {
                fullUrls.put(entry.getFullUrl(), type + "/" + id);
            }
            if (resource instanceof Patient) {
                patientId = Optional.of(id);
            }
            resources.add(resource);
        }
        int unresolved = 0;
        FhirTerser terser = context.newTerser();
        for (Resource resource : resources) {
            for (Reference reference : terser.getAllPopulatedChildElementsOfType(resource, Reference.class)) {
                unresolved += rewrite(reference, fullUrls, resolver) ? 0 : 1;
            }
        }
        return new Prepared(resources, patientId, unresolved);
    }

    /** @return false when the reference needed rewriting but could not be resolved */
    private static boolean rewrite(Reference reference, Map<String, String> fullUrls,
                                   Function<ConditionalReference, Optional<String>> resolver) {
        String value = reference.getReference();
        if (value == null) {
            return true;
        }
        if (!value.startsWith("#")) {
            // HAPI's parser links references to the bundle's other entries; stored resources must stand alone,
            // or every search would drag linked resources along (and keep whole bundles reachable).
            reference.setResource(null);
        }
        if (value.startsWith(URN_UUID)) {
            String target = fullUrls.get(value);
            if (target != null) {
                reference.setReference(target);
            }
            return target != null;
        }
        Optional<ConditionalReference> conditional = ConditionalReference.parse(value);
        if (conditional.isPresent()) {
            Optional<String> id = resolver.apply(conditional.get());
            id.ifPresent(found -> reference.setReference(conditional.get().resourceType() + "/" + found));
            return id.isPresent();
        }
        return true;
    }

    private static Optional<String> entryId(BundleEntryComponent entry, Resource resource) {
        if (entry.hasRequest() && entry.getRequest().getMethod() == Bundle.HTTPVerb.PUT) {
            Optional<String> put = idOfUrl(entry.getRequest().getUrl());
            if (put.isPresent()) {
                return put;
            }
        }
        String fullUrl = entry.getFullUrl();
        if (fullUrl != null && fullUrl.startsWith(URN_UUID) && fullUrl.length() > URN_UUID.length()) {
            return Optional.of(fullUrl.substring(URN_UUID.length()));
        }
        if (resource.hasIdElement() && resource.getIdElement().hasIdPart()) {
            return Optional.of(resource.getIdElement().getIdPart());
        }
        return entry.hasRequest() ? idOfUrl(entry.getRequest().getUrl()) : Optional.empty();
    }

    private static Optional<String> idOfUrl(String url) {
        if (url == null || url.contains("?")) {
            return Optional.empty();
        }
        IdType id = new IdType(url);
        return id.hasIdPart() && id.hasResourceType() ? Optional.of(id.getIdPart()) : Optional.empty();
    }
}
