package io.entente.platform.testing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;

/**
 * Tokens that must never open an API, for every service's token-hardening test. Each is built from a
 * {@code powerful} builder (admin, every alliance), so that a 401 can only come from the defect itself.
 */
public final class DefectiveTokens {

    private DefectiveTokens() {
    }

    public record DefectiveToken(String defect, String token) {
    }

    public static List<DefectiveToken> all(Supplier<TestTokens.Builder> powerful) {
        String valid = TestTokens.user("nora").roles("stakeholder").alliances("LIC-CORVID").sign();
        String[] parts = valid.split("\\.");
        String forgedClaims = powerful.get().unsigned().split("\\.")[1];
        return List.of(
                new DefectiveToken("expired", powerful.get().expiresIn(Duration.ofMinutes(-5)).sign()),
                new DefectiveToken("wrong issuer", powerful.get().issuer("https://evil.example/realms/entente").sign()),
                new DefectiveToken("wrong audience", powerful.get().audience("some-other-api").sign()),
                new DefectiveToken("signed with another key", powerful.get().signedWithOtherKey().sign()),
                new DefectiveToken("unsigned (alg none)", powerful.get().unsigned()),
                new DefectiveToken("claims swapped under a valid signature",
                        parts[0] + "." + forgedClaims + "." + parts[2]),
                new DefectiveToken("signature stripped", parts[0] + "." + parts[1] + "."),
                new DefectiveToken("not a JWT", "not-a-token"),
                new DefectiveToken("HS256 with the public key as secret", hs256WithPublicKey(forgedClaims)));
    }

    /** The classic algorithm-confusion attack: an HMAC "signed" with the (public) RSA key. */
    private static String hs256WithPublicKey(String claims) {
        try {
            Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
            String header = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(TestTokens.publicKey().getBytes(StandardCharsets.US_ASCII),
                    "HmacSHA256"));
            byte[] sig = mac.doFinal((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
            return header + "." + claims + "." + b64.encodeToString(sig);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
