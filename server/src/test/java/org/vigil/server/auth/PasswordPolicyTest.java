package org.vigil.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The password policy: length, not the user name, and not guessable from common/leaked-password lists. */
class PasswordPolicyTest {

    private static String weakness(String pw, String user) {
        return PasswordHasher.weakness(pw.toCharArray(), user);
    }

    @Test
    void commonAndLeakedPasswordsAreRefusedWhateverTheirLength() {
        for (String pw : new String[] {
            "password1234",
            "Password1234!",
            "qwertyuiop123",
            "123456789012",
            "iloveyou2024",
            "letmein12345",
            "vigilvigil2024"
        }) {
            assertThat(weakness(pw, "sam")).as(pw).contains("too easy to guess");
        }
    }

    @Test
    void theUserNameInsideThePasswordDoesNotCount() {
        assertThat(weakness("supervisor.jones1", "supervisor.jones")).isNotNull();
    }

    @Test
    void passphrasesOfUnrelatedWordsAndRandomStringsPass() {
        for (String pw : new String[] {
            "admin-passphrase-Kq7#x",
            "pass-of-observer-9!xyz",
            "pass-of-supervisor-9!xyz",
            "violet-anchor-biscuit-harbour",
            "t8#Qm2!vR4zL",
            "mallory-is-admin-now",
            "alice-long-passphrase"
        }) {
            assertThat(weakness(pw, "sam")).as(pw).isNull();
        }
    }

    @Test
    void lengthRulesStay() {
        assertThat(weakness("short", "sam")).contains("at least");
        assertThat(weakness("sam-sam-sam-sam", "sam-sam-sam-sam")).contains("user name");
    }
}
