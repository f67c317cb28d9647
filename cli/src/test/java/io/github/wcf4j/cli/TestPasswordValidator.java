package io.github.wcf4j.cli;

import io.github.wcf4j.runtime.security.message.SecurityTokenValidationException;
import io.github.wcf4j.runtime.security.message.UserNamePasswordValidator;

/** The class a test configuration's {@code customUserNamePasswordValidatorType} names: the password is user + "-pw". */
public class TestPasswordValidator implements UserNamePasswordValidator {
    @Override
    public void validate(String userName, String password) {
        if (!password.equals(userName + "-pw")) {
            throw new SecurityTokenValidationException("Unknown user name or incorrect password");
        }
    }
}
