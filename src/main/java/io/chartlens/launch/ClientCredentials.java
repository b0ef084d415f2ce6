package io.chartlens.launch;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.AsymmetricJWK;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import java.net.URI;
import net.minidev.json.JSONObject;

/**
 * The secret material ChartLens uses at one EHR's token endpoint: a private JWK (private_key_jwt, RFC 7523) or a
 * client secret (client_secret_basic). Never serialized, never logged ({@link #toString()} hides it).
 */
public final class ClientCredentials {

    /** Turns a registration's {@code clientAuthentication} object into credentials. */
    @FunctionalInterface
    public interface Resolver {
        ClientCredentials resolve(JSONObject clientAuthentication, boolean developmentOnly) throws ParseException;
    }

    private final ClientAuthenticationMethod method;
    private final JWK privateKey;
    private final JWSAlgorithm algorithm;
    private final Secret secret;

    private ClientCredentials(ClientAuthenticationMethod method, JWK privateKey, JWSAlgorithm algorithm, Secret secret) {
        this.method = method;
        this.privateKey = privateKey;
        this.algorithm = algorithm;
        this.secret = secret;
    }

    public static ClientCredentials privateKeyJwt(JWK privateKey, JWSAlgorithm algorithm) {
        if (!privateKey.isPrivate() || !(privateKey instanceof AsymmetricJWK)) {
            throw new IllegalArgumentException("private_key_jwt needs a private RSA or EC JWK");
        }
        return new ClientCredentials(ClientAuthenticationMethod.PRIVATE_KEY_JWT, privateKey, algorithm, null);
    }

    public static ClientCredentials clientSecretBasic(Secret secret) {
        return new ClientCredentials(ClientAuthenticationMethod.CLIENT_SECRET_BASIC, null, null, secret);
    }

    public ClientAuthenticationMethod method() {
        return method;
    }

    /** A fresh client authentication for one token request (a new assertion with a new jti each time). */
    public ClientAuthentication authenticationFor(ClientID clientId, URI tokenEndpoint) throws JOSEException {
        if (method == ClientAuthenticationMethod.CLIENT_SECRET_BASIC) {
            return new ClientSecretBasic(clientId, secret);
        }
        return new PrivateKeyJWT(clientId, tokenEndpoint, algorithm,
                ((AsymmetricJWK) privateKey).toPrivateKey(), privateKey.getKeyID(), null);
    }

    @Override
    public String toString() {
        return "ClientCredentials[" + method.value() + "]";
    }
}
