package io.chartlens.aisummary;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of one prompt template ({@code smart-config/ai/prompts/<prompt id>@<version>.txt}) made into the system
 * message: {@code {{version}}} and {@code {{maxStatements}}} are filled in, and the fixed answer format is appended
 * in code, so that no template can change the JSON the parser ({@link ModelSummarizerAnswer}) and the verifier rely
 * on. Line endings are normalised to {@code \n} and the text ends with exactly one, so a file's last line break or
 * a checkout's CRLF cannot change what is sent.
 */
final class PromptTemplate {

    /** What the verifier requires of every statement; a template that does not ask for it cannot be used. */
    static final String CITATION_RULE = "citations";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([^{}]*)}}");

    private PromptTemplate() {
    }

    /**
     * Renders a template.
     *
     * @param path          the template's path, for the messages
     * @throws IllegalStateException naming {@code path}: an unknown or unclosed placeholder, no
     *                               {@code {{maxStatements}}} (the limit must be the checked one), no
     *                               {@value #CITATION_RULE}
     */
    static String render(String path, String template, String version, int maxStatements) {
        String text = template.replace("\r\n", "\n").stripTrailing() + "\n";
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        boolean statesLimit = false;
        while (m.find()) {
            String value = switch (m.group(1)) {
                case "version" -> version;
                case "maxStatements" -> {
                    statesLimit = true;
                    yield Integer.toString(maxStatements);
                }
                default -> throw new IllegalStateException(path + ": unknown placeholder {{" + m.group(1)
                        + "}}; a template may use {{version}} and {{maxStatements}}");
            };
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        if (out.indexOf("{{") >= 0) {
            throw new IllegalStateException(path + ": a placeholder is not closed ({{ without }})");
        }
        if (!statesLimit) {
            throw new IllegalStateException(path + ": state the statement limit with {{maxStatements}}, so it is the"
                    + " one checked against the verifier's cap");
        }
        if (!text.contains(CITATION_RULE)) {
            throw new IllegalStateException(path + ": the template no longer states the citation rule (every"
                    + " statement cites its facts in \"" + CITATION_RULE + "\"), which the verifier enforces");
        }
        return out + ModelSummarizerPrompt.ANSWER_FORMAT;
    }
}
