package io.chartlens.review;

import io.chartlens.overrides.CardType;
import io.chartlens.overrides.FeedbackEntry;
import io.chartlens.overrides.FeedbackOutcome;
import io.chartlens.overrides.FeedbackPayload;
import io.chartlens.overrides.PatientStrata;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;

/**
 * The rows of a synthetic feedback history, oldest first, from a fixed seed: the same seed, catalog, range and count
 * give the same rows. Made to look like a ward's use: more decisions on weekdays and in the day, NEWS2 and qSOFA
 * more often than other scores, a previous version for every third rule before a switch-over date, patient strata
 * with every value including "not recorded", users of every role (and no role in the first weeks), override reasons
 * weighted as clinicians tend to give them. Two signals are planted: NEWS2 is overridden far more often for
 * patients aged 85+ ({@link SyntheticOverrideHistory#ELEVATED_RULE}), and HAS-BLED's override rate rises above the
 * monitoring maximum in the last {@value #HIGH_RATE_DAYS} days ({@link SyntheticOverrideHistory#HIGH_RATE_RULE}).
 */
final class SyntheticRows implements Iterator<SyntheticRows.Row> {

    /** One row: when, and what. */
    record Row(Instant at, FeedbackEntry entry) {
    }

    static final int PATIENTS = 400;
    static final int HIGH_RATE_DAYS = 45;
    private static final int NO_ROLE_DAYS = 20;
    private static final String[] COMMENTS = {"Score not validated for this ward", "Values from before the "
            + "transfer", "Discussed with the consultant, will review tomorrow", "- repeat bloods already requested",
            "+ palliative plan agreed with family", "Duplicate of an EHR alert", "Seen by outreach team today"};
    private static final Map<String, Integer> REASON_WEIGHTS = Map.of("not-relevant", 28, "already-addressed", 22,
            "data-wrong", 12, "patient-declined", 10, "contraindicated", 8, "goals-of-care", 8, "other", 8);

    private final SeedCatalog catalog;
    private final Random random;
    private final Instant start;
    private final Instant end;
    private final long[] offsets;
    private final List<PatientStrata> patients = new ArrayList<>();
    private final List<String> actors = new ArrayList<>();
    private final Instant[] switchOvers;
    private int next;

    SyntheticRows(SeedCatalog catalog, long seed, Instant start, Instant end, int count) {
        this.catalog = catalog;
        this.random = new Random(seed);
        this.start = start;
        this.end = end;
        long span = Duration.between(start, end).toNanos() / 1000;
        offsets = new long[count];
        for (int i = 0; i < count; i++) {
            offsets[i] = offset(span);
        }
        Arrays.sort(offsets);
        for (int i = 0; i < PATIENTS; i++) {
            patients.add(random.nextInt(20) == 0 ? PatientStrata.NOT_RECORDED : new PatientStrata(
                    pick(PatientStrata.AGE_BANDS, 3, 15, 30, 22, 18, 12, 4), pick(List.of("female", "male", "other"),
                    50, 47, 1, 2), pick(List.of("white", "black-or-african-american", "other"), 60, 18, 14, 8),
                    pick(List.of("not-hispanic-or-latino", "hispanic-or-latino"), 75, 15, 10)));
        }
        Map<ReviewRole, Integer> roleWeights = Map.of(ReviewRole.CLINICIAN, 45, ReviewRole.HOSPITALIST, 38,
                ReviewRole.INFORMATICIST, 10, ReviewRole.ADMIN, 7);
        catalog.users().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(u -> {
            for (int w = 0; w < roleWeights.get(u.getValue()); w++) {
                actors.add(u.getKey());
            }
        });
        switchOvers = new Instant[catalog.rules().size()];
        for (int i = 0; i < switchOvers.length; i++) {
            switchOvers[i] = i % 3 == 0 ? start.plusNanos((long) ((0.35 + 0.3 * random.nextDouble()) * span) * 1000)
                    : start;
        }
    }

    @Override
    public boolean hasNext() {
        return next < offsets.length;
    }

