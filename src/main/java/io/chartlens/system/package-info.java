/** Cross-cutting pieces: page rendering, error pages, security headers, health and configuration. */
package io.chartlens.system;
