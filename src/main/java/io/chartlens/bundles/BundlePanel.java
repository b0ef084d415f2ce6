package io.chartlens.bundles;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The intervention bundles of one patient as view records for the summary page: why each is suggested (the score
 * or gap with its inputs), what is in it, what the patient already has, and the suggested items as a plain order
 * list to copy. Writing the selected items back as draft orders needs the registration to enable it and the EHR
 * to grant create scopes ({@link LaunchBundles#whyNoWrites}); without them the card offers the list and says why.
 *
 * @param cards    one per suggested bundle
 * @param withheld bundles whose trigger holds but which are withheld, each with the reason
 */
public record BundlePanel(List<Card> cards, List<String> withheld) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    /** Why a bundle applies: one line per trigger with its facts. */
    public record Reason(String summary, List<FactLine> facts) {
    }

    /** One input behind a trigger; {@code source} is {@code Type/id} or null when derived. */
    public record FactLine(String label, String value, String date, String source) {
    }

    /** One item: {@code shownBy} is the resource showing the patient already has it, or null. */
    public record ItemLine(String id, String title, String description, String status, String statusLabel, String shownBy,
                           String shownByDisplay) {
    }

    public record Card(String id, String title, String version, String description, List<Reason> why,
                       List<ItemLine> items, List<String> notes, String orderList, List<String> citations) {
    }

    public static BundlePanel of(BundleSuggestions suggestions) {
        List<Card> cards = suggestions.suggested().stream().map(BundlePanel::card).toList();
        List<String> withheld = suggestions.withheld().stream()
                .map(w -> w.definition().title() + ": " + w.reason()).toList();
        return new BundlePanel(cards, withheld);
    }

    static Card card(SuggestedBundle b) {
        List<Reason> why = b.why().stream().map(w -> new Reason(w.summary(), w.facts().stream()
                .map(f -> new FactLine(f.label(), f.value(), f.date().map(DAY::format).orElse(null), f.source()))
                .toList())).toList();
        List<ItemLine> items = b.items().stream().map(i -> new ItemLine(i.id(), i.definition().title(),
                i.definition().description(), i.status().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                i.status().label(), i.shownBy().map(SuggestedBundle.Holding::reference).orElse(null),
                i.shownBy().map(h -> h.display() + h.date().map(d -> ", " + DAY.format(d)).orElse("")).orElse(null)))
                .toList();
        List<String> suggested = b.suggestedItems().stream().map(SuggestedBundle.Item::id).toList();
        String orderList = suggested.isEmpty() ? "" : DraftOrders.orderList(b, suggested);
        BundleDefinition d = b.definition();
        return new Card(d.id(), d.title(), d.version(), d.description(), why, items, b.notes(), orderList,
                d.citations());
    }
}
