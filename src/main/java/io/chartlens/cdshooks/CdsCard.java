package io.chartlens.cdshooks;

import io.chartlens.overrides.CardType;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Resource;

/**
 * One card of a CDS Hooks 2.0 response (CDS Service Response, Card Attributes), with what ChartLens must remember
 * about it to record feedback later ({@link Issued}).
 *
 * @param uuid            the card's id, sent back in feedback
 * @param summary         under 140 characters
 * @param detail          GitHub-flavoured Markdown
 * @param indicator       its urgency
 * @param source          the primary source of the guidance (the score's citation, the measure's specification)
 * @param suggestions     draft orders of the bundles that apply; {@code selectionBehavior} is then {@code any}
 * @param links           the SMART link to ChartLens's summary
 * @param overrideReasons the reasons a clinician may give when overriding it
 * @param issued          what produced it, for the feedback log
 */
public record CdsCard(String uuid, String summary, String detail, Indicator indicator, Source source,
                      List<Suggestion> suggestions, List<Link> links, List<Coding> overrideReasons, Issued issued) {

    public CdsCard {
        suggestions = List.copyOf(suggestions);
        links = List.copyOf(links);
        overrideReasons = List.copyOf(overrideReasons);
    }

    /** A FHIR-style Coding (CDS Hooks 2.0, Coding). */
    public record Coding(String system, String code, String display) {
    }

    /** The card's {@code source}; {@code url} may be null. */
    public record Source(String label, String url, Coding topic) {
    }

    /**
     * One suggestion: a bundle's suggested items as {@code create} actions of draft requests.
     *
     * @param bundleId      the PlanDefinition id of the bundle
     * @param bundleVersion its version
     */
    public record Suggestion(String uuid, String label, String bundleId, String bundleVersion, List<Action> actions) {
        public Suggestion {
            actions = List.copyOf(actions);
        }
    }

    /** A {@code create} action. */
    public record Action(String description, Resource resource) {
    }

    /** A {@code smart} link (the CDS client launches it with {@code iss} and {@code launch}). */
    public record Link(String label, String url, String appContext) {
    }

    /**
     * What produced a card, as the feedback log needs it.
     *
     * @param type        SCORE or CARE_GAP
     * @param ruleId      the score or measure id
     * @param ruleVersion its definition's version
     * @param shown       the inputs or evidence shown, in {@code FeedbackPayload} shapes (strings, numbers, maps)
     */
    public record Issued(CardType type, String ruleId, String ruleVersion, Map<String, Object> shown) {
        public Issued {
            shown = Map.copyOf(shown);
        }
    }
}
