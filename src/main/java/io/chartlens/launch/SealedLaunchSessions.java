package io.chartlens.launch;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.Serial;
import java.io.Serializable;
import java.util.logging.Logger;

/**
 * The form in which {@link LaunchSessions} rests in a shared session store: one JWE string, sealed with
 * {@link SessionKeys}. Reading it back opens the JWE and rebuilds the launches with a class filter that admits only
 * the launch types and the JDK values they hold. A value that cannot be opened (the key was changed without keeping
 * the old one as a previous key, or the stored bytes were altered) yields no launches: the user is asked to launch
 * again, which is safe, instead of an error or someone else's state.
 */
final class SealedLaunchSessions implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(SealedLaunchSessions.class.getName());
    private static final ObjectInputFilter ALLOWED = ObjectInputFilter.Config.createFilter(
            "maxdepth=12;maxrefs=10000;maxbytes=2000000;io.chartlens.launch.*;java.util.LinkedHashMap;"
                    + "java.util.HashMap;java.util.Map$Entry;java.lang.String;java.lang.Enum;java.lang.Boolean;java.lang.Number;"
                    + "java.lang.Long;java.lang.Integer;java.net.URI;java.time.*;java.lang.Record;!*");

    private final String jwe;

    private SealedLaunchSessions(String jwe) {
        this.jwe = jwe;
    }

    static SealedLaunchSessions seal(LaunchSessions.Snapshot snapshot) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(snapshot);
        } catch (IOException e) {
            throw new IllegalStateException("launch state could not be serialised", e);
        }
        return new SealedLaunchSessions(SessionKeys.current().seal(bytes.toByteArray()));
    }

    @Serial
    private Object readResolve() {
        try {
            byte[] plain = SessionKeys.current().open(jwe);
            return LaunchSessions.restore(read(plain));
        } catch (SessionKeys.OpenException e) {
            LOG.warning("Launch state from the shared session store could not be opened (" + e.failure()
                    + "); the user must launch again. If CHARTLENS_SESSION_KEY changed, keep the old key in "
                    + "CHARTLENS_SESSION_PREVIOUS_KEYS until sessions expire.");
            return LaunchSessions.empty();
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            LOG.warning("Launch state from the shared session store was unreadable (" + e.getClass().getSimpleName()
                    + "); the user must launch again.");
            return LaunchSessions.empty();
        }
    }

    private static LaunchSessions.Snapshot read(byte[] plain) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new LaunchObjectInput(new ByteArrayInputStream(plain))) {
            in.setObjectInputFilter(ALLOWED);
            return (LaunchSessions.Snapshot) in.readObject();
        }
    }

    /** Resolves classes with the application's loader, whichever thread deserialises. */
    private static final class LaunchObjectInput extends ObjectInputStream {
        LaunchObjectInput(InputStream in) throws IOException {
            super(in);
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            try {
                return Class.forName(desc.getName(), false, LaunchSessions.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                return super.resolveClass(desc);
            }
        }
    }
}
