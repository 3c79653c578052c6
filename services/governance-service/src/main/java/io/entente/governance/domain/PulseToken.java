package io.entente.governance.domain;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The credential of a survey link: a random id and its HMAC under the service's key, {@code <id>.<signature>}. The
 * signature lets a forged or mistyped link be refused before the database is asked; the database keeps only a hash
 * of the whole token, and the service can show the attendee their link again by signing the stored id.
 */
public final class PulseToken {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}");
    private static final String PURPOSE = "entente-pulse-v1:";

    private final SecretKeySpec key;

    public PulseToken(String signingKey) {
        if (signingKey == null || signingKey.length() < 16) {
            throw new IllegalArgumentException("the pulse signing key must have at least 16 characters");
        }
        this.key = new SecretKeySpec(signingKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** A fresh random id (128 bits). */
    public static String newId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return B64.encodeToString(bytes);
    }

    public String sign(String id) {
        return id + "." + mac(id);
    }

    /** The id of a well-formed token whose signature is ours; empty for anything else (compared in constant time). */
    public Optional<String> verify(String token) {
        if (token == null || token.length() != 66 || !SHAPE.matcher(token).matches()) {
            return Optional.empty();
        }
        String id = token.substring(0, 22);
        byte[] expected = mac(id).getBytes(StandardCharsets.US_ASCII);
        byte[] given = token.substring(23).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given) ? Optional.of(id) : Optional.empty();
    }

    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String mac(String id) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return B64.encodeToString(mac.doFinal((PURPOSE + id).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
