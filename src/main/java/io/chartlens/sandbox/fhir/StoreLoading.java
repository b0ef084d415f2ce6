package io.chartlens.sandbox.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;

/**
 * Loads the sandbox data into a {@link StoreIndex}: the built-in bundles named in {@code sandbox/patients/index.txt}
 * (prerequisite batch bundles first, as their order there says), the sandbox users in
 * {@code sandbox/practitioners.json}, then every {@code *.json} Bundle of an optional extra folder in file-name
 * order. A patient bundle whose Patient is already loaded is skipped, because the built-in subset overlaps the
 * shared sample folder. Logs file names and counts only, never patient data.
 */
final class StoreLoading {

    private static final Logger LOG = Logger.getLogger(StoreLoading.class.getName());
    private static final String BUILT_IN = "sandbox/patients/";
    private static final String USERS = "sandbox/practitioners.json";

    private final IParser parser;
    private final BundleLoader loader;
    private final StoreIndex index;
    private final Date loadedAt = new Date();
    private int loadedFiles;
    private int skippedFiles;

    StoreLoading(FhirContext context, StoreIndex index) {
        this.parser = context.newJsonParser();
        this.loader = new BundleLoader(context);
        this.index = index;
    }

    void loadAll(Optional<Path> extraDataDir) {
        for (String name : builtInNames()) {
            loadBundle(name, parseBuiltIn(BUILT_IN + name));
        }
        loadBundle(USERS, parseBuiltIn(USERS));
        extraDataDir.ifPresent(this::loadFolder);
        LOG.info(() -> "Sandbox FHIR store: " + loadedFiles + " bundles loaded, " + skippedFiles
                + " skipped; resources per type " + index.counts());
    }

    private void loadFolder(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalStateException("chartlens.sandbox.data-dir is not a folder: " + folder);
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
        for (Path file : files) {
            parseFile(file).ifPresent(bundle -> loadBundle(file.getFileName().toString(), bundle));
        }
    }

    private void loadBundle(String name, Bundle bundle) {
        BundleLoader.Prepared prepared = loader.prepare(bundle, loadedAt, index::resolve);
        if (prepared.patientId().filter(id -> index.contains("Patient", id)).isPresent()) {
            skippedFiles++;
            LOG.info(() -> "Skipped " + name + ": its patient is already loaded");
            return;
        }
        boolean patientBundle = prepared.patientId().isPresent();
        int stored = 0;
        for (Resource resource : prepared.resources()) {
            // A patient's own resources replace; shared ones (Organizations in many bundles) keep the first copy.
            boolean replace = patientBundle && SearchProfiles.patientIdOf(resource).isPresent();
            stored += index.put(resource, replace) ? 1 : 0;
        }
        loadedFiles++;
        int count = stored;
        LOG.fine(() -> "Loaded " + name + ": " + count + " resources stored, "
                + prepared.unresolvedReferences() + " references left unresolved");
    }

    private List<String> builtInNames() {
        try (BufferedReader reader = new BufferedReader(open(BUILT_IN + "index.txt"))) {
            return reader.lines().map(String::strip).filter(s -> !s.isEmpty() && !s.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + BUILT_IN + "index.txt", e);
        }
    }

    private Bundle parseBuiltIn(String path) {
        try (Reader reader = open(path)) {
            return parser.parseResource(Bundle.class, reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read built-in sandbox data " + path, e);
        }
    }

    /** A Bundle, or empty (with a warning) for JSON that is not a FHIR Bundle, such as the folder's manifest.json. */
    private Optional<Bundle> parseFile(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            IBaseResource resource = parser.parseResource(reader);
            if (resource instanceof Bundle bundle) {
                return Optional.of(bundle);
            }
            LOG.warning(() -> "Skipped " + file.getFileName() + ": a " + resource.fhirType() + ", not a Bundle");
        } catch (DataFormatException e) {
            LOG.warning(() -> "Skipped " + file.getFileName() + ": not a FHIR resource (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        skippedFiles++;
        return Optional.empty();
    }

    private static Reader open(String path) {
        InputStream in = StoreLoading.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("built-in sandbox data missing from the classpath: " + path);
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
}
