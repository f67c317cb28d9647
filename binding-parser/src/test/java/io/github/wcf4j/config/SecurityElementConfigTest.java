package io.github.wcf4j.config;

import static io.github.wcf4j.config.ConfigFixture.assertNoErrors;
import static io.github.wcf4j.config.ConfigFixture.serviceModel;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.wcf4j.binding.security.SecurityBindingElement;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code <security>} settings WCF leaves to the mode's {@code SecurityBindingElement.Create*} factory unless the
 * attribute is written ({@code SecurityElementBase.ApplyConfiguration} copies only configured values).
 */
class SecurityElementConfigTest {

    private static SecurityBindingElement security(String attributes) {
        ConfigReadResult r = serviceModel("<bindings><customBinding><binding name=\"b\"><security " + attributes
                + "/><textMessageEncoding/><httpTransport/></binding></customBinding></bindings>"
                + "<client><endpoint address=\"http://localhost/x\" binding=\"customBinding\" bindingConfiguration="
                + "\"b\" contract=\"C\"/></client>");
        assertNoErrors(r);
        return r.configuration().orElseThrow().clientEndpoints().get(0).binding()
                .find(SecurityBindingElement.class).orElseThrow();
    }

    @ParameterizedTest
    @CsvSource({
        "AnonymousForCertificate, Default, true",
        "UserNameForCertificate, Default, false",
        "MutualCertificate, Default, true",
        "MutualCertificate, WSSecurity10WSTrustFebruary2005WSSecureConversationFebruary2005WSSecurityPolicy11"
                + "BasicSecurityProfile10, false",
        "UserNameOverTransport, Default, false",
        "SspiNegotiated, Default, false",
    })
    void signatureConfirmationDefaultsAsTheModesFactoryLeavesIt(String mode, String version, boolean expected) {
        assertEquals(expected, security("authenticationMode=\"" + mode + "\" messageSecurityVersion=\"" + version
                + "\"").requireSignatureConfirmation());
    }

    @ParameterizedTest
    @CsvSource({"AnonymousForCertificate, false", "UserNameForCertificate, true"})
    void aConfiguredSignatureConfirmationWins(String mode, boolean configured) {
        assertEquals(configured, security("authenticationMode=\"" + mode + "\" requireSignatureConfirmation=\""
                + configured + "\"").requireSignatureConfirmation());
    }

    @ParameterizedTest
    @CsvSource({
        "MutualCertificate, WSSecurity10WSTrustFebruary2005WSSecureConversationFebruary2005WSSecurityPolicy11"
                + "BasicSecurityProfile10, false, ASYMMETRIC",
        "MutualCertificate, WSSecurity10WSTrust13WSSecureConversation13WSSecurityPolicy12BasicSecurityProfile10,"
                + " false, ASYMMETRIC",
        "MutualCertificate, Default, true, SYMMETRIC",
        "MutualCertificateDuplex, Default, false, ASYMMETRIC",
        "AnonymousForCertificate, WSSecurity10WSTrustFebruary2005WSSecureConversationFebruary2005WSSecurityPolicy11"
                + "BasicSecurityProfile10, true, SYMMETRIC",
    })
    void derivedKeysAndTheElementClassAsTheModesFactoryLeavesThem(String mode, String version, boolean derived,
            String family) {
        SecurityBindingElement e = security("authenticationMode=\"" + mode + "\" messageSecurityVersion=\"" + version
                + "\"");
        assertEquals(derived, e.requireDerivedKeys());
        assertEquals(family, e.family().name());
        assertEquals(family.equals("ASYMMETRIC"), e.supportsDuplex(), "AsymmetricSecurityBindingElement.SupportsDuplex");
    }

    @ParameterizedTest
    @CsvSource({"MutualCertificate, true", "MutualCertificateDuplex, false"})
    void aConfiguredRequireDerivedKeysWins(String mode, boolean configured) {
        assertEquals(configured, security("authenticationMode=\"" + mode + "\" messageSecurityVersion=\""
                + "WSSecurity10WSTrustFebruary2005WSSecureConversationFebruary2005WSSecurityPolicy11"
                + "BasicSecurityProfile10\" requireDerivedKeys=\"" + configured + "\"").requireDerivedKeys());
    }
}
