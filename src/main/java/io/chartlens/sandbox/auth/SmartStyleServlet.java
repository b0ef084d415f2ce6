package io.chartlens.sandbox.auth;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import net.minidev.json.JSONObject;

/** The sandbox EHR's style sheet for embedded apps, the token response's {@code smart_style_url} (SMART App Launch 2.x §2.0.10, "Styling"). */
public class SmartStyleServlet extends HttpServlet {

    static final Map<String, Object> STYLE = style();

    private static Map<String, Object> style() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("color_background", "#f6f8fa");
        s.put("color_error", "#b00020");
        s.put("color_highlight", "#005ea2");
        s.put("color_modal_backdrop", "rgba(0, 0, 0, 0.5)");
        s.put("color_success", "#00703c");
        s.put("color_text", "#1b1b1b");
        s.put("dim_border_radius", "4px");
        s.put("dim_font_size", "16px");
        s.put("dim_spacing_size", "8px");
        s.put("font_family_body", "\"Source Sans Pro\", \"Helvetica Neue\", Arial, sans-serif");
        s.put("font_family_heading", "\"Source Sans Pro\", \"Helvetica Neue\", Arial, sans-serif");
        return java.util.Collections.unmodifiableMap(s);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        JsonResponses.write(resp, new JSONObject(new LinkedHashMap<>(STYLE)).toJSONString());
    }
}
