package io.github.wcf4j.cli;

import io.github.wcf4j.binding.BindingValidationException;
import io.github.wcf4j.config.ConfigurationErrorsException;
import picocli.CommandLine;

/**
 * The command's exit codes, in one place: 0 success, 1 the input is invalid (configuration errors, a binding WCF would
 * refuse), 2 usage errors (picocli's own), 3 a communication failure while hosting or calling.
 */
final class ExitCodes {
    static final int OK = 0;
    static final int INVALID = 1;
    static final int USAGE = CommandLine.ExitCode.USAGE;
    static final int COMMUNICATION = 3;

    private ExitCodes() {
    }

    static int forException(Throwable e) {
        if (e instanceof CommandLine.ParameterException) {
            return USAGE;
        }
        if (e instanceof ConfigurationErrorsException || e instanceof BindingValidationException
                || e instanceof LoadedConfig.InvalidInputException
                || e instanceof io.github.wcf4j.runtime.service.ServiceHostException
                || e instanceof io.github.wcf4j.runtime.stack.UnsupportedBindingException
                || e instanceof io.github.wcf4j.runtime.metadata.MetadataException) {
            return INVALID;
        }
        return COMMUNICATION;
    }
}
