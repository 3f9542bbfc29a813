package org.iepmp.practice;

import java.security.SecureRandom;

/** The random suffixes Kubernetes appends to generated names (its alphabet avoids vowels and look-alikes). */
final class NameSuffix {

    private static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";
    private final SecureRandom random = new SecureRandom();

    String random5() {
        return random(5);
    }

    String random(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
