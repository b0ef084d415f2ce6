package io.chartlens.review;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Which version of each configurable rule (score, measure, bundle, prompt) is active, as an append-only history
 * ({@code rule_version_choice}, migration V6): {@link #activate} and {@link #rollback} each add a row, nothing is
 * ever changed or deleted, so the history says who chose what when. A rule without a choice uses the version its
 * configuration declares ({@link #active} is then empty).
 *
 * <p>The caller checks that a version exists in the rule's catalog before activating it; this class only records
 * the choice. Plain JDBC on {@code jdbc/chartlens}, in the caller's JTA transaction or a new one (as
 * {@code overrides/FeedbackStore}); a refused choice ({@link VersionChoiceException}) rolls the transaction back.
 */
@ApplicationScoped
public class RuleVersionChoices {

    private static final Pattern RULE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9\\-._]{0,99}");
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9\\-.+_]{0,39}");

    @Resource(lookup = "jdbc/chartlens")
    DataSource dataSource;

    private volatile RuleVersionRepository repository;

    /** For CDI. */
    public RuleVersionChoices() {
    }

    /** For tests and tools: a plain data source, each choice committing itself, times from {@code clock}. */
    public RuleVersionChoices(DataSource dataSource, Clock clock) {
        this.repository = new RuleVersionRepository(Objects.requireNonNull(dataSource, "dataSource"), false,
                Objects.requireNonNull(clock, "clock"));
    }

    /**
     * Makes {@code version} the active version of a rule.
     *
     * @param actor the fhirUser reference of who chose it (e.g. {@code Practitioner/123})
     * @throws VersionChoiceException   {@link VersionChoiceFailure#ALREADY_ACTIVE}, or
     *                                  {@link VersionChoiceFailure#CONCURRENT_CHANGE}; nothing was written
     * @throws IllegalArgumentException for a malformed rule id, version or actor (the message names the field)
     */
    @Transactional(value = TxType.REQUIRED, rollbackOn = VersionChoiceException.class)
    public VersionChoice activate(RuleKind kind, String ruleId, String version, String actor)
            throws VersionChoiceException {
        check(kind, ruleId, actor);
        if (version == null || !VERSION.matcher(version).matches()) {
            throw new IllegalArgumentException("version must be 1 to 40 letters, digits and . - + _");
        }
        return choose(kind, ruleId, version, actor);
    }

    /**
     * Goes back to the version that was active before the latest choice still in effect; written as a new
     * {@code rollback} row. Rolling back twice goes back two choices.
     *
     * @throws VersionChoiceException {@link VersionChoiceFailure#NOTHING_TO_ROLL_BACK} or
     *                                {@link VersionChoiceFailure#CONCURRENT_CHANGE}; nothing was written
     */
    @Transactional(value = TxType.REQUIRED, rollbackOn = VersionChoiceException.class)
    public VersionChoice rollback(RuleKind kind, String ruleId, String actor) throws VersionChoiceException {
        check(kind, ruleId, actor);
        return choose(kind, ruleId, null, actor);
    }

    /** The chosen active version, or empty: use the version the rule's configuration declares. */
    public Optional<String> active(RuleKind kind, String ruleId) {
        check(kind, ruleId, "-");
        try {
            return repository().active(kind, ruleId);
        } catch (SQLException e) {
            throw new ReviewUnavailableException("read the active version", e);
        }
    }

    /** Every choice on a rule, oldest first. */
    public List<VersionChoice> history(RuleKind kind, String ruleId) {
        check(kind, ruleId, "-");
        try {
            return List.copyOf(repository().history(kind, ruleId));
        } catch (SQLException e) {
            throw new ReviewUnavailableException("read the version history", e);
        }
    }

    private VersionChoice choose(RuleKind kind, String ruleId, String version, String actor)
            throws VersionChoiceException {
        try {
            return repository().choose(kind, ruleId, version, actor.strip());
        } catch (SQLException e) {
            // unchecked, so @Transactional rolls back
            throw new ReviewUnavailableException("save the version choice", e);
        }
    }

    private static void check(RuleKind kind, String ruleId, String actor) {
        Objects.requireNonNull(kind, "kind is required");
        if (ruleId == null || !RULE_ID.matcher(ruleId).matches()) {
            throw new IllegalArgumentException("ruleId must be 1 to 100 letters, digits and . - _");
        }
        if (actor == null || actor.isBlank() || actor.strip().length() > 300
                || actor.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("actor is required (a fhirUser reference, at most 300 characters)");
        }
    }

    private RuleVersionRepository repository() {
        RuleVersionRepository r = repository;
        if (r == null) {
            if (dataSource == null) {
                throw new IllegalStateException("Data source jdbc/chartlens was not injected");
            }
            r = new RuleVersionRepository(dataSource, true, Clock.systemUTC());
            repository = r;
        }
        return r;
    }
}
