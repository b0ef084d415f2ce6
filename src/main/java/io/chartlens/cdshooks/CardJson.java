package io.chartlens.cdshooks;

import ca.uhn.fhir.parser.IParser;
import java.util.List;
import net.minidev.json.JSONArray;
import net.minidev.json.JSONAware;
import net.minidev.json.JSONObject;

/**
 * Cards as the JSON of a CDS Hooks 2.0 service response ({@code {"cards": [...]}}), optional members left out
 * rather than sent empty or null (CDS Hooks 2.0, "Null and empty JSON elements"). FHIR resources in actions are
 * written by HAPI, so they are valid FHIR JSON.
 */
final class CardJson {

    private CardJson() {
    }

    static JSONObject response(List<CdsCard> cards, IParser parser) {
        JSONArray array = new JSONArray();
        cards.forEach(c -> array.add(card(c, parser)));
        JSONObject response = new JSONObject();
        response.put("cards", array);
        return response;
    }

    private static JSONObject card(CdsCard card, IParser parser) {
        JSONObject o = new JSONObject();
        o.put("uuid", card.uuid());
        o.put("summary", card.summary());
        o.put("detail", card.detail());
        o.put("indicator", card.indicator().code());
        JSONObject source = new JSONObject();
        source.put("label", card.source().label());
        if (card.source().url() != null) {
            source.put("url", card.source().url());
        }
        source.put("topic", coding(card.source().topic()));
        o.put("source", source);
        if (!card.suggestions().isEmpty()) {
            JSONArray suggestions = new JSONArray();
            for (CdsCard.Suggestion s : card.suggestions()) {
                JSONObject suggestion = new JSONObject();
                suggestion.put("label", s.label());
                suggestion.put("uuid", s.uuid());
                JSONArray actions = new JSONArray();
                for (CdsCard.Action a : s.actions()) {
                    JSONObject action = new JSONObject();
                    action.put("type", "create");
                    action.put("description", a.description());
                    action.put("resource", new RawJson(parser.encodeResourceToString(a.resource())));
                    actions.add(action);
                }
                suggestion.put("actions", actions);
                suggestions.add(suggestion);
            }
            o.put("suggestions", suggestions);
            o.put("selectionBehavior", "any");
        }
        if (!card.overrideReasons().isEmpty()) {
            JSONArray reasons = new JSONArray();
            card.overrideReasons().forEach(r -> reasons.add(coding(r)));
            o.put("overrideReasons", reasons);
        }
        JSONArray links = new JSONArray();
        for (CdsCard.Link l : card.links()) {
            JSONObject link = new JSONObject();
            link.put("label", l.label());
            link.put("url", l.url());
            link.put("type", "smart");
            link.put("appContext", l.appContext());
            links.add(link);
        }
        o.put("links", links);
        return o;
    }

    private static JSONObject coding(CdsCard.Coding c) {
        JSONObject o = new JSONObject();
        o.put("system", c.system());
        o.put("code", c.code());
        o.put("display", c.display());
        return o;
    }

    /** JSON text already written (a FHIR resource encoded by HAPI), embedded as is. */
    private record RawJson(String json) implements JSONAware {
        @Override
        public String toJSONString() {
            return json;
        }
    }
}
