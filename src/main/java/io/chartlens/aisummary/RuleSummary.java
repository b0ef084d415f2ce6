package io.chartlens.aisummary;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The deterministic summary, built by rules from the {@link SummaryFacts} with no model, so the product works offline
 * and in CI. Facts that share a kind and a topic ({@code Topic: detail}) become one statement that cites each of
 * them ("Active problems: Hypertension, onset 10 y before; ..."). Statements come most important first: admissions,
 * abnormal labs, scores in a raised band, care gaps, emergency and recent encounters, problems, medication changes,
 * allergies; each kind has a statement budget so one kind cannot crowd out the others.
 *
 * <p>A statement's text is its facts' texts joined under their topic, with day counts of 60 or more shown in months
 * or years ({@link RelativeDates#readable}); no number is added. Since each fact's numbers are in the resource it
 * cites, each statement passes the {@link StatementVerifier} by construction.
 */
public final class RuleSummary {

    /** The most statements a summary has. */
    public static final int MAX_STATEMENTS = 12;
    /** The most facts one statement joins. */
    static final int MAX_FACTS_PER_STATEMENT = 5;

    /** Kinds in order of importance, each with its most statements. */
    private static final Map<String, Integer> BUDGET = budget();
    private static final Map<String, String> PLURALS = Map.of(
            "Inpatient admission", "Inpatient admissions", "Emergency visit", "Emergency visits",
            "Active problem", "Active problems", "Open care gap", "Open care gaps",
            "Care gap due soon", "Care gaps due soon", "Medication started", "Medications started",
            "Medication stopped", "Medications stopped", "Active allergy", "Active allergies");

    private RuleSummary() {
    }

    /** At most {@link #MAX_STATEMENTS} statements. */
    public static List<CitedStatement> statements(List<SummaryFact> facts) {
        return statements(facts, MAX_STATEMENTS);
    }

    /**
     * The summary of these facts, most important first.
     *
     * @param facts         from {@link SummaryFacts#from}, in its order
     * @param maxStatements the most statements to return, at least 1
     */
    public static List<CitedStatement> statements(List<SummaryFact> facts, int maxStatements) {
        Objects.requireNonNull(facts, "facts");
        if (maxStatements < 1) {
            throw new IllegalArgumentException("maxStatements must be at least 1: " + maxStatements);
        }
        Map<String, List<SummaryFact>> groups = new LinkedHashMap<>();
        for (SummaryFact fact : facts) {
            groups.computeIfAbsent(fact.kind() + "\n" + topic(fact.text()), k -> new ArrayList<>()).add(fact);
        }
        List<String> importance = new ArrayList<>(BUDGET.keySet());
        List<List<SummaryFact>> ordered = groups.values().stream()
                .sorted(Comparator.comparingInt(g -> rank(importance, g.get(0).kind()))).toList();
        Map<String, Integer> used = new LinkedHashMap<>();
        List<CitedStatement> out = new ArrayList<>();
        for (List<SummaryFact> group : ordered) {
            String kind = group.get(0).kind();
            if (out.size() >= maxStatements || used.getOrDefault(kind, 0) >= BUDGET.getOrDefault(kind, 1)) {
                continue;
            }
            statement(group).ifPresent(s -> {
                out.add(s);
                used.merge(kind, 1, Integer::sum);
            });
        }
        return List.copyOf(out);
    }

    /** One statement for facts of one kind and topic, as many of them as fit, or empty when none fits. */
    private static Optional<CitedStatement> statement(List<SummaryFact> group) {
        String topic = topic(group.get(0).text());
        List<String> details = new ArrayList<>();
        Set<String> citations = new LinkedHashSet<>();
        String text = null;
        for (SummaryFact fact : group) {
            if (details.size() == MAX_FACTS_PER_STATEMENT) {
                break;
            }
            String detail = RelativeDates.readable(detail(fact.text()));
            List<String> tried = new ArrayList<>(details);
            tried.add(detail);
            String heading = tried.size() > 1 ? PLURALS.getOrDefault(topic, topic) : topic;
            String candidate = (detail.isEmpty() && tried.size() == 1 ? heading : heading + ": "
                    + String.join("; ", tried)) + ".";
            if (candidate.length() > StatementVerifier.MAX_LENGTH) {
                break;
            }
            details = tried;
            citations.add(fact.reference());
            text = candidate;
        }
        return text == null ? Optional.empty()
                : Optional.of(new CitedStatement(text, List.copyOf(citations)));
    }

    private static String topic(String text) {
        int colon = text.indexOf(": ");
        return colon < 0 ? text : text.substring(0, colon);
    }

    private static String detail(String text) {
        int colon = text.indexOf(": ");
        return colon < 0 ? "" : text.substring(colon + 2);
    }

    private static int rank(List<String> importance, String kind) {
        int i = importance.indexOf(kind);
        return i < 0 ? importance.size() : i;
    }

    private static Map<String, Integer> budget() {
        Map<String, Integer> budget = new LinkedHashMap<>();
        budget.put(SummaryFacts.ADMISSION, 1);
        budget.put(SummaryFacts.LAB, 4);
        budget.put(SummaryFacts.SCORE, 2);
        budget.put(SummaryFacts.CARE_GAP, 2);
        budget.put(SummaryFacts.ENCOUNTER, 2);
        budget.put(SummaryFacts.PROBLEM, 1);
        budget.put(SummaryFacts.MEDICATION_STARTED, 1);
        budget.put(SummaryFacts.MEDICATION_STOPPED, 1);
        budget.put(SummaryFacts.ALLERGY, 1);
        return Collections.unmodifiableMap(budget);
    }
}
