/** SMART App Launch 2.x client: EHR and standalone launch, discovery, PKCE, token exchange, id_token, refresh. */
package io.chartlens.launch;
