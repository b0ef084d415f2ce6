package io.chartlens.testsupport;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpSession;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

/** An in-memory {@link HttpSession} for unit tests; counts {@code setAttribute} calls so re-sets can be asserted. */
public final class MemorySession implements HttpSession {

    private final Map<String, Object> attributes = new LinkedHashMap<>();
    private final long createdAt = System.currentTimeMillis();
    private int setAttributeCalls;
    private boolean invalidated;

    public int setAttributeCalls() {
        return setAttributeCalls;
    }

    @Override
    public long getCreationTime() {
        return createdAt;
    }

    @Override
    public String getId() {
        return "memory-session";
    }

    @Override
    public long getLastAccessedTime() {
        return createdAt;
    }

    @Override
    public ServletContext getServletContext() {
        return null;
    }

    @Override
    public void setMaxInactiveInterval(int interval) {
    }

    @Override
    public int getMaxInactiveInterval() {
        return 0;
    }

    @Override
    public Object getAttribute(String name) {
        checkValid();
        return attributes.get(name);
    }

    @Override
    public Enumeration<String> getAttributeNames() {
        checkValid();
        return Collections.enumeration(attributes.keySet());
    }

    @Override
    public void setAttribute(String name, Object value) {
        checkValid();
        setAttributeCalls++;
        attributes.put(name, value);
    }

    @Override
    public void removeAttribute(String name) {
        checkValid();
        attributes.remove(name);
    }

    @Override
    public void invalidate() {
        checkValid();
        invalidated = true;
        attributes.clear();
    }

    @Override
    public boolean isNew() {
        return false;
    }

    private void checkValid() {
        if (invalidated) {
            throw new IllegalStateException("session invalidated");
        }
    }
}
