package io.chartlens.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SmartStyleTest {

    @Test
    void mapsTheSmartStyleKeysToCustomProperties() throws Exception {
        SmartStyle style = SmartStyle.parse("{\"color_highlight\":\"#005ea2\",\"color_background\":\"rgba(0, 0, 0, 0.5)\","
                + "\"dim_font_size\":\"16px\",\"font_family_body\":\"\\\"Source Sans Pro\\\", Arial, sans-serif\"}");
        assertEquals("#005ea2", style.properties().get("--accent"));
        assertEquals("rgba(0, 0, 0, 0.5)", style.properties().get("--page-bg"));
        assertEquals("16px", style.properties().get("--font-size"));
        assertTrue(style.css().startsWith(":root {"));
        assertTrue(style.css().contains("--accent: #005ea2;"));
    }

    @Test
    void valuesThatCouldInjectCssAreDropped() throws Exception {
        SmartStyle style = SmartStyle.parse("{\"color_highlight\":\"red; } body { display: none\","
                + "\"color_text\":\"url(javascript:alert(1))\",\"font_family_body\":\"Arial; } * { color: red\","
                + "\"dim_border_radius\":\"expression(alert(1))\",\"color_error\":\"#12345\"}");
        assertEquals(1, style.properties().size(), style.properties().toString());
        assertEquals("#12345", style.properties().get("--bad-text"));
        assertFalse(style.css().contains("}" + " body"));
    }

    @Test
    void nothingUsableMeansNoStylesheet() throws Exception {
        assertEquals("", SmartStyle.parse("{\"unknown\":\"x\"}").css());
    }
}
