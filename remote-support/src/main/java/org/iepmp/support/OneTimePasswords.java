package org.iepmp.support;

import java.security.SecureRandom;

/**
 * Passwords to read aloud over the phone: eight characters (the most VNC authentication uses),
 * from an alphabet without look-alikes such as 0/O and 1/l.
 */
public final class OneTimePasswords {

    private static final char[] ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789".toCharArray();
    static final int LENGTH = 8;

    private final SecureRandom random;

    public OneTimePasswords(SecureRandom random) {
        this.random = random;
    }

    public String next() {
        char[] password = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            password[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(password);
    }
}
