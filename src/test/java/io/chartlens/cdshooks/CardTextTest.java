package io.chartlens.cdshooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CardTextTest {

    @Test
    void aLongSummaryIsCutAtAWordUnder140Characters() {
        String long_ = "CURB-65 (community-acquired pneumonia severity): 4 points · high (severe pneumonia: manage in"
                + " hospital, assess for ICU) with more words to push it over the limit";
        String fitted = CardText.fit(long_, CardText.SUMMARY_MAX);
        assertTrue(fitted.length() <= 139, fitted.length() + ": " + fitted);
        assertTrue(fitted.endsWith("…"), fitted);
        assertTrue(long_.startsWith(fitted.substring(0, fitted.length() - 1)), fitted);
        assertEquals("short text", CardText.fit("  short   text ", 139));
    }

    @Test
    void recordTextIsLiteralInMarkdown() {
        assertEquals("\\*bold\\* \\[link\\]\\(x\\) a\\_b \\<script\\> line break", CardText.md("*bold* [link](x) a_b <script>\nline break"));
        assertEquals("", CardText.md(null));
    }
}
