/** The sandbox EHR's SMART App Launch 2.x authorization server (discovery, authorize, token, JWKS); development only. */
package io.chartlens.sandbox.auth;
