package org.smartcc.api.application;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.smartcc.api.domain.PopulationCursor;
import org.smartcc.store.domain.CodedException;
import org.smartcc.store.domain.ErrorKind;

/**
 * Cursors as opaque text: the cursor's fields and an HMAC-SHA256 over them with a key derived from the server's
 * stored or configured secret, so a cursor stays valid across restarts and no client can make or alter one. The
 * fields are not secret (the caller was served them); only their integrity is protected.
 */
public final class PopulationCursors {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final byte VERSION = 1;
    private static final int MAX_LENGTH = 4096;

    private final SecretKeySpec key;

    /** @param secret the server's secret; the key is derived from it for this one purpose */
    public PopulationCursors(byte[] secret) {
        if (secret.length < 16) {
            throw new IllegalArgumentException("the cursor secret must have at least 16 bytes");
        }
        this.key = new SecretKeySpec(hmac(new SecretKeySpec(secret, "HmacSHA256"),
                "smartcc population cursor".getBytes(StandardCharsets.UTF_8)), "HmacSHA256");
    }

    public String sign(PopulationCursor cursor) {
        byte[] payload = payload(cursor);
        return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(hmac(key, payload));
    }

    /** @throws CodedException CURSOR_INVALID (400) for anything this server did not sign */
    public PopulationCursor read(String text) {
        int dot = text.indexOf('.');
        if (text.length() > MAX_LENGTH || dot < 0) {
            throw invalid();
        }
        byte[] payload;
        byte[] mac;
        try {
            payload = DECODER.decode(text.substring(0, dot));
            mac = DECODER.decode(text.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (!MessageDigest.isEqual(mac, hmac(key, payload))) {
            throw invalid();
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
            if (in.readByte() != VERSION) {
                throw invalid();
            }
            PopulationCursor cursor = new PopulationCursor(in.readLong(), in.readUTF(), in.readUTF(), in.readUTF(),
                    in.readUTF());
            if (in.read() != -1) {
                throw invalid();
            }
            return cursor;
        } catch (IOException e) {
            throw invalid();
        }
    }

    private static byte[] payload(PopulationCursor cursor) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeLong(cursor.setId());
            out.writeUTF(cursor.collection());
            out.writeUTF(cursor.filters());
            out.writeUTF(cursor.lastRecordId());
            out.writeUTF(cursor.fingerprint());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] hmac(SecretKeySpec key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static CodedException invalid() {
        return new CodedException(ErrorKind.INVALID_INPUT, "CURSOR_INVALID",
                "the cursor was not handed out by this server; start again without one");
    }
}
