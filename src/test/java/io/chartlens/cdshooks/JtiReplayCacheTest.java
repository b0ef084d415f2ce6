package io.chartlens.cdshooks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class JtiReplayCacheTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-24T10:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    @Test
    void aJtiIsAcceptedOncePerIssuer() {
        JtiReplayCache cache = new JtiReplayCache(10, clock);
        Instant until = now.get().plusSeconds(300);
        assertEquals(JtiReplayCache.Use.FIRST, cache.use("iss-a", "1", until));
        assertEquals(JtiReplayCache.Use.REPLAYED, cache.use("iss-a", "1", until));
        assertEquals(JtiReplayCache.Use.FIRST, cache.use("iss-b", "1", until), "another issuer's jti is another id");
    }

    @Test
    void whenFullExpiredEntriesMakeRoomAndOtherwiseItRefuses() {
        JtiReplayCache cache = new JtiReplayCache(2, clock);
        cache.use("iss", "1", now.get().plusSeconds(60));
        cache.use("iss", "2", now.get().plusSeconds(600));
        assertEquals(JtiReplayCache.Use.FULL, cache.use("iss", "3", now.get().plusSeconds(60)));
        now.set(now.get().plus(Duration.ofSeconds(61)));
        assertEquals(JtiReplayCache.Use.FIRST, cache.use("iss", "3", now.get().plusSeconds(60)));
        assertEquals(2, cache.size());
        assertEquals(JtiReplayCache.Use.REPLAYED, cache.use("iss", "2", now.get().plusSeconds(60)));
    }
}
