package io.chartlens.sandbox.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartlens.sandbox.auth.SandboxLaunchContexts.LaunchContext;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SandboxLaunchContextStoreTest {

    final SandboxAuthServer.MovableClock clock = new SandboxAuthServer.MovableClock();
    final SandboxLaunchContextStore store = new SandboxLaunchContextStore(clock);
    final LaunchContext context = new LaunchContext("pat-1", "enc-1", "sandbox-clinician");

    @Test
    void launchValuesAreUrlSafeAndCarryAtLeast128Bits() {
        String launch = store.register(context);
        assertTrue(launch.matches("[A-Za-z0-9_-]+"), launch);
        assertTrue(Base64.getUrlDecoder().decode(launch).length >= 16);
        assertNotEquals(launch, store.register(context));
    }

    @Test
    void registeredLaunchIsFoundWithinTheHour() {
        String launch = store.register(context);
        clock.advance(Duration.ofMinutes(59));
        assertEquals(context, store.find(launch).orElseThrow());
    }

    @Test
    void launchExpiresAfterOneHour() {
        String launch = store.register(context);
        clock.advance(Duration.ofMinutes(60));
        assertTrue(store.find(launch).isEmpty());
    }

    @Test
    void unknownOrNullLaunchIsNotFound() {
        assertTrue(store.find("nope").isEmpty());
        assertTrue(store.find(null).isEmpty());
    }
}
