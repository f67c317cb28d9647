package io.github.wcf4j.binding.credentials;

/**
 * How a service checks a user name and password (WCF {@code UserNamePasswordValidationMode}), in .NET's order:
 * {@code Windows} logs the user on as a Windows account, {@code MembershipProvider} asks an ASP.NET membership provider,
 * {@code Custom} the {@code customUserNamePasswordValidatorType}.
 */
public enum UserNamePasswordValidationMode {
    Windows, MembershipProvider, Custom
}
