package io.github.wcf4j.runtime.security.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.credentials.TokenImpersonationLevel;
import io.github.wcf4j.binding.credentials.WindowsClientCredential;
import io.github.wcf4j.binding.credentials.WindowsServiceCredential;
import org.junit.jupiter.api.Test;

/** What the JVM's Kerberos makes of the credentials behaviors' Windows settings, level by level. */
class WindowsCredentialsTest {

    private static WindowsCredentials client(TokenImpersonationLevel level, boolean allowNtlm) {
        return new WindowsCredentials(new WindowsClientCredential(level, allowNtlm),
                WindowsServiceCredential.defaults());
    }

    @Test
    void spnegoDelegatesForDelegationOnlyAndAllowNtlmChangesNothing() {
        for (boolean ntlm : new boolean[] {true, false}) {
            assertFalse(client(TokenImpersonationLevel.Identification, ntlm).delegation());
            assertFalse(client(TokenImpersonationLevel.Impersonation, ntlm).delegation());
            assertTrue(client(TokenImpersonationLevel.Delegation, ntlm).delegation());
        }
    }

    @Test
    void noneIsWcfsSspiRefusalAndAnonymousIsRefusedByName() {
        IllegalStateException none = assertThrows(IllegalStateException.class,
                () -> client(TokenImpersonationLevel.None, true).delegation());
        assertEquals(WcfText.SpnegoImpersonationLevelCannotBeSetToNone.format(), none.getMessage());
        IllegalStateException anonymous = assertThrows(IllegalStateException.class,
                () -> client(TokenImpersonationLevel.Anonymous, true).delegation());
        assertTrue(anonymous.getMessage().contains("allowedImpersonationLevel=\"Anonymous\""), anonymous.getMessage());
    }

    @Test
    void theKerberosTokenProfileTakesIdentificationAndImpersonationOnly() {
        client(TokenImpersonationLevel.Identification, true).checkKerberosToken();
        client(TokenImpersonationLevel.Impersonation, false).checkKerberosToken();
        for (TokenImpersonationLevel level : new TokenImpersonationLevel[] {TokenImpersonationLevel.Delegation,
            TokenImpersonationLevel.Anonymous, TokenImpersonationLevel.None}) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> client(level, true).checkKerberosToken());
            assertTrue(e.getMessage().contains("allowedImpersonationLevel=\"" + level + "\""), e.getMessage());
        }
    }

    @Test
    void anAnonymousLogonIsRefusedUnlessAllowed() {
        WindowsCredentials refusing = WindowsCredentials.defaults();
        SecurityTokenValidationException e = assertThrows(SecurityTokenValidationException.class,
                () -> refusing.caller(WindowsCredentials.ANONYMOUS));
        assertTrue(e.getMessage().contains("allowAnonymousLogons=\"false\""), e.getMessage());
        assertEquals("alice@EXAMPLE.COM", refusing.caller("alice@EXAMPLE.COM").primaryIdentityName());
        WindowsCredentials allowing = new WindowsCredentials(WindowsClientCredential.defaults(),
                new WindowsServiceCredential(true, true));
        assertEquals("Kerberos", allowing.caller(WindowsCredentials.ANONYMOUS).authenticationType());
    }
}
