package io.chartlens.sandbox.auth;

import java.util.List;
import java.util.Optional;

/**
 * The people the sandbox's standalone-launch page lets a developer choose from: the sandbox users (practitioners)
 * and patients. Implemented outside this package over the sandbox FHIR store.
 */
public interface SandboxDirectory {

    /** One choosable person: a FHIR resource id and a label for the picker (never PHI in the sandbox). */
    record Choice(String id, String label) {}

    /** The sandbox patients, for the standalone patient picker (SMART App Launch 2.x §2.0.9 launch/patient). */
    List<Choice> patients();

    /** The sandbox users, each a Practitioner id (for example {@code sandbox-clinician}). */
    List<Choice> users();

    /** The user with {@code id}, if there is one. */
    default Optional<Choice> user(String id) {
        return users().stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** The patient with {@code id}, if there is one. */
    default Optional<Choice> patient(String id) {
        return patients().stream().filter(c -> c.id().equals(id)).findFirst();
    }
}
