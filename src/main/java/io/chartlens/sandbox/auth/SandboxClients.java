package io.chartlens.sandbox.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.AsymmetricJWK;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.auth.verifier.ClientCredentialsSelector;
import com.nimbusds.oauth2.sdk.auth.verifier.Context;
import com.nimbusds.oauth2.sdk.auth.verifier.InvalidClientException;
import com.nimbusds.oauth2.sdk.client.ClientInformation;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import io.chartlens.system.ConfigFiles;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.minidev.json.JSONObject;

/**
 * The clients registered at the sandbox authorization server, read from {@code smart-config/sandbox/clients.json}
 * as RFC 7591 client metadata ({@code client_id}, {@code redirect_uris}, {@code token_endpoint_auth_method},
 * {@code jwks} or {@code client_secret}). Also tells Nimbus' {@code ClientAuthenticationVerifier} which secret or
 * public keys belong to a client (SMART App Launch 2.x §5 client-confidential-asymmetric/-symmetric).
 */
@ApplicationScoped
public class SandboxClients implements ClientCredentialsSelector<Void> {

    static final String CONFIG_FILE = "sandbox/clients.json";

    @Inject
    ConfigFiles configFiles;

    private volatile Map<ClientID, ClientInformation> clients = Map.of();

    /** For CDI; the registry is loaded from {@link #CONFIG_FILE} after injection. */
    public SandboxClients() {}

    public SandboxClients(List<ClientInformation> clients) {
        this.clients = index(clients);
    }

    @PostConstruct
    void load() {
        try {
            clients = index(parse(configFiles.readExpanded(CONFIG_FILE)));
        } catch (ParseException e) {
            throw new IllegalStateException("smart-config/" + CONFIG_FILE + " is not valid: " + e.getMessage(), e);
        }
    }

    /** Parses a clients file: {@code {"developmentOnly": true, "clients": [ RFC 7591 metadata... ]}}. */
    public static List<ClientInformation> parse(String json) throws ParseException {
        JSONObject root = JSONObjectUtils.parse(json);
        if (!JSONObjectUtils.getBoolean(root, "developmentOnly", false)) {
            throw new ParseException("sandbox clients must be marked \"developmentOnly\": true");
        }
        List<ClientInformation> parsed = new ArrayList<>();
        for (Object entry : JSONObjectUtils.getJSONArray(root, "clients")) {
            if (!(entry instanceof JSONObject client)) {
                throw new ParseException("Each entry of \"clients\" must be a JSON object");
            }
            ClientInformation info = ClientInformation.parse(client);
            ClientAuthenticationMethod method = info.getMetadata().getTokenEndpointAuthMethod();
            if (ClientAuthenticationMethod.PRIVATE_KEY_JWT.equals(method) && info.getMetadata().getJWKSet() == null) {
                throw new ParseException("Client " + info.getID() + " uses private_key_jwt but has no jwks");
            }
            if (ClientAuthenticationMethod.CLIENT_SECRET_BASIC.equals(method) && info.getSecret() == null) {
                throw new ParseException("Client " + info.getID() + " uses client_secret_basic but has no secret");
            }
            if (info.getMetadata().getRedirectionURIs() == null || info.getMetadata().getRedirectionURIs().isEmpty()) {
                throw new ParseException("Client " + info.getID() + " has no redirect_uris");
            }
            parsed.add(info);
        }
        return parsed;
    }

    /** The registered client with this id, if any. */
    public Optional<ClientInformation> find(ClientID clientId) {
        return clientId == null ? Optional.empty() : Optional.ofNullable(clients.get(clientId));
    }

    @Override
    public List<Secret> selectClientSecrets(ClientID clientId, ClientAuthenticationMethod method, Context<Void> context)
            throws InvalidClientException {
        ClientInformation client = registeredFor(clientId, method);
        if (client.getSecret() == null) {
            throw InvalidClientException.NO_REGISTERED_SECRET;
        }
        return List.of(client.getSecret());
    }

    @Override
    public List<? extends PublicKey> selectPublicKeys(ClientID clientId, ClientAuthenticationMethod method,
                                                      JWSHeader header, boolean forceRefresh, Context<Void> context)
            throws InvalidClientException {
        ClientInformation client = registeredFor(clientId, method);
        JWKSet jwkSet = client.getMetadata().getJWKSet();
        if (jwkSet == null) {
            throw InvalidClientException.NO_REGISTERED_JWK_SET;
        }
        List<PublicKey> keys = new ArrayList<>();
        for (JWK jwk : new JWKSelector(JWKMatcher.forJWSHeader(header)).select(jwkSet)) {
            try {
                keys.add(((AsymmetricJWK) jwk).toPublicKey());
            } catch (JOSEException | ClassCastException e) {
                throw new InvalidClientException("Registered key " + jwk.getKeyID() + " is not a usable public key");
            }
        }
        if (keys.isEmpty()) {
            throw InvalidClientException.NO_MATCHING_JWK;
        }
        return keys;
    }

    private ClientInformation registeredFor(ClientID clientId, ClientAuthenticationMethod method)
            throws InvalidClientException {
        ClientInformation client = find(clientId).orElseThrow(() -> InvalidClientException.BAD_ID);
        if (!method.equals(client.getMetadata().getTokenEndpointAuthMethod())) {
            throw InvalidClientException.NOT_REGISTERED_FOR_AUTH_METHOD;
        }
        return client;
    }

    private static Map<ClientID, ClientInformation> index(List<ClientInformation> list) {
        Map<ClientID, ClientInformation> byId = new LinkedHashMap<>();
        list.forEach(c -> byId.put(c.getID(), c));
        return Map.copyOf(byId);
    }
}
