package io.chartlens.cdshooks;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import io.chartlens.overrides.FeedbackEntry;
import io.chartlens.overrides.FeedbackOutcome;
import io.chartlens.overrides.FeedbackPayload;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Records CDS Hooks 2.0 feedback (card {@code accepted} with its suggestions, or {@code overridden} with its reason)
 * in the feedback log, with the guarantees of the summary page's decisions: appended to the same hash-chained log,
 * and a log that cannot take them is a 503, never a 200. Every card named must have been issued to the calling
 * client, and every accepted suggestion must be on its card; otherwise nothing of the request is recorded (400).
 * The actor is the client ({@code cds-client:<iss>}): feedback carries no verified user.
 */
@ApplicationScoped
public class CdsFeedback {

    private static final Logger LOG = Logger.getLogger(CdsFeedback.class.getName());

    @Inject
    IssuedCards issuedCards;
    @Inject
    CdsFeedbackWriter writer;
    @Inject
    CardOverrideReasons reasons;

    /** @return how many outcomes were recorded */
    public int record(AuthenticatedCdsClient client, FeedbackRequest request) throws CdsHooksException {
        List<FeedbackEntry> entries = new ArrayList<>();
        try {
            for (FeedbackRequest.CardFeedback feedback : request.feedback()) {
                IssuedCard card = issuedCards.find(feedback.card())
                        .filter(c -> c.clientIss().equals(client.registration().iss()))
                        .orElseThrow(() -> new CdsHooksException(CdsFailure.UNKNOWN_CARD, "card " + feedback.card()));
                List<IssuedCard.IssuedSuggestion> accepted = new ArrayList<>();
                for (String id : feedback.acceptedSuggestions()) {
                    accepted.add(card.suggestion(id).orElseThrow(() -> new CdsHooksException(
                            CdsFailure.UNKNOWN_SUGGESTION, "suggestion " + id + " of card " + card.uuid())));
                }
                String reason = feedback.overrideReason().isPresent()
                        ? reasons.forLog(feedback.overrideReason().get()) : null;
                String comment = feedback.overrideReason().map(FeedbackRequest.OverrideReason::userComment)
                        .orElse(null);
                entries.add(feedbackEntry(client.actor(), card, feedback.outcome(), reason, comment,
                        payload(client, card, feedback, accepted)));
            }
        } catch (IssuedCards.Unavailable e) {
            LOG.severe("CDS feedback not recorded: " + e.getMessage());
            throw new CdsHooksException(CdsFailure.FEEDBACK_UNAVAILABLE, "the issued cards could not be read", e);
        } catch (IllegalArgumentException e) {
            // FeedbackEntry's reasons name the field and its limit, never the value
            throw new CdsHooksException(CdsFailure.MALFORMED_REQUEST, e.getMessage());
        }
        try {
            writer.appendAll(entries);
        } catch (RuntimeException e) {
            LOG.severe("CDS feedback not recorded: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            throw new CdsHooksException(CdsFailure.FEEDBACK_UNAVAILABLE, null, e);
        }
        LOG.fine(() -> "Recorded " + entries.size() + " CDS feedback outcome(s) from client "
                + client.registration().id());
        return entries.size();
    }

    /**
     * The one place a CDS Hooks outcome becomes a {@link FeedbackEntry}. No launch id: a CDS call is not a SMART
     * launch (the hook instance is in the payload).
     */
    static FeedbackEntry feedbackEntry(String actor, IssuedCard card, FeedbackOutcome outcome, String reason,
                                       String comment, String payload) {
        return new FeedbackEntry(actor, null, card.ehr(), card.patientId(), card.encounterId(), card.type(),
                card.ruleId(), card.ruleVersion(), outcome, reason, comment, payload, null, card.strata());
    }

    /** What the card showed, and the feedback's own facts: when, which suggestions, from which call. */
    static String payload(AuthenticatedCdsClient client, IssuedCard card, FeedbackRequest.CardFeedback feedback,
                          List<IssuedCard.IssuedSuggestion> accepted) throws CdsHooksException {
        Map<String, Object> cds = new LinkedHashMap<>();
        cds.put("card", card.uuid());
        cds.put("hookInstance", card.hookInstance());
        cds.put("indicator", card.indicator().code());
        cds.put("outcomeTimestamp", feedback.outcomeTimestamp().toString());
        cds.put("acceptedSuggestions", accepted.stream().map(s -> Map.of("uuid", s.uuid(), "bundle", s.bundle(),
                "version", s.version())).toList());
        if (client.tenant() != null) {
            cds.put("tenant", client.tenant());
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        try {
            payload.putAll(JSONObjectUtils.parse(card.shown()));
        } catch (ParseException e) {
            throw new CdsHooksException(CdsFailure.INTERNAL_ERROR, "stored card " + card.uuid() + " is unreadable", e);
        }
        payload.put("cdsHooks", cds);
        return FeedbackPayload.canonicalJson(payload);
    }
}
