package io.chartlens.sandbox;

import io.chartlens.sandbox.auth.SandboxDirectory;
import io.chartlens.sandbox.fhir.SandboxStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** The sandbox authorization server's view of who can sign in and which patients exist: the sandbox FHIR store. */
@ApplicationScoped
public class SandboxStoreDirectory implements SandboxDirectory {

    @Inject
    SandboxStore store;

    @Override
    public List<Choice> patients() {
        return store.patients().stream()
                .map(p -> new Choice(p.id(), p.displayName() + " (born "
                        + (p.birthDate() != null ? p.birthDate() : "unknown") + ", " + p.gender() + ")"))
                .toList();
    }

    @Override
    public List<Choice> users() {
        return store.practitioners().stream().map(p -> new Choice(p.id(), p.displayName())).toList();
    }
}
