package io.chartlens.summary;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import net.minidev.json.JSONObject;

/**
 * The EHR's style (SMART App Launch 2.x "Styling", the token response's {@code smart_style_url}) as CSS custom
 * properties for ChartLens's own stylesheet. Every value is checked against a strict pattern and dropped if it does
 * not match, so an EHR's style can change colours and fonts but can never inject CSS.
 */
public record SmartStyle(Map<String, String> properties) {

    private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{3,8}|rgba?\\(\\s*[0-9.%\\s,]{5,40}\\)");
    private static final Pattern DIMENSION = Pattern.compile("\\d{1,3}(\\.\\d{1,2})?(px|rem|em)");
    private static final Pattern FONT = Pattern.compile("[A-Za-z0-9 ,\"'\\-]{1,200}");

    /** SMART style key → ChartLens CSS custom property, with the pattern its value must match. */
    private static final Map<String, Object[]> MAPPING = mapping();

    private static Map<String, Object[]> mapping() {
        Map<String, Object[]> m = new LinkedHashMap<>();
        m.put("color_background", new Object[] {"--page-bg", COLOR});
        m.put("color_text", new Object[] {"--text", COLOR});
        m.put("color_highlight", new Object[] {"--accent", COLOR});
        m.put("color_error", new Object[] {"--bad-text", COLOR});
        m.put("color_success", new Object[] {"--ok-text", COLOR});
        m.put("dim_border_radius", new Object[] {"--radius", DIMENSION});
        m.put("dim_spacing_size", new Object[] {"--space", DIMENSION});
        m.put("dim_font_size", new Object[] {"--font-size", DIMENSION});
        m.put("font_family_body", new Object[] {"--font", FONT});
        m.put("font_family_heading", new Object[] {"--font-heading", FONT});
        return m;
    }

    public SmartStyle {
        properties = Map.copyOf(properties);
    }

    public static SmartStyle parse(String json) throws ParseException {
        JSONObject o = JSONObjectUtils.parse(json);
        Map<String, String> properties = new LinkedHashMap<>();
        MAPPING.forEach((key, target) -> {
            if (o.get(key) instanceof String value && ((Pattern) target[1]).matcher(value.trim()).matches()) {
                properties.put((String) target[0], value.trim());
            }
        });
        return new SmartStyle(properties);
    }

    /** A stylesheet that sets the custom properties; empty when nothing usable was sent. */
    public String css() {
        if (properties.isEmpty()) {
            return "";
        }
        StringBuilder css = new StringBuilder(":root {\n");
        properties.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> css.append("  ").append(e.getKey()).append(": ").append(e.getValue()).append(";\n"));
        return css.append("}\n").toString();
    }
}
