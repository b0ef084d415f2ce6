package io.chartlens.bundles;

import io.chartlens.record.Code;
import io.chartlens.record.Entries.DocumentEntry;
import io.chartlens.record.Entries.EncounterEntry;
import io.chartlens.record.Entries.ImmunizationEntry;
import io.chartlens.record.Entries.MedicationEntry;
import io.chartlens.record.Entries.ProcedureEntry;
import io.chartlens.record.Measurement;
import io.chartlens.record.PatientRecord;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;

/**
 * Whether the patient already has an item, and which record entry shows it. Done (within the item's look-back from
 * the reference date) wins over ordered. Ordered: an open order or current medication with the item's draft-order
 * identifier, its own code, or a {@link SatisfiedBy} code or ingredient; a booked (planned) visit of a satisfying
 * type. Done: a completed procedure or immunization, a finished visit, a diagnostic report of a satisfying code, or a
 * measurement of a satisfying kind. Codes are matched on system and code, never on display.
 */
final class Holdings {

    private static final Set<String> CURRENT_MEDICATION = Set.of("active", "on-hold", "draft");
    private static final Set<String> BOOKED_VISIT = Set.of("planned", "arrived", "triaged", "in-progress");

    private Holdings() {
    }

    static SuggestedBundle.Item item(BundleItem item, String draftIdentifier, PatientRecord record,
                                     ExistingOrders orders) {
        Optional<SuggestedBundle.Holding> done = done(item, record);
        if (done.isPresent()) {
            return new SuggestedBundle.Item(item, ItemStatus.ALREADY_DONE, done);
        }
        Optional<SuggestedBundle.Holding> ordered = ordered(item, draftIdentifier, record, orders);
        return new SuggestedBundle.Item(item, ordered.isPresent() ? ItemStatus.ALREADY_ORDERED : ItemStatus.SUGGESTED,
                ordered);
    }

    private static Optional<SuggestedBundle.Holding> done(BundleItem item, PatientRecord record) {
        SatisfiedBy by = item.satisfiedBy();
        LocalDate today = record.referenceDate().value().atOffset(ZoneOffset.UTC).toLocalDate();
        for (ProcedureEntry p : record.procedures()) {
            if ("completed".equals(p.status()) && matches(by, p.code()) && by.recent(day(p.performed()), today)) {
                return holding(p.source(), p.code(), p.status(), p.performed());
            }
        }
        for (ImmunizationEntry i : record.immunizations()) {
            if ("completed".equals(i.status()) && matches(by, i.vaccine()) && by.recent(day(i.occurrence()), today)) {
                return holding(i.source(), i.vaccine(), i.status(), i.occurrence());
            }
        }
        for (EncounterEntry e : record.encounters()) {
            if ("finished".equals(e.status()) && matches(by, e.type()) && by.recent(day(e.start()), today)) {
                return holding(e.source(), e.type(), e.status(), e.start());
            }
        }
        for (DocumentEntry d : record.documents()) {
            if ("DiagnosticReport".equals(d.resourceType()) && matches(by, d.type()) && by.recent(day(d.date()), today)) {
                return holding(d.source(), d.type(), "final", d.date());
            }
        }
        for (Measurement m : record.measurements()) {
            if (by.observationKinds().contains(m.kind()) && by.recent(day(m.effective()), today)) {
                return Optional.of(new SuggestedBundle.Holding(m.source(), m.label() + " " + m.display(), "final",
                        Optional.ofNullable(day(m.effective()))));
            }
        }
        return Optional.empty();
    }

    private static Optional<SuggestedBundle.Holding> ordered(BundleItem item, String draftIdentifier,
                                                             PatientRecord record, ExistingOrders orders) {
        SatisfiedBy by = item.satisfiedBy();
        for (ExistingOrders.ExistingOrder o : orders.orders()) {
            boolean sameCode = o.what().codings().stream().anyMatch(c -> ownCode(item, c) || matches(by, c));
            if (o.draftIdentifiers().contains(draftIdentifier) || sameCode) {
                return Optional.of(new SuggestedBundle.Holding(o.reference(), o.what().text(), o.status(), o.date()));
            }
        }
        for (MedicationEntry m : record.medications()) {
            if (CURRENT_MEDICATION.contains(m.status()) && (matches(by, m.medication()) || ownCode(item, m.medication())
                    || by.ingredients().stream().anyMatch(i -> i.matches(m)))) {
                return holding(m.source(), m.medication(), m.status(), m.authoredOn());
            }
        }
        for (EncounterEntry e : record.encounters()) {
            if (BOOKED_VISIT.contains(e.status()) && matches(by, e.type())) {
                return holding(e.source(), e.type(), e.status(), e.start());
            }
        }
        return Optional.empty();
    }

    private static boolean ownCode(BundleItem item, Code code) {
        return code.code() != null && item.what().codings().stream()
                .anyMatch(c -> c.code().equals(code.code()) && java.util.Objects.equals(c.system(), code.system()));
    }

    private static boolean matches(SatisfiedBy by, Code code) {
        return by.matches(code.system(), code.code());
    }

    private static Optional<SuggestedBundle.Holding> holding(String source, Code code, String status,
                                                             OffsetDateTime date) {
        return Optional.of(new SuggestedBundle.Holding(source, code.display(), status, Optional.ofNullable(day(date))));
    }

    private static LocalDate day(OffsetDateTime date) {
        return date == null ? null : date.atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
    }
}
