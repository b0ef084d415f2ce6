package io.chartlens.cdshooks;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import io.chartlens.overrides.FeedbackOutcome;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.minidev.json.JSONArray;
import net.minidev.json.JSONObject;

/**
 * A CDS Hooks 2.0 feedback request ({@code POST {baseUrl}/cds-services/{id}/feedback}): one entry per card outcome,
 * parsed and checked at the boundary.
 *
 * @param feedback at least one, at most {@value #MAX_ITEMS}
 */
public record FeedbackRequest(List<CardFeedback> feedback) {

    static final int MAX_ITEMS = 100;

    public FeedbackRequest {
        feedback = List.copyOf(feedback);
    }

    /**
     * One card's outcome.
     *
     * @param card                the card's uuid
     * @param outcome             ACCEPTED or OVERRIDDEN
     * @param acceptedSuggestions the accepted suggestions' uuids (at least one when accepted, else none)
     * @param overrideReason      why it was overridden, if the client says
     * @param outcomeTimestamp    when the user acted
     */
    public record CardFeedback(String card, FeedbackOutcome outcome, List<String> acceptedSuggestions,
                               Optional<OverrideReason> overrideReason, Instant outcomeTimestamp) {
        public CardFeedback {
            acceptedSuggestions = List.copyOf(acceptedSuggestions);
        }
    }

    /**
     * An {@code overrideReason}: the chosen reason's Coding (code may be null when there is only a comment) and the
     * user's comment (or null).
     */
    public record OverrideReason(String system, String code, String display, String userComment) {
    }

    /** @throws CdsHooksException MALFORMED_REQUEST naming what is wrong */
    public static FeedbackRequest parse(String body) throws CdsHooksException {
        try {
            JSONArray items = JSONObjectUtils.getJSONArray(JSONObjectUtils.parse(body), "feedback");
            if (items.isEmpty() || items.size() > MAX_ITEMS) {
                throw malformed("feedback must hold 1 to " + MAX_ITEMS + " entries");
            }
            List<CardFeedback> feedback = new ArrayList<>();
            for (Object item : items) {
                if (!(item instanceof JSONObject o)) {
                    throw malformed("each feedback entry must be an object");
                }
                feedback.add(entry(o));
            }
            return new FeedbackRequest(feedback);
        } catch (ParseException e) {
            throw malformed("the body must be {\"feedback\": [...]}: " + e.getMessage());
        }
    }

    private static CardFeedback entry(JSONObject o) throws ParseException, CdsHooksException {
        String card = JSONObjectUtils.getString(o, "card");
        if (!HookRequest.UUID.matcher(card).matches()) {
            throw malformed("feedback.card must be a card uuid");
        }
        FeedbackOutcome outcome = switch (JSONObjectUtils.getString(o, "outcome")) {
            case "accepted" -> FeedbackOutcome.ACCEPTED;
            case "overridden" -> FeedbackOutcome.OVERRIDDEN;
            default -> throw malformed("feedback.outcome must be accepted or overridden");
        };
        Instant at;
        try {
            at = OffsetDateTime.parse(JSONObjectUtils.getString(o, "outcomeTimestamp")).toInstant();
        } catch (DateTimeParseException e) {
            throw malformed("feedback.outcomeTimestamp must be an ISO 8601 timestamp with a zone");
        }
        List<String> accepted = new ArrayList<>();
        if (o.get("acceptedSuggestions") != null) {
            for (Object s : JSONObjectUtils.getJSONArray(o, "acceptedSuggestions")) {
                if (!(s instanceof JSONObject so) || !(so.get("id") instanceof String id) || id.isBlank()) {
                    throw malformed("feedback.acceptedSuggestions entries must be {\"id\": <suggestion uuid>}");
                }
                accepted.add(id);
            }
        }
        if ((outcome == FeedbackOutcome.ACCEPTED) == accepted.isEmpty()) {
            throw malformed("acceptedSuggestions are required with accepted, and only with accepted");
        }
        Optional<OverrideReason> reason = Optional.empty();
        if (o.get("overrideReason") != null) {
            if (outcome != FeedbackOutcome.OVERRIDDEN) {
                throw malformed("overrideReason comes only with outcome overridden");
            }
            reason = Optional.of(reason(JSONObjectUtils.getJSONObject(o, "overrideReason")));
        }
        return new CardFeedback(card, outcome, accepted, reason, at);
    }

    private static OverrideReason reason(JSONObject o) throws ParseException, CdsHooksException {
        String comment = JSONObjectUtils.getString(o, "userComment", null);
        comment = comment == null || comment.isBlank() ? null : comment;
        if (o.get("reason") == null) {
            if (comment == null) {
                throw malformed("overrideReason needs a reason or a userComment");
            }
            return new OverrideReason(null, null, null, comment);
        }
        JSONObject coding = JSONObjectUtils.getJSONObject(o, "reason");
        String code = JSONObjectUtils.getString(coding, "code");
        if (code.isBlank()) {
            throw malformed("overrideReason.reason.code must not be empty");
        }
        return new OverrideReason(JSONObjectUtils.getString(coding, "system", null), code,
                JSONObjectUtils.getString(coding, "display", null), comment);
    }

    private static CdsHooksException malformed(String detail) {
        return new CdsHooksException(CdsFailure.MALFORMED_REQUEST, detail);
    }
}
