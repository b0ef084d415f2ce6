package io.chartlens.launch;

/**
 * A CDI event fired when a launch has completed at the callback, before the browser is redirected: features can
 * start work that the first page will need (the record load) without the launch package knowing them.
 */
public record LaunchCompleted(LaunchSession launch, EhrRegistration registration) {
}
