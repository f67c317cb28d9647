package io.github.wcf4j.cli;

import io.github.wcf4j.runtime.security.message.SecurityTokenValidationException;
import io.github.wcf4j.runtime.security.message.X509CertificateValidator;
import java.security.cert.X509Certificate;

/** The Java class a test configuration's {@code customCertificateValidatorType} names: trusts CN=stranger only. */
public class TestCertificateValidator implements X509CertificateValidator {
    @Override
    public void validate(X509Certificate certificate) {
        if (!certificate.getSubjectX500Principal().getName().equals("CN=stranger")) {
            throw new SecurityTokenValidationException("not the stranger");
        }
    }
}