    @Override
    public Row next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Instant at = start.plusNanos(offsets[next] * 1000);
        int patient = random.nextInt(PATIENTS);
        PatientStrata strata = patients.get(patient);
        int ruleIndex = rule(at);
        RuleKey rule = catalog.rules().get(ruleIndex);
        String version = at.isBefore(switchOvers[ruleIndex]) ? previous(rule.ruleVersion()) : rule.ruleVersion();
        String actor = actors.get(random.nextInt(actors.size()));
        boolean roleRecorded = at.isAfter(start.plus(Duration.ofDays(NO_ROLE_DAYS))) && random.nextInt(30) != 0;
        String role = roleRecorded ? catalog.users().get(actor).code() : null;
        FeedbackOutcome outcome = outcome(rule, strata, at, role);
        String reason = reason(outcome, rule, strata);
        String comment = "other".equals(reason) || random.nextInt(16) == 0
                ? COMMENTS[random.nextInt(COMMENTS.length)] : null;
        String payload = outcome == FeedbackOutcome.INPUT_CORRECTED
                ? FeedbackPayload.correction(Map.of(), "respiratory-rate", 18, 22 + random.nextInt(8), 3, 5)
                : FeedbackPayload.canonicalJson(Map.of("synthetic", true));
        String encounter = rule.cardType() == CardType.CARE_GAP ? null : "synthetic-encounter-" + patient;
        FeedbackEntry entry = new FeedbackEntry(actor, role, catalog.ehrs().get(random.nextInt(catalog.ehrs().size())),
                String.format("synthetic-patient-%03d", patient), encounter, rule.cardType(), rule.ruleId(), version,
                outcome, reason, comment, payload, "synthetic-launch-" + next / 4, strata);
        next++;
        return new Row(at, entry);
    }

    /** Microseconds after start: weekdays and day hours more likely. */
    private long offset(long spanMicros) {
        long days = Math.max(1, spanMicros / 86_400_000_000L);
        long day = random.nextLong(days);
        DayOfWeek weekday = start.plus(Duration.ofDays(day)).atOffset(ZoneOffset.UTC).getDayOfWeek();
        if (weekday.getValue() >= 6 && random.nextInt(10) < 6) {
            day = random.nextLong(days);
        }
        int hour = random.nextInt(4) != 0 ? 8 + random.nextInt(11) : random.nextInt(24);
        long micros = ((day * 24 + hour) * 3600 + random.nextInt(3600)) * 1_000_000L + random.nextInt(1_000_000);
        return Math.min(micros, spanMicros - 1);
    }

    /**
     * Scores half the time (NEWS2 three times and qSOFA twice as often as the others; HAS-BLED four times in the last
     * weeks, as if a new ward had started using it), measures 30 %, bundles 20 %.
     */
    private int rule(Instant at) {
        boolean recent = at.isAfter(end.minus(Duration.ofDays(HIGH_RATE_DAYS)));
        CardType type = pick(List.of(CardType.SCORE, CardType.CARE_GAP, CardType.BUNDLE), 50, 30, 20);
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < catalog.rules().size(); i++) {
            RuleKey r = catalog.rules().get(i);
            if (r.cardType() == type) {
                int weight = r.ruleId().equals("news2") ? 3 : r.ruleId().equals("qsofa") ? 2
                        : recent && r.ruleId().equals(SyntheticOverrideHistory.HIGH_RATE_RULE) ? 4 : 1;
                for (int w = 0; w < weight; w++) {
                    candidates.add(i);
                }
            }
        }
        return candidates.isEmpty() ? random.nextInt(catalog.rules().size())
                : candidates.get(random.nextInt(candidates.size()));
    }

    private FeedbackOutcome outcome(RuleKey rule, PatientStrata strata, Instant at, String role) {
        double corrected = rule.cardType() == CardType.SCORE ? 0.10 : 0;
        double overridden = switch (rule.cardType()) {
            case SCORE -> 0.22;
            case CARE_GAP -> 0.28;
            default -> 0.33;
        };
        double dismissed = 0.15;
        if (rule.ruleId().equals(SyntheticOverrideHistory.ELEVATED_RULE)
                && SyntheticOverrideHistory.ELEVATED_AGE_BAND.equals(strata.ageBand())) {
            overridden = 0.70;
            dismissed = 0.08;
        } else if (rule.ruleId().equals(SyntheticOverrideHistory.HIGH_RATE_RULE)
                && at.isAfter(end.minus(Duration.ofDays(HIGH_RATE_DAYS)))) {
            overridden = 0.80;
            dismissed = 0.05;
        } else if ("hospitalist".equals(role) && rule.cardType() == CardType.BUNDLE) {
            overridden -= 0.08;
        }
        double u = random.nextDouble();
        return u < corrected ? FeedbackOutcome.INPUT_CORRECTED : u < corrected + overridden ? FeedbackOutcome.OVERRIDDEN
                : u < corrected + overridden + dismissed ? FeedbackOutcome.DISMISSED : FeedbackOutcome.ACCEPTED;
    }

    private String reason(FeedbackOutcome outcome, RuleKey rule, PatientStrata strata) {
        if (outcome == FeedbackOutcome.DISMISSED) {
            return random.nextInt(4) == 0 && catalog.reasons().contains("not-relevant") ? "not-relevant" : null;
        }
        if (outcome != FeedbackOutcome.OVERRIDDEN) {
            return null;
        }
        int[] weights = new int[catalog.reasons().size()];
        for (int i = 0; i < weights.length; i++) {
            String code = catalog.reasons().get(i);
            weights[i] = REASON_WEIGHTS.getOrDefault(code, 5)
                    * (code.equals("patient-declined") && rule.cardType() == CardType.CARE_GAP ? 3 : 1)
                    * (code.equals("goals-of-care") && "85+".equals(strata.ageBand()) ? 5 : 1);
        }
        return pick(catalog.reasons(), weights);
    }

    /** A weighted choice; one weight more than values stands for null ("not recorded"). */
    private <T> T pick(List<T> values, int... weights) {
        int total = Arrays.stream(weights).sum();
        int u = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            u -= weights[i];
            if (u < 0) {
                return i < values.size() ? values.get(i) : null;
            }
        }
        throw new IllegalStateException("unreachable");
    }

    /** A plausible earlier version: 1.2.0 -> 1.1.0, 1.0.0 -> 0.9.0, anything else -> x-previous. */
    static String previous(String version) {
        String[] p = version.split("\\.");
        if (p.length == 3 && Arrays.stream(p).allMatch(s -> s.matches("\\d{1,6}"))) {
            int major = Integer.parseInt(p[0]);
            int minor = Integer.parseInt(p[1]);
            if (minor > 0) {
                return major + "." + (minor - 1) + ".0";
            }
            if (major > 0) {
                return (major - 1) + ".9.0";
            }
        }
        return version.length() <= 31 ? version + "-previous" : version.substring(0, 31) + "-previous";
    }
}
