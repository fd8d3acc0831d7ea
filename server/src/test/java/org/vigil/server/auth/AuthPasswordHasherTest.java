package org.vigil.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuthPasswordHasherTest {

    // Known answers from the Argon2 reference implementation (P-H-C phc-winner-argon2, Debian package
    // argon2 0~20171227): echo -n "correct horse battery" | argon2 vigilsalt1234567 -id -t 2 -k K -p 1 -l 32 -e
    private static final String REFERENCE_1MIB =
            "$argon2id$v=19$m=1024,t=2,p=1$dmlnaWxzYWx0MTIzNDU2Nw$tZb/Fxz44MH5VoJaF6XUYb7S4fF4VwqRfrYhyxm1bW8";
    private static final String REFERENCE_DEFAULT_COST =
            "$argon2id$v=19$m=19456,t=2,p=1$dmlnaWxzYWx0MTIzNDU2Nw$dl02+G8DSLSPFvagNCQdg0CshNT46HYNK72dT0L2s/w";

    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void verifiesHashesMadeByTheReferenceImplementation() {
        assertThat(hasher.verify("correct horse battery".toCharArray(), REFERENCE_1MIB))
                .isTrue();
        assertThat(hasher.verify("correct horse battery".toCharArray(), REFERENCE_DEFAULT_COST))
                .isTrue();
        assertThat(hasher.verify("correct horse batterY".toCharArray(), REFERENCE_DEFAULT_COST))
                .isFalse();
    }

    @Test
    void hashesInPhcFormatAtTheDefaultCostWithAFreshSalt() {
        char[] pw = "a long enough passphrase".toCharArray();
        String a = hasher.hash(pw);
        String b = hasher.hash(pw);
        assertThat(a).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain("passphrase");
        assertThat(a).isNotEqualTo(b); // salted
        assertThat(hasher.verify(pw, a)).isTrue();
        assertThat(hasher.verify(pw, b)).isTrue();
        assertThat(hasher.verify("a long enough passphrasf".toCharArray(), a)).isFalse();
        assertThat(hasher.weakerThanCurrent(a)).isFalse();
        assertThat(hasher.weakerThanCurrent(REFERENCE_1MIB)).isTrue();
    }

    @Test
    void malformedOrHostileStoredHashesNeverMatchNorThrow() {
        char[] pw = "whatever passphrase".toCharArray();
        for (String bad : new String[] {
            null,
            "",
            "plain",
            "$argon2i$v=19$m=1024,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA",
            "$argon2id$v=16$m=1024,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA",
            "$argon2id$v=19$m=99999999,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA",
            "$argon2id$v=19$m=1024,t=999,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA",
            "$argon2id$v=19$m=1024,t=2,p=x$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA",
            "$argon2id$v=19$m=1024,t=2,p=1$!!!$aGFzaGhhc2hoYXNoaGFzaA",
            "$argon2id$v=19$m=1024,t=2,p=1$c2FsdHNhbHQ$aGFzaA"
        }) {
            assertThat(hasher.verify(pw, bad)).as(String.valueOf(bad)).isFalse();
        }
    }

    @Test
    void weakPasswordsAreRefusedWithoutQuotingThem() {
        assertThat(PasswordHasher.weakness("short".toCharArray(), "bob")).contains("at least 12");
        assertThat(PasswordHasher.weakness("operator-bob".toCharArray(), "operator-bob"))
                .contains("user name");
        assertThat(PasswordHasher.weakness(new char[2000], "bob")).contains("at most");
        // twelve characters are enough when they are not guessable ("twelve chars" is two dictionary words)
        assertThat(PasswordHasher.weakness("t8#Qm2!vR4zL".toCharArray(), "bob")).isNull();
        assertThat(PasswordHasher.weakness("twelve chars".toCharArray(), "bob")).contains("too easy to guess");
        assertThat(PasswordHasher.weakness("short".toCharArray(), "bob")).doesNotContain("short");
    }
}
