package io.github.wcf4j.binding.standard;

import io.github.wcf4j.binding.ArgumentChecks;
import io.github.wcf4j.binding.BindingValidationException;
import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.security.SecurityAlgorithmSuite;

/**
 * {@code <security><message>} of a standard binding.
 *
 * @param clientCredentialType       {@code Windows} (WS bindings, netTcp) or {@code UserName} (basicHttp)
 * @param negotiateServiceCredential WS bindings, {@code true}
 * @param establishSecurityContext   wsHttp/ws2007Http, {@code true}: use WS-SecureConversation
 * @param algorithmSuite             {@code Default}
 * @param algorithmSuiteSet          whether {@code algorithmSuite} was written (WCF's {@code WasAlgorithmSuiteSet}):
 *                                   when not, a Kerberos element ({@code Windows} without
 *                                   {@code negotiateServiceCredential}) gets {@code KerberosDefault}, Basic128
 */
public record MessageSecurity(MessageCredentialType clientCredentialType, boolean negotiateServiceCredential,
        boolean establishSecurityContext, String algorithmSuite, boolean algorithmSuiteSet) {

    /** With {@code algorithmSuite} set when it is not {@code Default}. */
    public MessageSecurity(MessageCredentialType clientCredentialType, boolean negotiateServiceCredential,
            boolean establishSecurityContext, String algorithmSuite) {
        this(clientCredentialType, negotiateServiceCredential, establishSecurityContext, algorithmSuite,
                !SecurityAlgorithmSuite.DEFAULT.equals(algorithmSuite));
    }

    public MessageSecurity {
        ArgumentChecks.notNull(clientCredentialType, "clientCredentialType");
        if (!SecurityAlgorithmSuite.isValid(algorithmSuite)) {
            throw new BindingValidationException(WcfText.ConfigInvalidClassFactoryValue, "algorithmSuite",
                    algorithmSuite, "System.ServiceModel.Security.SecurityAlgorithmSuite");
        }
    }

    /** Defaults with the given client credential type. */
    public static MessageSecurity withClientCredential(MessageCredentialType type) {
        return new MessageSecurity(type, true, true, SecurityAlgorithmSuite.DEFAULT, false);
    }
}
