package io.github.wcf4j.cli;

import io.github.wcf4j.binding.BindingValidationException;
import io.github.wcf4j.config.ConfigurationErrorsException;
import io.github.wcf4j.runtime.metadata.MetadataException;
import io.github.wcf4j.runtime.service.ServiceHostException;
import io.github.wcf4j.runtime.stack.UnsupportedBindingException;
import picocli.CommandLine;

/**
 * The command's exit codes, in one place: 0 success, 1 the input is invalid (configuration errors, a binding WCF would
 * refuse), 2 usage errors (picocli's own), 3 a communication failure while hosting or calling, 4 the configuration is
 * valid but asks for something wcf4j cannot run ({@code validate}, {@code describe}).
 */
final class ExitCodes {
    static final int OK = 0;
    static final int INVALID = 1;
    static final int USAGE = CommandLine.ExitCode.USAGE;
    static final int COMMUNICATION = 3;
    static final int NOT_RUNNABLE = 4;

    private ExitCodes() {
    }

    static int forException(Throwable e) {
        if (e instanceof CommandLine.ParameterException) {
            return USAGE;
        }
        if (e instanceof ConfigurationErrorsException || e instanceof BindingValidationException
                || e instanceof LoadedConfig.InvalidInputException
                || e instanceof ServiceHostException || e instanceof MetadataException) {
            return INVALID;
        }
        if (e instanceof UnsupportedBindingException) {
            return NOT_RUNNABLE;
        }
        return COMMUNICATION;
    }
}
