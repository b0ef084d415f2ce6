package io.chartlens.caregaps;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * A patient's care gaps as view records for the summary page: status, due date in words relative to the record's
 * reference date, reasons, and evidence with links.
 *
 * @param period   the measurement period in words
 * @param caveat   why every status may be wrong (sections that did not load), or null
 * @param cards    one per measure, most urgent first
 * @param openCount how many gaps are open or due soon
 */
public record CareGapPanel(String period, String caveat, List<Card> cards, int openCount) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    /** One measure's card. */
    public record Card(String id, String title, String status, String statusLabel, String due, boolean overdue,
                       List<String> reasons, List<Item> evidence, String specification, String specificationUrl,
                       String version) {
    }

    /** One evidence resource: {@code reference} is {@code Type/id} for the resource link. */
    public record Item(String reference, String display, String date, String role) {
    }

    public static CareGapPanel of(CareGapReport report) {
        LocalDate today = report.period().end();
        List<Card> cards = report.gaps().stream().map(g -> card(g, today)).toList();
        String caveat = report.complete() ? null : "Not everything loaded (" + String.join(", ",
                report.incompleteSections()) + "): a gap may show as open because its evidence is missing.";
        int open = (int) report.gaps().stream().filter(g -> g.status() == CareGapStatus.OPEN_GAP
                || g.status() == CareGapStatus.PROSPECTIVE_GAP).count();
        return new CareGapPanel(DAY.format(report.period().start()) + " – " + DAY.format(report.period().end()),
                caveat, cards, open);
    }

    static Card card(CareGap gap, LocalDate today) {
        String due = gap.dueDate().map(d -> dueText(gap.status(), d, today)).orElse(
                gap.status() == CareGapStatus.OPEN_GAP ? "Due now" : null);
        List<Item> items = gap.evidence().stream().map(e -> new Item(e.reference(), e.display(),
                e.date().map(DAY::format).orElse("no date"), e.role().description())).toList();
        MeasureDefinition m = gap.measure();
        return new Card(m.id(), m.title(), gap.status().code(), gap.status().label(), due,
                gap.overdueOn(today) && gap.status() != CareGapStatus.NOT_APPLICABLE, gap.reasons(), items,
                m.specification(), m.specificationUrl(), m.version());
    }

    static String dueText(CareGapStatus status, LocalDate due, LocalDate today) {
        long days = ChronoUnit.DAYS.between(today, due);
        if (status == CareGapStatus.OPEN_GAP && days < 0) {
            return "Overdue since " + DAY.format(due);
        }
        if (status == CareGapStatus.OPEN_GAP) {
            return "Due by " + DAY.format(due);
        }
        return "Next due " + DAY.format(due) + (days >= 0 && days <= 120 ? " (in " + days + " d)" : "");
    }
}
