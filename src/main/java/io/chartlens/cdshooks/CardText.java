package io.chartlens.cdshooks;

/** Text rules of CDS Hooks cards: a summary under 140 characters, and Markdown details that quote record text safely. */
final class CardText {

    /** "One-sentence, &lt;140-character summary" (CDS Hooks 2.0, Card Attributes): at most 139. */
    static final int SUMMARY_MAX = 139;

    private CardText() {
    }

    /** The text cut at a word boundary with an ellipsis when it is longer than {@code max}. */
    static String fit(String text, int max) {
        String s = text.strip().replaceAll("\\s+", " ");
        if (s.length() <= max) {
            return s;
        }
        int cut = s.lastIndexOf(' ', max - 1);
        if (cut < max / 2) {
            cut = max - 1;
        }
        return s.substring(0, cut).replaceAll("[\\s,;:·—-]+$", "") + "…";
    }

    /** Record text (displays, values) as literal Markdown text: its special characters are escaped. */
    static String md(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (char c : text.replaceAll("[\\r\\n]+", " ").toCharArray()) {
            if ("\\`*_{}[]()<>#+!|~".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
