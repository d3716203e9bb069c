package cn.mashang.qr;

import jakarta.inject.Singleton;

import java.security.SecureRandom;

/**
 * Short unguessable tokens: 10 characters from a 31-letter alphabet without look-alikes
 * (no 0/o, 1/l/i), about 49 bits of randomness. Never derived from a database id.
 */
@Singleton
public class CodeGenerator {
    static final String ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz";
    static final int LENGTH = 10;
    private final SecureRandom random = new SecureRandom();

    public String next() {
        char[] out = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            out[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        return new String(out);
    }

    /** True when the text has the shape of a code (cheap check before any lookup). */
    public static boolean wellFormed(String text) {
        if (text == null || text.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (ALPHABET.indexOf(text.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }
}
