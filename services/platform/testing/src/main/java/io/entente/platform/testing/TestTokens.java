package io.entente.platform.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import org.jose4j.json.JsonUtil;

/**
 * Access tokens for tests, shaped like the Keycloak tokens of realm {@code entente} (see docs/CONVENTIONS.md) and
 * signed (RS256) with the TEST-ONLY key pair committed in {@code src/main/resources/entente-test-keys/}. That private
 * key is public knowledge: only services under test, configured by {@link OidcTestResource}, may trust it.
 *
 * <pre>
 * String token = TestTokens.user("alice").roles("alliance-manager").alliances("ONC-HELIX").sign();
 * </pre>
 *
 * Claims: {@code sub}, {@code preferred_username} (both the user id), {@code name}, {@code realm_access.roles},
 * {@code groups} ({@code alliance:<KEY>}, omitted when there are none), {@code iss}, {@code aud}, {@code iat},
 * {@code exp}.
 */
public final class TestTokens {

    public static final String ISSUER = "https://auth.entente.test/realms/entente";
    public static final String AUDIENCE = "entente-api";

    static final Duration DEFAULT_LIFETIME = Duration.ofHours(1);
    private static final String KEY_DIR = "/entente-test-keys/";

    private TestTokens() {
    }

    /** The test public key as base64 DER (SubjectPublicKeyInfo, no PEM armour): the value for quarkus.oidc.public-key. */
    public static String publicKey() {
        return Keys.PUBLIC_KEY_BASE64;
    }

    /** The test public key, e.g. to verify tokens in plain unit tests. */
    public static PublicKey publicKeyObject() {
        return Keys.PUBLIC_KEY;
    }

    public static Builder user(String userId) {
        return new Builder(userId);
    }

    public static final class Builder {
        private final String userId;
        private String name;
        private final List<String> roles = new ArrayList<>();
        private final Set<String> groups = new LinkedHashSet<>();
        private String issuer = ISSUER;
        private String audience = AUDIENCE;
        private Duration expiresIn = DEFAULT_LIFETIME;
        private boolean otherKey;
        private String email;

        private Builder(String userId) {
            if (userId == null || userId.isBlank()) {
                throw new IllegalArgumentException("userId must not be blank");
            }
            this.userId = userId;
            this.name = userId;
        }

        /** Display name ({@code name} claim); defaults to the user id. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** The {@code email} claim Keycloak adds from the user's profile; absent unless set. */
        public Builder email(String email) {
            this.email = email;
            return this;
        }

        /** Realm roles ({@code realm_access.roles}), e.g. {@code admin}, {@code team-member}. Adds to earlier calls. */
        public Builder roles(String... roles) {
            this.roles.addAll(List.of(roles));
            return this;
        }

        /** Alliance memberships: each key becomes the group {@code alliance:<key>}. Adds to earlier calls. */
        public Builder alliances(String... keys) {
            for (String key : keys) {
                groups.add("alliance:" + key);
            }
            return this;
        }

        public Builder issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        public Builder audience(String audience) {
            this.audience = audience;
            return this;
        }

        /** Lifetime from now; negative gives a token that has already expired. Default one hour. */
        public Builder expiresIn(Duration expiresIn) {
            this.expiresIn = expiresIn;
            return this;
        }

        /** Sign with a freshly generated key that no service trusts (bad-signature tests). */
        public Builder signedWithOtherKey() {
            this.otherKey = true;
            return this;
        }

        /** The compact JWS, RS256. */
        public String sign() {
            Map<String, Object> claims = claims();
            JwtClaimsBuilder jwt = Jwt.claims();
            claims.forEach(jwt::claim);
            return jwt.jws().algorithm(SignatureAlgorithm.RS256)
                    .sign(otherKey ? Keys.otherKeyPair().getPrivate() : Keys.PRIVATE_KEY);
        }

        /** The same claims with {@code "alg":"none"} and an empty signature (must be rejected). */
        public String unsigned() {
            Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
            String header = "{\"alg\":\"none\",\"typ\":\"JWT\"}";
            return b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                    + b64.encodeToString(JsonUtil.toJson(claims()).getBytes(StandardCharsets.UTF_8)) + ".";
        }

        Map<String, Object> claims() {
            Instant now = Instant.now();
            Instant exp = now.plus(expiresIn);
            // An expired token should still look issued before it expired.
            Instant iat = expiresIn.isNegative() ? exp.minus(DEFAULT_LIFETIME) : now;
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("iss", issuer);
            c.put("sub", userId);
            c.put("aud", audience);
            c.put("iat", iat.getEpochSecond());
            c.put("exp", exp.getEpochSecond());
            c.put("preferred_username", userId);
            c.put("name", name);
            c.put("realm_access", Map.of("roles", List.copyOf(roles)));
            if (!groups.isEmpty()) {
                c.put("groups", List.copyOf(groups));
            }
            if (email != null) {
                c.put("email", email);
            }
            return c;
        }
    }

    /** Lazily loaded key material. */
    private static final class Keys {
        static final PrivateKey PRIVATE_KEY;
        static final PublicKey PUBLIC_KEY;
        static final String PUBLIC_KEY_BASE64;
        private static KeyPair otherKeyPair;

        static {
            try {
                KeyFactory rsa = KeyFactory.getInstance("RSA");
                PRIVATE_KEY = rsa.generatePrivate(new PKCS8EncodedKeySpec(pemBody("private-key.pem", "PRIVATE KEY")));
                byte[] publicDer = pemBody("public-key.pem", "PUBLIC KEY");
                PUBLIC_KEY = rsa.generatePublic(new X509EncodedKeySpec(publicDer));
                PUBLIC_KEY_BASE64 = Base64.getEncoder().encodeToString(publicDer);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Invalid test key in " + KEY_DIR, e);
            }
        }

        static synchronized KeyPair otherKeyPair() {
            if (otherKeyPair == null) {
                try {
                    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
                    g.initialize(2048);
                    otherKeyPair = g.generateKeyPair();
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException(e);
                }
            }
            return otherKeyPair;
        }

        private static byte[] pemBody(String file, String type) {
            try (InputStream in = TestTokens.class.getResourceAsStream(KEY_DIR + file)) {
                if (in == null) {
                    throw new IllegalStateException("Missing test key " + KEY_DIR + file + " on the classpath");
                }
                String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
                String body = pem.replace("-----BEGIN " + type + "-----", "")
                        .replace("-----END " + type + "-----", "")
                        .replaceAll("\\s", "");
                return Base64.getDecoder().decode(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
